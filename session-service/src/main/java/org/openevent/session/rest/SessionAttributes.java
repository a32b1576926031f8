package org.openevent.session.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.openevent.common.jsonapi.OnCreate;

/** Writable attributes of a session; null means "not given". */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record SessionAttributes(
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED) @Size(min = 1, max = 255) String title,
        @Size(max = 255) String subtitle,
        @Size(max = 100_000) String shortAbstract,
        @Size(max = 100_000) String longAbstract,
        @Size(max = 100_000) String comments,
        @Size(max = 64) String language,
        @Pattern(regexp = "Beginner|Intermediate|Advanced|Expert", message = "Not a valid choice.") String level,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        @Pattern(regexp = "pending|accepted|confirmed|rejected|draft|canceled|withdrawn",
                message = "Not a valid choice.") String state,
        @Size(max = 2048) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String slidesUrl,
        @Size(max = 2048) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String videoUrl,
        @Size(max = 2048) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String audioUrl,
        Boolean isLocked) {
}
