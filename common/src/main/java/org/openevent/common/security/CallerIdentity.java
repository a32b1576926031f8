package org.openevent.common.security;

import org.openevent.common.jsonapi.ApiException;

/** Who is calling: a user id (null when anonymous) and whether the user holds the global admin role. */
public record CallerIdentity(Long userId, boolean admin) {

    public static final String ADMIN_ROLE = "admin";
    public static final String USER_ROLE = "user";
    public static final String IDENTITY_CLAIM = "identity";
    public static final CallerIdentity ANONYMOUS = new CallerIdentity(null, false);

    public boolean isAnonymous() {
        return userId == null;
    }

    /** The user id, or a 401 when the caller is anonymous. */
    public long requireUser() {
        if (userId == null) {
            throw ApiException.unauthorized();
        }
        return userId;
    }

    /** Passes for admins, otherwise 403. */
    public void requireAdmin() {
        requireUser();
        if (!admin) {
            throw ApiException.forbidden("Admin access is required.");
        }
    }
}
