package org.openevent.common.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How long a service trusts what it cached about an account when checking tokens, and how many verified tokens it
 * remembers ({@code openevent.tokens.*}).
 */
@ConfigMapping(prefix = "openevent.tokens")
public interface TokenConfig {

    /**
     * How long a cached account state is used before it is read again. The replica that consumes a user's message
     * updates its cache at once; other replicas of the service see the change after at most this long. Zero turns
     * the cache off (one indexed lookup per request), as user-service does for its own table.
     */
    @WithDefault("2s")
    Duration cacheTtl();

    /** The most account states kept in memory. */
    @WithDefault("100000")
    long cacheSize();

    /**
     * The most verified tokens kept, so a client's next request with the same token skips the signature check and
     * the claims parse (about half a millisecond of CPU). Zero turns it off.
     */
    @WithDefault("10000")
    long verifiedSize();

    /** How long a verified token is remembered at most; its own expiry always applies as well. */
    @WithDefault("10m")
    Duration verifiedTtl();
}
