package org.openevent.session.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.openevent.common.jsonapi.OnCreate;

/** Writable attributes of a room; null means "not given". */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record MicrolocationAttributes(
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED) @Size(min = 1, max = 255) String name,
        Integer floor,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 255) String room,
        Integer position,
        Boolean hiddenInScheduler) {
}
