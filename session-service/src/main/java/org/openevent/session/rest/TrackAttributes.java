package org.openevent.session.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openevent.common.jsonapi.OnCreate;

/** Writable attributes of a track; null means "not given". */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record TrackAttributes(
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED) @Size(min = 1, max = 255) String name,
        @Size(max = 100_000) String description,
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED) @Pattern(regexp = Colors.HEX, message = "Color should be proper HEX color code") String color,
        @Pattern(regexp = Colors.HEX, message = "Color should be proper HEX color code") String fontColor,
        Integer position) {
}
