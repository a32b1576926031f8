package org.openevent.user.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;

/** Settings of password hashing and of the access tokens this service issues. */
@ConfigMapping(prefix = "openevent.auth")
public interface AuthConfig {

    /** The {@code iss} claim; must equal {@code mp.jwt.verify.issuer} of the verifying services. */
    @WithDefault("https://openevent.local")
    String issuer();

    /** How long an access token stays valid. */
    @WithDefault("24h")
    Duration tokenTtl();

    /** bcrypt work factor for new hashes; each step doubles the cost of hashing and verifying. */
    @WithDefault("12")
    @Min(10)
    @Max(16)
    int bcryptCost();
}
