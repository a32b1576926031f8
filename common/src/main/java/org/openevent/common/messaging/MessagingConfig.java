package org.openevent.common.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Settings of the outbox relay and the idempotent consumers ({@code openevent.messaging.*}). */
@ConfigMapping(prefix = "openevent.messaging")
public interface MessagingConfig {

    /** Prepended to every topic name (e.g. {@code test.export-service.} so module test runs never share topics). */
    Optional<String> topicPrefix();

    /** The outbox relay. */
    Relay relay();

    /** The idempotent consumers. */
    Consumer consumer();

    /** Settings of the outbox relay. */
    interface Relay {

        /** False in services that publish nothing: then no relay, no LISTEN connection and no Kafka producer run. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The slow fallback poll. The relay normally wakes on the NOTIFY sent at commit; the poll catches rows
         * whose notification was lost (e.g. while the LISTEN connection reconnected) and retries failed sends.
         */
        @WithDefault("5s")
        Duration pollInterval();

        /** How many rows one round publishes at most (pipelined, then acknowledged together). */
        @WithDefault("500")
        int batchSize();

        /** How long a round waits for the broker's acknowledgements before leaving unacknowledged rows unsent. */
        @WithDefault("45s")
        Duration sendTimeout();

        /** How long the producer may batch records before sending (Kafka {@code linger.ms}). */
        @WithDefault("2ms")
        Duration linger();

        /** How long a send may block for metadata while the broker is unreachable (Kafka {@code max.block.ms}). */
        @WithDefault("5s")
        Duration maxBlock();

        /** Upper bound for one record's delivery including retries (Kafka {@code delivery.timeout.ms}). */
        @WithDefault("30s")
        Duration deliveryTimeout();

        /** Sent rows older than this are purged. */
        @WithDefault("P7D")
        Duration retention();

        /**
         * How long shutdown waits for a round in flight to be acknowledged and marked sent; it must fit in the
         * platform's grace period (Kubernetes: terminationGracePeriodSeconds).
         */
        @WithDefault("10s")
        Duration drainTimeout();
    }

    /** Settings of the idempotent consumers. */
    interface Consumer {

        /** How many times a message is retried after a transient failure before it is dead-lettered. */
        @WithDefault("5")
        int retries();
    }
}
