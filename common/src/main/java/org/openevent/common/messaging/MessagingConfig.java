package org.openevent.common.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the outbox relay and the idempotent consumers. */
@ConfigMapping(prefix = "openevent.messaging")
public interface MessagingConfig {

    /** Prepended to every topic name (e.g. {@code test.} for test runs sharing a broker with a platform). */
    Optional<String> topicPrefix();

    /** How often the relay looks for unsent outbox rows (read by the scheduler expression). */
    @WithDefault("500ms")
    Duration outboxPollInterval();

    /** How many outbox rows one relay round publishes at most. */
    @WithDefault("100")
    int outboxBatchSize();

    /** How long a relay round waits for the broker's acknowledgements before giving up the round. */
    @WithDefault("15s")
    Duration sendTimeout();

    /** Sent outbox rows older than this many days are purged. */
    @WithDefault("7")
    int outboxRetentionDays();

    /** How many times a consumer retries a message after a transient failure before dead-lettering it. */
    @WithDefault("5")
    int consumerRetries();
}
