package org.openevent.session.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openevent.common.jsonapi.OnCreate;

/** Writable attributes of a session type; null means "not given". */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record SessionTypeAttributes(
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED) @Size(min = 1, max = 255) String name,
        @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "Length should be in the format HH:MM") String length,
        Integer position) {
}
