package org.openevent.session.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openevent.common.jsonapi.OnCreate;

/** Writable attributes of a speaker; null means "not given". */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record SpeakerAttributes(
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED) @Size(min = 1, max = 255) String name,
        @Email(message = "Not a valid email address.") @Size(max = 320) String email,
        @Size(max = 64) String mobile,
        @Size(max = 2048) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String photoUrl,
        @Size(max = 100_000) String shortBiography,
        @Size(max = 100_000) String longBiography,
        @Size(max = 100_000) String speakingExperience,
        @Size(max = 255) String organisation,
        @Size(max = 255) String position,
        @Size(max = 255) String country,
        @Size(max = 255) String city,
        @Size(max = 2048) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String website,
        @Size(max = 2048) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String twitter,
        @Size(max = 2048) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String facebook,
        @Size(max = 2048) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String github,
        @Size(max = 2048) @Pattern(regexp = Urls.PATTERN, message = Urls.MESSAGE) String linkedin,
        @Size(max = 64) String gender,
        Boolean isFeatured,
        Integer order) {
}
