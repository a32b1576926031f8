package org.openevent.stats.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.GroupFollowPayload;
import org.openevent.common.contract.GroupPayload;
import org.openevent.common.contract.MailSentPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.SessionPayload;
import org.openevent.common.contract.SpeakerPayload;
import org.openevent.common.contract.TaxonomyPayload;
import org.openevent.common.contract.UserPayload;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.messaging.MessageHandlers;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.stats.domain.Snapshot;

/**
 * The messages the statistics count and what they take from each: every handled type is turned into a
 * {@link Snapshot} (checked: a snapshot that names another aggregate than its envelope, or a state nobody defined,
 * is poison). The live consumers and the reconciliation's replay read messages through the same handlers.
 */
@ApplicationScoped
public class StatisticsInputs {

    /** Session states as session-service defines them; the figures have one per state. */
    public static final List<String> SESSION_STATES = List.of("draft", "pending", "accepted", "confirmed", "rejected",
            "withdrawn", "canceled");
    static final String EVENT_TYPE = "event-type";
    static final String EVENT_TOPIC = "event-topic";
    private static final Set<String> EVENT_STATES = Set.of("draft", "published");

    private final ObjectMapper mapper;

    public StatisticsInputs(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** What one handled message contributes: its snapshot, and the payload it was read from. */
    public record Input(Snapshot snapshot, Object payload) {
    }

    /** Receives the input of each handled message, inside the consumer's transaction. */
    @FunctionalInterface
    public interface Sink {
        Uni<Void> accept(Envelope envelope, Input input);
    }

    /** Handlers for every message type the statistics count, each passing its input to {@code sink}. */
    public MessageHandlers handlers(Sink sink) {
        return MessageHandlers.using(mapper)
                .on(MessageTypes.EVENT_UPSERTED, EventPayload.class,
                        (envelope, p) -> sink.accept(envelope, new Input(event(envelope, p), p)))
                .on(MessageTypes.EVENT_TYPE_UPSERTED, TaxonomyPayload.class,
                        (envelope, p) -> sink.accept(envelope, new Input(taxonomy(envelope, EVENT_TYPE, p), p)))
                .on(MessageTypes.EVENT_TOPIC_UPSERTED, TaxonomyPayload.class,
                        (envelope, p) -> sink.accept(envelope, new Input(taxonomy(envelope, EVENT_TOPIC, p), p)))
                .on(MessageTypes.SESSION_UPSERTED, SessionPayload.class,
                        (envelope, p) -> sink.accept(envelope, new Input(session(envelope, p), p)))
                .on(MessageTypes.SPEAKER_UPSERTED, SpeakerPayload.class,
                        (envelope, p) -> sink.accept(envelope, new Input(speaker(envelope, p), p)))
                .on(MessageTypes.USER_UPSERTED, UserPayload.class,
                        (envelope, p) -> sink.accept(envelope, new Input(user(envelope, p), p)))
                .on(MessageTypes.GROUP_UPSERTED, GroupPayload.class,
                        (envelope, p) -> sink.accept(envelope, new Input(group(envelope, p), p)))
                .on(MessageTypes.GROUP_FOLLOW_UPSERTED, GroupFollowPayload.class,
                        (envelope, p) -> sink.accept(envelope, new Input(follow(envelope, p), p)))
                .on(MessageTypes.MAIL_SENT, MailSentPayload.class,
                        (envelope, p) -> sink.accept(envelope, new Input(mail(envelope, p), p)));
    }

    static Snapshot.Event event(Envelope envelope, EventPayload p) {
        requireSameAggregate(envelope, String.valueOf(p.id()), p.id());
        // As the shared event projection checks it (common's EventProjection), so a replay rejects what it rejects.
        if (!EVENT_STATES.contains(p.state()) || p.identifier() == null || p.identifier().isBlank()
                || p.identifier().length() > 64) {
            throw poison(envelope, "state " + p.state() + " or identifier " + p.identifier());
        }
        List<Snapshot.Grant> grants = p.roles() == null ? List.of() : p.roles().stream().filter(Objects::nonNull)
                .map(grant -> new Snapshot.Grant(grant.userId(), grant.role())).toList();
        return new Snapshot.Event(p.id(), envelope.aggregateVersion(), p.state(), p.endsAt(), p.createdAt(),
                p.deletedAt() != null, p.eventTypeId(), p.eventTopicId(), p.groupId(), grants);
    }

    static Snapshot.Taxonomy taxonomy(Envelope envelope, String kind, TaxonomyPayload p) {
        requireSameAggregate(envelope, kind + "-" + p.id(), p.id());
        return new Snapshot.Taxonomy(kind, p.id(), envelope.aggregateVersion(), p.name(), p.deletedAt() != null);
    }

    static Snapshot.Session session(Envelope envelope, SessionPayload p) {
        requireSameAggregate(envelope, String.valueOf(p.id()), p.id());
        if (p.eventId() <= 0 || !SESSION_STATES.contains(p.state())) {
            throw poison(envelope, "event " + p.eventId() + " and state " + p.state());
        }
        List<Long> speakers = p.speakerIds() == null ? List.of()
                : p.speakerIds().stream().filter(Objects::nonNull).distinct().toList();
        return new Snapshot.Session(p.id(), envelope.aggregateVersion(), p.eventId(), p.state(), p.submittedAt(),
                p.deletedAt() != null, speakers);
    }

    static Snapshot.Speaker speaker(Envelope envelope, SpeakerPayload p) {
        requireSameAggregate(envelope, String.valueOf(p.id()), p.id());
        if (p.eventId() <= 0) {
            throw poison(envelope, "event " + p.eventId());
        }
        return new Snapshot.Speaker(p.id(), envelope.aggregateVersion(), p.eventId(), p.deletedAt() != null);
    }

    static Snapshot.User user(Envelope envelope, UserPayload p) {
        requireSameAggregate(envelope, String.valueOf(p.id()), p.id());
        return new Snapshot.User(p.id(), envelope.aggregateVersion(), p.superAdmin(), p.admin(), p.verified(),
                p.createdAt(), p.deletedAt() != null);
    }

    static Snapshot.Group group(Envelope envelope, GroupPayload p) {
        requireSameAggregate(envelope, String.valueOf(p.id()), p.id());
        return new Snapshot.Group(p.id(), envelope.aggregateVersion(), p.deletedAt() != null);
    }

    static Snapshot.Follow follow(Envelope envelope, GroupFollowPayload p) {
        requireSameAggregate(envelope, String.valueOf(p.id()), p.id());
        if (p.groupId() <= 0 || p.userId() <= 0) {
            throw poison(envelope, "group " + p.groupId() + " and user " + p.userId());
        }
        return new Snapshot.Follow(p.id(), envelope.aggregateVersion(), p.groupId(), p.userId(),
                p.deletedAt() != null);
    }

    static Snapshot.Mail mail(Envelope envelope, MailSentPayload p) {
        if (p.mailId() == null || p.mailId().isBlank() || p.mailId().length() > 200
                || !p.mailId().equals(envelope.aggregateId()) || p.sentAt() == null) {
            throw poison(envelope, "mail " + p.mailId() + " sent at " + p.sentAt());
        }
        return new Snapshot.Mail(p.mailId(), p.sentAt());
    }

    private static void requireSameAggregate(Envelope envelope, String expectedId, long id) {
        if (id <= 0 || !expectedId.equals(envelope.aggregateId())) {
            throw poison(envelope, "aggregate " + expectedId);
        }
    }

    private static PoisonMessageException poison(Envelope envelope, String what) {
        return new PoisonMessageException("Message " + envelope.messageId() + " (" + envelope.type() + " of "
                + envelope.aggregateId() + ") carries an unusable " + what, null);
    }
}
