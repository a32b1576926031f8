package org.openevent.common.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What an operator watches on the consuming side: how long after a change was written it took effect here
 * ({@code openevent_projection_lag_seconds}, by message type) and which records went to a dead-letter topic
 * ({@code openevent_messages_dead_lettered_total}, by channel, topic and reason).
 */
@ApplicationScoped
public class ConsumerMetrics {

    // Buckets for alerting on quantiles: propagation normally takes tens of milliseconds, a backlog minutes.
    private static final Duration[] LAG_BUCKETS = {Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5)};

    private final MeterRegistry registry;

    public ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Records that a message written at {@code occurredAt} took effect now. */
    public void applied(String type, OffsetDateTime occurredAt) {
        if (occurredAt == null) {
            return;
        }
        Duration lag = Duration.between(occurredAt, OffsetDateTime.now());
        Timer.builder("openevent.projection.lag")
                .description("From writing a change (envelope occurredAt) to its effect committed by this consumer")
                .tag("type", type)
                .serviceLevelObjectives(LAG_BUCKETS)
                .register(registry)
                .record(lag.isNegative() ? Duration.ZERO : lag);
    }

    /** Counts a record handed to its channel's dead-letter topic. */
    public void deadLettered(String channel, String topic, Throwable reason) {
        Counter.builder("openevent.messages.dead.lettered")
                .description("Records sent to a dead-letter topic because they could never be processed")
                .tag("channel", channel)
                .tag("topic", topic)
                .tag("reason", reason instanceof PoisonMessageException ? "poison" : "retries-exhausted")
                .register(registry)
                .increment();
    }
}
