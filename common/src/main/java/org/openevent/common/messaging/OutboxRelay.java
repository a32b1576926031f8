package org.openevent.common.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka and marks them sent. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} so several replicas share the work; a failed send leaves the rows
 * unsent for the next round, which makes delivery at-least-once (consumers deduplicate).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final MutinyEmitter<String> emitter;
    private final MessagingConfig config;
    private final Counter published;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile long timer = -1;

    public OutboxRelay(Pool pool, @Channel("outbox") MutinyEmitter<String> emitter, MessagingConfig config,
                       MeterRegistry registry) {
        this.pool = pool;
        this.emitter = emitter;
        this.config = config;
        this.published = registry.counter("openevent.outbox.published");
    }

    /** Starts polling once the application (and so the outgoing channel) is up; Vert.x timers allow sub-second periods. */
    void start(@Observes StartupEvent startup, Vertx vertx) {
        long period = Math.max(10, config.outboxPollInterval().toMillis());
        timer = vertx.setPeriodic(1_000, period, tick -> {
            if (running.compareAndSet(false, true)) {
                relayPending().subscribe().with(ignored -> running.set(false), failure -> running.set(false));
            }
        });
    }

    void stop(@Observes ShutdownEvent shutdown, Vertx vertx) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
    }

    Uni<Void> relayPending() {
        return pool.withTransaction(this::relayBatch)
                .onFailure().invoke(e -> LOG.warnf("Outbox relay round failed, will retry: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeSent() {
        return pool.preparedQuery("DELETE FROM outbox_message WHERE sent_at < now() - make_interval(days => $1)")
                .execute(Tuple.of(config.outboxRetentionDays()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Integer> relayBatch(SqlConnection connection) {
        return connection.preparedQuery("SELECT id, topic, message_key, envelope FROM outbox_message "
                        + "WHERE sent_at IS NULL ORDER BY created_at, id LIMIT $1 FOR UPDATE SKIP LOCKED")
                .execute(Tuple.of(config.outboxBatchSize()))
                .flatMap(rows -> {
                    if (rows.size() == 0) {
                        return Uni.createFrom().item(0);
                    }
                    List<UUID> ids = new ArrayList<>(rows.size());
                    List<Uni<Void>> sends = new ArrayList<>(rows.size());
                    for (Row row : rows) {
                        ids.add(row.getUUID("id"));
                        sends.add(send(row));
                    }
                    return Uni.join().all(sends).andFailFast()
                            .ifNoItem().after(config.sendTimeout()).fail()
                            .flatMap(ignored -> connection
                                    .preparedQuery("UPDATE outbox_message SET sent_at = now() WHERE id = ANY($1)")
                                    .execute(Tuple.of(ids.toArray(new UUID[0]))))
                            .invoke(() -> published.increment(ids.size()))
                            .replaceWith(ids.size());
                });
    }

    private Uni<Void> send(Row row) {
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(row.getString("topic"))
                .withKey(row.getString("message_key"))
                .build();
        return emitter.sendMessage(Message.of(row.getString("envelope")).addMetadata(metadata));
    }
}
