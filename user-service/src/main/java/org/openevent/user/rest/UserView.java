package org.openevent.user.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.OffsetDateTime;
import org.openevent.user.domain.User;

/** The attributes of a user resource as served to the user itself or an admin; never the password hash. */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
public record UserView(String email, String firstName, String lastName, String publicName, String avatarUrl,
                       @JsonProperty("is-admin") boolean isAdmin,
                       @JsonProperty("is-super-admin") boolean isSuperAdmin,
                       OffsetDateTime createdAt, OffsetDateTime deletedAt) {

    public static UserView of(User u) {
        return new UserView(u.email, u.firstName, u.lastName, u.publicName, u.avatarUrl, u.admin, u.superAdmin,
                u.createdAt, u.deletedAt);
    }
}
