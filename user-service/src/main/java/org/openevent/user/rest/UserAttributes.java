package org.openevent.user.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.openevent.common.jsonapi.OnCreate;

/** Writable attributes of a user as the client sends them; null means "not given", unknown ones are ignored. */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record UserAttributes(
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED)
        @Size(max = 255)
        @Pattern(regexp = "\\s*[^@\\s]+@[^@\\s]+\\.[^@\\s]+\\s*", message = "Not a valid email address.")
        String email,
        @NotNull(groups = OnCreate.class, message = OnCreate.REQUIRED)
        @Size(min = 8, message = "Password should be at least 8 characters long") String password,
        @Size(max = 255) String firstName,
        @Size(max = 255) String lastName,
        @Size(max = 255) String publicName,
        @Size(max = 2048) @Pattern(regexp = "https?://\\S+", message = "Not a valid URL.") String avatarUrl,
        @JsonProperty("is-admin") Boolean isAdmin) {
}
