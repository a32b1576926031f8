package org.openevent.user.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of password hashing, of the tokens this service issues and of the limits on account requests. */
@ConfigMapping(prefix = "openevent.auth")
public interface AuthConfig {

    /** The {@code iss} claim; must equal {@code mp.jwt.verify.issuer} of the verifying services. */
    @WithDefault("https://openevent.local")
    String issuer();

    /** How long an access token stays valid after a login without remember-me (the original: 1 day). */
    @WithDefault("24h")
    Duration tokenTtl();

    /** How long an access token lives when a refresh token stands behind it (the original: 90 minutes). */
    @WithDefault("90m")
    Duration rememberedTokenTtl();

    /** How long a refresh token (remember-me) stays valid unless revoked (the original: 365 days). */
    @WithDefault("365d")
    Duration refreshTokenTtl();

    /** How long a fresh token (from {@code /v1/auth/fresh-login}, needed for sensitive changes) lives. */
    @WithDefault("15m")
    Duration freshTokenTtl();

    /** How long an e-mail verification link works. */
    @WithDefault("7d")
    Duration verificationTtl();

    /** How long a password reset link works (it also works only once). */
    @WithDefault("1h")
    Duration resetTtl();

    /**
     * bcrypt work factor for new hashes, 10 to 16; each step doubles the cost of hashing and verifying. Checked by
     * the hasher at start rather than by a constraint: one constraint on a mapping brings Hibernate Validator's
     * metadata building into every start (about a third of a second here).
     */
    @WithDefault("12")
    int bcryptCost();

    /** Limits on account requests, counted in PostgreSQL so they hold across replicas. */
    Limits limits();

    /** How many attempts a window allows. */
    interface Limits {

        /** Failed logins per e-mail address (and failed password checks per account) in {@link #window()}. */
        @WithDefault("10")
        int failedLogins();

        /** Password reset requests per address in {@link #window()} (the original: 3 per hour). */
        @WithDefault("3")
        int resetsPerAddress();

        /** Verification mail requests per address in {@link #window()}. */
        @WithDefault("3")
        int verificationsPerAddress();

        /** Reset, verification and address-check requests per client address in {@link #window()}. */
        @WithDefault("30")
        int perClient();

        /** The window every limit counts in. */
        @WithDefault("1h")
        Duration window();
    }
}
