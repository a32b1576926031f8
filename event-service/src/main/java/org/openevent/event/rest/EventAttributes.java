package org.openevent.event.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.openevent.common.jsonapi.OnCreate;

/** Writable attributes of an event as the client sends them; null means "not given". */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record EventAttributes(
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED) @Size(min = 1, max = 255) String name,
        @Size(max = 100_000) String description,
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED) OffsetDateTime startsAt,
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED) OffsetDateTime endsAt,
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED) @Size(max = 64) String timezone,
        @Size(max = 255) String locationName,
        @DecimalMin("-90") @DecimalMax("90") Double latitude,
        @DecimalMin("-180") @DecimalMax("180") Double longitude,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String externalEventUrl,
        @Pattern(regexp = "draft|published", message = "must be draft or published") String state) {
}
