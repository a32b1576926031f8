package org.openevent.common.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka. It wakes on the NOTIFY that the outbox trigger sends at commit
 * (with a slow fallback poll), and only the replica holding a PostgreSQL advisory lock relays, so the rows of
 * one key leave in {@code seq} order. Each round takes up to a batch of unsent rows round-robin across fairness
 * keys, sends them pipelined through an idempotent producer ({@code acks=all}, ordered per partition with
 * several requests in flight), and marks as sent only what the broker acknowledged; anything else stays for a
 * later round, which makes delivery at-least-once (consumers deduplicate). Each record is published in a span of the
 * trace that wrote its row, and carries that trace in its headers ({@link MessageTracing}).
 */
@ApplicationScoped
public class OutboxRelay {

    /** The NOTIFY channel of the outbox trigger (migration {@code V0_2}). */
    public static final String CHANNEL = "openevent_outbox";
    /** Session-level advisory lock held by the active relay of a database ("oeoutbox"). */
    public static final long LEADER_LOCK = 0x6f656f7574626f78L;

    // The rank of a row within its fairness key interleaves keys: every key's first row, then every key's second...
    static final String SELECT_ROUND = "SELECT seq, topic, message_key, envelope, created_at, trace_headers FROM ("
            + "SELECT seq, topic, message_key, envelope, created_at, trace_headers, "
            + "row_number() OVER (PARTITION BY fairness_key ORDER BY seq) AS turn "
            + "FROM outbox_message WHERE sent_at IS NULL) pending "
            + "WHERE turn <= $1 ORDER BY turn, seq LIMIT $1";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Pool pool;
    private final Vertx vertx;
    private final MessagingConfig.Relay config;
    private final String bootstrapServers;
    private final String clientId;
    private final MeterRegistry registry;
    private final MessageTracing tracing;
    private Counter published;
    private Counter sendFailures;
    private Timer publishLag;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentMillis = new AtomicLong();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wakeAgain = new AtomicBoolean();
    private final AtomicBoolean acquiring = new AtomicBoolean();

    private volatile boolean stopped;
    private volatile long timer = -1;
    private volatile SqlConnection leader;
    private volatile Context leaderContext;
    private volatile Producer<String, String> producer;
    private ExecutorService sender;

    public OutboxRelay(Pool pool, Vertx vertx, MessagingConfig config, MeterRegistry registry, MessageTracing tracing,
                       @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                       @ConfigProperty(name = "quarkus.application.name", defaultValue = "openevent") String app) {
        this.pool = pool;
        this.vertx = vertx;
        this.config = config.relay();
        this.bootstrapServers = bootstrapServers;
        this.clientId = app + "-outbox";
        this.registry = registry;
        this.tracing = tracing;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.debug("Outbox relay disabled (openevent.messaging.relay.enabled=false)");
            return;
        }
        this.published = registry.counter("openevent.outbox.published");
        this.sendFailures = registry.counter("openevent.outbox.send.failures");
        this.publishLag = Timer.builder("openevent.outbox.publish.lag")
                .description("From writing an outbox row to the broker's acknowledgement of its record")
                .publishPercentiles(0.5, 0.99).register(registry);
        Gauge.builder("openevent.outbox.backlog", backlog, AtomicLong::get)
                .description("Unsent outbox rows").register(registry);
        Gauge.builder("openevent.outbox.oldest.unsent.seconds", oldestUnsentMillis, v -> v.get() / 1000.0)
                .description("Age of the oldest unsent outbox row").register(registry);
        sender = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "outbox-relay-sender");
            thread.setDaemon(true);
            return thread;
        });
        producer = createProducer(bootstrapServers);
        timer = vertx.setPeriodic(config.pollInterval().toMillis(), id -> tick());
        tick();
    }

    /**
     * Stops relaying: no new round starts, a round in flight may finish (its records acknowledged and marked sent, so
     * nothing is published twice) for up to {@code relay.drain-timeout}, then the lock connection and the producer
     * close. Rows still unsent are published by the replica that takes the lock over, or after the restart.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        stopped = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        long deadline = System.nanoTime() + config.drainTimeout().toNanos();
        while (draining.get() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (draining.get()) {
            LOG.warnf("Outbox relay stopped with a round in flight after %s; its rows will be published again",
                    config.drainTimeout());
        } else if (leader != null) {
            LOG.info("Outbox relay stopped; no round in flight");
        }
        SqlConnection connection = leader;
        leader = null;
        if (connection != null) {
            connection.closeAndForget();
        }
        if (sender != null) {
            Producer<String, String> current = producer;
            sender.execute(() -> current.close(Duration.ofSeconds(5)));
            sender.shutdown();
        }
    }

    /** True while this replica holds the advisory lock and relays for its database. */
    public boolean isActive() {
        return leader != null;
    }

    /** The fallback poll: take over when no relay is active, otherwise look for rows a lost NOTIFY missed. */
    void tick() {
        if (stopped) {
            return;
        }
        if (leader == null) {
            if (acquiring.compareAndSet(false, true)) {
                acquire().subscribe().with(won -> acquiring.set(false), failure -> {
                    acquiring.set(false);
                    LOG.debugf("Outbox relay could not check the relay lock: %s", failure.getMessage());
                });
            }
        } else {
            wake();
        }
        refreshGauges();
    }

    /**
     * Tries to become the database's active relay: the lock and the LISTEN live on one dedicated connection, so
     * losing that connection gives up both at once and another replica (or this one, at the next tick) takes over.
     */
    private Uni<Boolean> acquire() {
        return pool.getConnection().flatMap(connection -> connection
                .preparedQuery("SELECT pg_try_advisory_lock($1)").execute(Tuple.of(LEADER_LOCK))
                .map(rows -> rows.iterator().next().getBoolean(0))
                .flatMap(won -> !won ? connection.close().replaceWith(false)
                        : connection.query("LISTEN " + CHANNEL).execute().map(ignored -> {
                            leaderContext = Vertx.currentContext() != null
                                    ? Vertx.currentContext().getDelegate() : vertx.getDelegate().getOrCreateContext();
                            PgConnection.cast(connection).notificationHandler(notification -> wake());
                            connection.closeHandler(() -> {
                                if (leader == connection) {
                                    leader = null;
                                    LOG.warn("Outbox relay lost its database connection; it will try to take over again");
                                }
                            });
                            leader = connection;
                            LOG.infof("Outbox relay active for this database (listening on %s)", CHANNEL);
                            wake();
                            return true;
                        }))
                .onFailure().call(failure -> connection.close()));
    }

    /** Starts draining, or asks the running drain for one more round so a commit during a round is not missed. */
    void wake() {
        if (stopped) {
            return;
        }
        wakeAgain.set(true);
        if (draining.compareAndSet(false, true)) {
            drain();
        }
    }

    private void drain() {
        SqlConnection connection = leader;
        if (connection == null || stopped) {
            draining.set(false);
            return;
        }
        wakeAgain.set(false);
        round(connection).subscribe().with(outcome -> {
            if (outcome == Round.FULL || (outcome == Round.PARTIAL && wakeAgain.get())) {
                drain();
                return;
            }
            draining.set(false);
            // A failed round waits for the next poll instead of hammering an unreachable broker.
            if (outcome != Round.FAILED && wakeAgain.get()) {
                wake();
            }
        }, failure -> {
            LOG.warnf("Outbox relay round failed, will retry: %s", failure.getMessage());
            draining.set(false);
        });
    }

    enum Round { EMPTY, PARTIAL, FULL, FAILED }

    private Uni<Round> round(SqlConnection connection) {
        int batchSize = config.batchSize();
        return connection.preparedQuery(SELECT_ROUND).execute(Tuple.of(batchSize)).flatMap(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().item(Round.EMPTY);
            }
            List<Pending> pending = new ArrayList<>(rows.size());
            for (Row row : rows) {
                pending.add(new Pending(row.getLong("seq"), row.getString("topic"), row.getString("message_key"),
                        row.getString("envelope"), row.getOffsetDateTime("created_at"),
                        row.getString("trace_headers")));
            }
            Context context = leaderContext;
            return send(pending)
                    .emitOn(command -> context.runOnContext(ignored -> command.run()))
                    .flatMap(delivered -> markSent(connection, delivered).map(ignored -> {
                        if (delivered.size() < pending.size()) {
                            sendFailures.increment(pending.size() - delivered.size());
                            return Round.FAILED;
                        }
                        return pending.size() >= batchSize ? Round.FULL : Round.PARTIAL;
                    }));
        });
    }

    private Uni<Void> markSent(SqlConnection connection, List<Pending> delivered) {
        if (delivered.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] seqs = delivered.stream().map(Pending::seq).toArray(Long[]::new);
        return connection.preparedQuery("UPDATE outbox_message SET sent_at = now() WHERE seq = ANY($1)")
                .execute(Tuple.of(seqs))
                .invoke(() -> {
                    published.increment(delivered.size());
                    long now = System.currentTimeMillis();
                    for (Pending message : delivered) {
                        publishLag.record(Math.max(0, now - message.createdAt().toInstant().toEpochMilli()),
                                TimeUnit.MILLISECONDS);
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Hands the batch to the producer in seq order on the sender thread (a send can block while the broker is
     * unreachable, which must never happen on an event loop) and completes with the acknowledged messages.
     */
    private Uni<List<Pending>> send(List<Pending> pending) {
        return Uni.createFrom().<List<Pending>>emitter(emitter -> sender.execute(() -> {
            Producer<String, String> current = producer;
            List<CompletableFuture<Pending>> acks = new ArrayList<>(pending.size());
            for (Pending message : pending) {
                CompletableFuture<Pending> ack = new CompletableFuture<>();
                acks.add(ack);
                RecordHeaders headers = new RecordHeaders();
                Span span = tracing.startPublish(message.topic(), message.seq(), message.traceHeaders(), headers);
                try {
                    ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), null,
                            message.key(), message.envelope(), headers);
                    current.send(record, (metadata, failure) -> {
                        MessageTracing.endPublish(span, failure);
                        if (failure == null) {
                            ack.complete(message);
                        } else {
                            ack.completeExceptionally(failure);
                        }
                    });
                } catch (RuntimeException e) {
                    // Typically no metadata within max.block: the broker is unreachable, so stop this round here.
                    MessageTracing.endPublish(span, e);
                    ack.completeExceptionally(e);
                    break;
                }
            }
            CompletableFuture.allOf(acks.stream().map(ack -> ack.exceptionally(failure -> null))
                            .toArray(CompletableFuture[]::new))
                    .completeOnTimeout(null, config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                    .whenComplete((ignored, never) -> {
                        List<Pending> delivered = new ArrayList<>(acks.size());
                        Throwable firstFailure = null;
                        for (CompletableFuture<Pending> ack : acks) {
                            if (ack.isDone() && !ack.isCompletedExceptionally()) {
                                delivered.add(ack.join());
                            } else if (firstFailure == null) {
                                firstFailure = ack.handle((value, failure) -> failure).getNow(null);
                            }
                        }
                        if (delivered.size() < pending.size()) {
                            LOG.warnf("Outbox relay: %d of %d messages not acknowledged, they stay unsent: %s",
                                    pending.size() - delivered.size(), pending.size(),
                                    firstFailure == null ? "timed out" : firstFailure.getMessage());
                        }
                        emitter.complete(delivered);
                    });
        }));
    }

    private void refreshGauges() {
        pool.query("SELECT count(*), coalesce(extract(epoch FROM now() - min(created_at)) * 1000, 0)::bigint "
                        + "FROM outbox_message WHERE sent_at IS NULL")
                .execute()
                .subscribe().with(rows -> {
                    Row row = rows.iterator().next();
                    backlog.set(row.getLong(0));
                    oldestUnsentMillis.set(row.getLong(1));
                }, failure -> LOG.debugf("Outbox gauges not refreshed: %s", failure.getMessage()));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeSent() {
        if (!config.enabled()) {
            return Uni.createFrom().voidItem();
        }
        return pool.preparedQuery("DELETE FROM outbox_message WHERE sent_at < now() - make_interval(secs => $1)")
                .execute(Tuple.of((double) config.retention().toSeconds()))
                .onFailure().invoke(e -> LOG.warnf("Purging sent outbox rows failed: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Replaces the producer, e.g. to point the relay at another broker; rows that the old producer could not
     * deliver stay unsent and go out through the new one at the next round.
     */
    void useBootstrapServers(String servers) {
        Producer<String, String> replacement = createProducer(servers);
        sender.execute(() -> {
            Producer<String, String> old = producer;
            producer = replacement;
            old.close(Duration.ZERO);
        });
    }

    private Producer<String, String> createProducer(String servers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        // Idempotence keeps each partition in send order even with several requests in flight and retries.
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(config.linger().toMillis()));
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, String.valueOf(config.maxBlock().toMillis()));
        long delivery = config.deliveryTimeout().toMillis();
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, String.valueOf(Math.min(10_000, delivery / 2)));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(delivery));
        return new KafkaProducer<>(props);
    }

    private record Pending(long seq, String topic, String key, String envelope, OffsetDateTime createdAt,
                           String traceHeaders) {
    }
}
