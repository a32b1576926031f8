package org.openevent.common.security;

import org.openevent.common.jsonapi.ApiException;

/**
 * Who is calling: a user id (null when anonymous), whether the user holds the global admin role, for a caller whose
 * token was rejected, why (so protected endpoints can say so in their 401), and whether the token is fresh (minted
 * right after a password check, as sensitive changes such as a new e-mail address require).
 */
public record CallerIdentity(Long userId, boolean admin, String tokenProblem, boolean fresh) {

    public static final String ADMIN_ROLE = "admin";
    public static final String USER_ROLE = "user";
    public static final String IDENTITY_CLAIM = "identity";
    /** The account's token generation when the token was minted; older generations are revoked. */
    public static final String GENERATION_CLAIM = "tgen";
    /** The token's kind: {@code access}, or {@link #REFRESH_TYPE}, which no service accepts as a credential. */
    public static final String TYPE_CLAIM = "type";
    public static final String REFRESH_TYPE = "refresh";
    /** True in tokens minted right after a password check. */
    public static final String FRESH_CLAIM = "fresh";
    /** The original's wording for a token that may no longer be used. */
    public static final String REVOKED = "Token has been revoked";
    public static final CallerIdentity ANONYMOUS = new CallerIdentity(null, false, null);

    public CallerIdentity(Long userId, boolean admin) {
        this(userId, admin, null, false);
    }

    public CallerIdentity(Long userId, boolean admin, String tokenProblem) {
        this(userId, admin, tokenProblem, false);
    }

    /** An anonymous caller whose token could not be accepted. */
    public static CallerIdentity rejected(Throwable failure) {
        return new CallerIdentity(null, false, describe(failure));
    }

    /** An anonymous caller whose token was valid once but has been revoked (password change, block, deletion). */
    public static CallerIdentity revoked() {
        return new CallerIdentity(null, false, REVOKED);
    }

    /** The original server's wording for a token failure. */
    public static String describe(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.jose4j.jwt.consumer.InvalidJwtException invalid) {
                return invalid.hasExpired() ? "Token has expired" : "Invalid token";
            }
            if (cause.getMessage() != null && cause.getMessage().toLowerCase().contains("expired")) {
                return "Token has expired";
            }
        }
        return "Invalid token";
    }

    public boolean isAnonymous() {
        return userId == null;
    }

    /** The user id, or a 401 when the caller is anonymous. */
    public long requireUser() {
        if (userId == null) {
            throw tokenProblem == null ? ApiException.unauthorized() : ApiException.unauthorized(tokenProblem);
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
