package org.openevent.common.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;
import org.openevent.common.persistence.NativeSql;
import org.openevent.common.persistence.Transactions;

/**
 * Applies each message at most once: the message id is recorded in {@code processed_message} in the
 * same transaction as its effects, so redeliveries are skipped. Unparseable records fail as poison
 * (the channel routes them to its dead-letter topic); transient failures are retried with back-off. Each message is
 * handled in a span of the trace that wrote it ({@link MessageTracing}), and the time from its writing to its effect
 * is recorded ({@link ConsumerMetrics#applied}). Typical use: {@code consumer.consume(record, handlers)} with a
 * {@link MessageHandlers} registry built once per consumer.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final ObjectMapper mapper;
    private final MessagingConfig config;
    private final MessageTracing tracing;
    private final ConsumerMetrics metrics;

    public IdempotentConsumer(ObjectMapper mapper, MessagingConfig config, MessageTracing tracing,
                              ConsumerMetrics metrics) {
        this.mapper = mapper;
        this.config = config;
        this.tracing = tracing;
        this.metrics = metrics;
    }

    /** Parses the envelope and, unless already processed, dispatches it to its handler in one transaction. */
    public Uni<Void> consume(String record, MessageHandlers handlers) {
        return consume(record, handlers::dispatch);
    }

    /** Parses the envelope and, unless already processed, runs {@code effect} in one transaction. */
    public Uni<Void> consume(String record, Function<Envelope, Uni<Void>> effect) {
        Envelope envelope;
        try {
            envelope = parse(record);
        } catch (PoisonMessageException e) {
            return Uni.createFrom().failure(e);
        }
        return tracing.inConsumeSpan(envelope, () -> retrying(envelope.messageId(), () -> Transactions.run(
                () -> Panache.getSession()
                        .flatMap(session -> session.createNativeQuery(
                                        "INSERT INTO processed_message (message_id, processed_at) VALUES (:id, now()) "
                                                + "ON CONFLICT DO NOTHING")
                                .setParameter("id", envelope.messageId())
                                .executeUpdate())
                        .flatMap(inserted -> inserted == 0
                                ? Uni.createFrom().item(false)
                                : Uni.createFrom().deferred(() -> effect.apply(envelope)).replaceWith(true)))
                .invoke(applied -> {
                    if (applied) {
                        metrics.applied(envelope.type(), envelope.occurredAt());
                    }
                })
                .replaceWithVoid()));
    }

    /**
     * Applies a batch of records (a channel with {@code batch=true} and manual acknowledgement) in one transaction
     * when it can: every record parses, the ledger takes all their ids in one statement, and {@code effect} gets the
     * envelopes not processed before, in record order (a redelivered id once). A batch with a poison record, or one
     * whose transaction keeps failing, goes record by record through {@link #consume(String, MessageHandlers)}
     * instead, each record acknowledged or dead-lettered on its own, so batching never changes what happens to one
     * record. Under load this turns one transaction (and its commit) per message into one per poll.
     */
    public Uni<Void> consumeBatch(String channel, KafkaRecordBatch<String, String> batch, MessageHandlers handlers,
                                  Function<List<Envelope>, Uni<Void>> effect) {
        List<KafkaRecord<String, String>> records = batch.getRecords();
        Map<String, Envelope> byId = new LinkedHashMap<>();
        for (KafkaRecord<String, String> record : records) {
            try {
                Envelope envelope = parse(record.getPayload());
                byId.putIfAbsent(envelope.messageId(), envelope);
            } catch (PoisonMessageException e) {
                return oneByOne(records, handlers);
            }
        }
        if (byId.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] ids = byId.keySet().toArray(String[]::new);
        Uni<Void> together = tracing.inBatchSpan(channel, records.stream().map(KafkaRecord::getHeaders).toList(),
                ids[0], () -> retrying(ids[0] + " and " + (ids.length - 1) + " more", () -> Transactions.run(
                        () -> Panache.getSession()
                                .flatMap(session -> NativeSql.column(session, "INSERT INTO processed_message "
                                        + "(message_id, processed_at) SELECT id, now() FROM unnest($1::text[]) id "
                                        + "ON CONFLICT DO NOTHING RETURNING message_id", (Object) ids))
                                .flatMap(inserted -> {
                                    Set<Object> fresh = new HashSet<>(inserted);
                                    List<Envelope> unseen = byId.values().stream()
                                            .filter(envelope -> fresh.contains(envelope.messageId())).toList();
                                    return unseen.isEmpty() ? Uni.createFrom().item(unseen)
                                            : Uni.createFrom().deferred(() -> effect.apply(unseen)).replaceWith(unseen);
                                }))
                        .invoke(applied -> applied.forEach(e -> metrics.applied(e.type(), e.occurredAt())))
                        .replaceWithVoid()));
        return together
                .flatMap(ignored -> acknowledgeAll(records))
                .onFailure().recoverWithUni(failure -> {
                    LOG.warnf("A batch of %d records of %s could not be applied together (%s); applying them one by "
                            + "one", records.size(), channel, failure.getMessage());
                    return oneByOne(records, handlers);
                });
    }

    /**
     * {@link #consumeBatch(String, KafkaRecordBatch, MessageHandlers, Function)} with each message not seen before
     * dispatched to its handler in turn, all in the batch's one transaction.
     */
    public Uni<Void> consumeBatch(String channel, KafkaRecordBatch<String, String> batch, MessageHandlers handlers) {
        return consumeBatch(channel, batch, handlers, envelopes -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Envelope envelope : envelopes) {
                chain = chain.chain(() -> handlers.dispatch(envelope));
            }
            return chain;
        });
    }

    /** Each record through the single-message path, acknowledged, or nacked to its dead-letter topic, in order. */
    private Uni<Void> oneByOne(List<KafkaRecord<String, String>> records, MessageHandlers handlers) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (KafkaRecord<String, String> record : records) {
            // Only a failure of the record's own consumption dead-letters it, never one of its acknowledgement.
            chain = chain.flatMap(ignored -> Uni.createFrom().deferred(() -> consume(record.getPayload(), handlers))
                    .onItemOrFailure().transformToUni((done, failure) -> Uni.createFrom().completionStage(
                            failure == null ? record::ack : () -> record.nack(failure))));
        }
        return chain;
    }

    private static Uni<Void> acknowledgeAll(List<KafkaRecord<String, String>> records) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (KafkaRecord<String, String> record : records) {
            chain = chain.flatMap(ignored -> Uni.createFrom().completionStage(record::ack));
        }
        return chain;
    }

    /**
     * For handlers that must not run inside one transaction (long work such as rendering a file): skips a message
     * already recorded in the ledger, otherwise dispatches it outside any transaction and records it afterwards.
     * Delivery stays at-least-once (a crash before the record is written repeats the handler), so the handler must
     * make its own effect idempotent, e.g. with a conditional state change.
     */
    public Uni<Void> consumeOutsideTransaction(String record, MessageHandlers handlers) {
        Envelope envelope;
        try {
            envelope = parse(record);
        } catch (PoisonMessageException e) {
            return Uni.createFrom().failure(e);
        }
        return tracing.inConsumeSpan(envelope, () -> retrying(envelope.messageId(), () -> Panache.withSession(
                        () -> Panache.getSession()
                                .flatMap(session -> NativeSql.value(session,
                                                "SELECT count(*) FROM processed_message WHERE message_id = $1",
                                                envelope.messageId()))
                                .map(NativeSql::asLong))
                .flatMap(seen -> seen > 0 ? Uni.createFrom().voidItem()
                        : handlers.dispatch(envelope).call(() -> Transactions.run(() -> Panache.getSession()
                                        .flatMap(session -> session.createNativeQuery(
                                                        "INSERT INTO processed_message (message_id, processed_at) "
                                                                + "VALUES (:id, now()) ON CONFLICT DO NOTHING")
                                                .setParameter("id", envelope.messageId()).executeUpdate())))
                                .invoke(() -> metrics.applied(envelope.type(), envelope.occurredAt())))));
    }

    /** Reads a record's envelope, failing as poison when it is not JSON or lacks a mandatory member. */
    public Envelope parse(String record) {
        Envelope envelope;
        try {
            envelope = mapper.readValue(record, Envelope.class);
        } catch (Exception e) {
            throw new PoisonMessageException("Unparseable message", e);
        }
        if (envelope == null || !envelope.isWellFormed()) {
            throw new PoisonMessageException("Malformed envelope", null);
        }
        return envelope;
    }

    /**
     * Runs {@code attempt} and retries it with back-off after a transient failure (anything but poison), for
     * handlers that keep their own idempotency instead of one transaction per message (e.g. long work that must
     * not hold a transaction). Each attempt is subscribed on the caller's Vert.x context: the back-off delay ends
     * on a worker thread, and Hibernate Reactive must run on the context.
     */
    public Uni<Void> retrying(String messageId, Supplier<Uni<Void>> attempt) {
        Context context = Vertx.currentContext();
        Uni<Void> once = Uni.createFrom().deferred(() -> attempt.get());
        if (context != null) {
            once = once.runSubscriptionOn(command -> context.runOnContext(ignored -> command.run()));
        }
        return once
                .onFailure(e -> !(e instanceof PoisonMessageException))
                .invoke(e -> LOG.warnf("Message %s failed, retrying: %s", messageId, e.getMessage()))
                .onFailure(e -> !(e instanceof PoisonMessageException))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(config.consumer().retries());
    }

    /** Reads a payload into its contract type, failing as poison when it does not fit. */
    public <T> T payload(Envelope envelope, Class<T> type) {
        try {
            return mapper.treeToValue(envelope.payload(), type);
        } catch (Exception e) {
            throw new PoisonMessageException("Payload of " + envelope.type() + " does not match " + type.getSimpleName(), e);
        }
    }

    /** True when a projection at {@code currentVersion} should take a message of {@code incomingVersion}. */
    public static boolean isNewer(Long currentVersion, long incomingVersion) {
        return VersionGate.isNewer(currentVersion, incomingVersion);
    }
}
