package org.openevent.stats.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.openevent.common.contract.Topics;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.messaging.IdempotentConsumer;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.stats.config.StatisticsConfig;
import org.openevent.stats.domain.Aggregate;
import org.openevent.stats.domain.ComparedFigure;
import org.openevent.stats.domain.Snapshot;
import org.openevent.stats.messaging.TopicReplay;
import org.openevent.stats.repository.FigureRepository;
import org.openevent.stats.repository.ReplayRepository;

/**
 * The reconciliation command: replays the topics the statistics are built from, from their beginning, reads every
 * record through the live consumers' handlers into the newest snapshot of each aggregate, recounts every figure
 * from those snapshots with plain aggregate queries (independently of the incremental code) and reports each
 * figure maintained against rebuilt. It compares only once the live consumers have processed everything the replay
 * read, and retries (replaying what arrived meanwhile) while traffic makes the figures differ. Blocking: it runs on
 * a worker thread, each statement its own short transaction.
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);
    private static final List<String> TOPICS = List.of(Topics.EVENTS, Topics.SESSIONS, Topics.USERS, Topics.MAILS,
            Topics.GROUPS);

    private final TopicReplay topics;
    private final ReplayRepository replays;
    private final FigureRepository figures;
    private final IdempotentConsumer consumer;
    private final StatisticsInputs inputs;
    private final StatisticsConfig.Reconciliation config;

    public Reconciliation(TopicReplay topics, ReplayRepository replays, FigureRepository figures,
                          IdempotentConsumer consumer, StatisticsInputs inputs, StatisticsConfig config) {
        this.topics = topics;
        this.replays = replays;
        this.figures = figures;
        this.consumer = consumer;
        this.inputs = inputs;
        this.config = config.reconciliation();
    }

    /** What a reconciliation found. */
    public record Report(OffsetDateTime comparedAt, Map<String, Long> replayed, long unusable, boolean settled,
                         int attempts, long compared, long drifted, List<ComparedFigure> platform,
                         List<ComparedFigure> drift) {
    }

    /** Runs a reconciliation; a 409 while another one runs (on any replica). */
    public Report run() throws InterruptedException {
        ReplayRepository.Session session = replays.open().await().indefinitely();
        if (session == null) {
            throw ApiException.conflict(null, "A reconciliation is running already.");
        }
        try (TopicReplay.Reader reader = topics.open(TOPICS, config.batchSize())) {
            session.clear().await().indefinitely();
            Map<String, Long> replayed = new TreeMap<>();
            AtomicLong unusable = new AtomicLong();
            Map<Aggregate, List<Snapshot>> pending = new EnumMap<>(Aggregate.class);
            MessageHandlers handlers = inputs.handlers((envelope, input) -> {
                pending.computeIfAbsent(input.snapshot().aggregate(), kind -> new ArrayList<>()).add(input.snapshot());
                return Uni.createFrom().voidItem();
            });
            int attempt = 0;
            while (true) {
                attempt++;
                reader.catchUp(batch -> keep(session, batch, handlers, pending, unusable))
                        .forEach((topic, read) -> replayed.merge(topic, read, Long::sum));
                boolean settled = topics.awaitLiveGroup(reader.endOffsets(), config.settleTimeout());
                OffsetDateTime at = OffsetDateTime.now(ZoneOffset.UTC);
                session.rollOver(at).await().indefinitely();
                long compared = session.compare(at).await().indefinitely();
                List<ComparedFigure> drift = session.drift(1000).await().indefinitely();
                if (drift.isEmpty() || attempt >= config.attempts()) {
                    List<ComparedFigure> platform = session.platform(at, AdminStatisticsService.DAYS)
                            .await().indefinitely();
                    long drifted = session.driftCount().await().indefinitely();
                    LOG.infof("Reconciliation compared %d figures after %d attempt(s): %d differ", compared, attempt,
                            drifted);
                    return new Report(at, replayed, unusable.get(), settled, attempt, compared, drifted, platform,
                            drift);
                }
                LOG.infof("Reconciliation found %d differing figures; replaying what arrived since", drift.size());
                Thread.sleep(1_000);
            }
        } finally {
            session.close().await().indefinitely();
        }
    }

    /** Reads a batch of records as the live consumers would and keeps the newest snapshot of each aggregate. */
    private void keep(ReplayRepository.Session session, List<ConsumerRecord<String, String>> batch,
                      MessageHandlers handlers, Map<Aggregate, List<Snapshot>> pending, AtomicLong unusable) {
        for (ConsumerRecord<String, String> record : batch) {
            try {
                Envelope envelope = consumer.parse(record.value());
                Uni.createFrom().deferred(() -> handlers.dispatch(envelope)).await().indefinitely();
            } catch (PoisonMessageException e) {
                unusable.incrementAndGet();
            }
        }
        pending.forEach((aggregate, found) -> session.keep(aggregate, figures.json(found)).await().indefinitely());
        pending.clear();
    }
}
