package org.openevent.export.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openevent.common.contract.EventPayload;
import org.openevent.common.contract.FavouritePayload;
import org.openevent.common.contract.MicrolocationPayload;
import org.openevent.common.contract.SessionPayload;
import org.openevent.common.contract.SessionTypePayload;
import org.openevent.common.contract.SpeakerPayload;
import org.openevent.common.contract.Topics;
import org.openevent.common.contract.TrackPayload;
import org.openevent.common.testing.KafkaProbe;
import org.openevent.export.SessionServiceStub;

/**
 * Plays event-service and session-service for module tests: publishes their snapshots to the module's test topics
 * as they would (envelopes with aggregate versions; schedule messages numbered 1, 2, 3, ... per event) and keeps the
 * {@link SessionServiceStub}'s schedule version in step, so exports and feeds wait for exactly what was published.
 */
public final class Upstream {

    private static final Map<Long, Long> SCHEDULE_VERSIONS = new ConcurrentHashMap<>();
    private static final Map<String, Long> AGGREGATE_VERSIONS = new ConcurrentHashMap<>();
    private static KafkaProducer<String, String> producer;

    private final ObjectMapper mapper;
    private final String bootstrap;
    private final String topicPrefix;

    /** For tests inside the Quarkus application: its topic prefix. */
    public Upstream(ObjectMapper mapper, String bootstrap) {
        this(mapper, bootstrap, KafkaProbe.topicPrefix());
    }

    /** For tests outside it (that start the service as processes): the prefix their topics use. */
    public Upstream(ObjectMapper mapper, String bootstrap, String topicPrefix) {
        this.mapper = mapper;
        this.bootstrap = bootstrap;
        this.topicPrefix = topicPrefix;
    }

    /** A session as session-service publishes it. */
    public record Talk(long id, long eventId, String title, String state, boolean wasPublic, OffsetDateTime startsAt,
                       OffsetDateTime endsAt, Long trackId, Long roomId, Long typeId, List<Long> speakerIds,
                       OffsetDateTime deletedAt) {

        public Talk withState(String newState, boolean nowWasPublic) {
            return new Talk(id, eventId, title, newState, nowWasPublic, startsAt, endsAt, trackId, roomId, typeId,
                    speakerIds, deletedAt);
        }

        public Talk at(OffsetDateTime start, OffsetDateTime end) {
            return new Talk(id, eventId, title, state, wasPublic, start, end, trackId, roomId, typeId, speakerIds,
                    deletedAt);
        }

        public Talk deleted(OffsetDateTime when) {
            return new Talk(id, eventId, title, state, wasPublic, startsAt, endsAt, trackId, roomId, typeId,
                    speakerIds, when);
        }
    }

    /** The last version published of an aggregate ({@code event/7}, {@code session/12}); 0 before any. */
    public static long aggregateVersion(String aggregateType, long id) {
        return AGGREGATE_VERSIONS.getOrDefault(aggregateType + "/" + id, 0L);
    }

    /** The last schedule version published for an event (0 before any). */
    public static long scheduleVersion(long eventId) {
        return SCHEDULE_VERSIONS.getOrDefault(eventId, 0L);
    }

    public void event(EventPayload event) {
        send(List.of(record(Topics.EVENTS, "event.upserted", "event", event.id(), event)));
    }

    public void track(long id, long eventId, String name) {
        schedule(eventId, v -> record(Topics.SESSIONS, "track.upserted", "track", id,
                new TrackPayload(id, eventId, v, name, null, "#112233", null)));
    }

    public void room(long id, long eventId, String name, Double latitude, Double longitude) {
        schedule(eventId, v -> record(Topics.SESSIONS, "microlocation.upserted", "microlocation", id,
                new MicrolocationPayload(id, eventId, v, name, 1, latitude, longitude, null)));
    }

    public void sessionType(long id, long eventId, String name) {
        schedule(eventId, v -> record(Topics.SESSIONS, "session-type.upserted", "session-type", id,
                new SessionTypePayload(id, eventId, v, name, "00:30", null)));
    }

    public void speaker(long id, long eventId, String name, String organisation) {
        schedule(eventId, v -> record(Topics.SESSIONS, "speaker.upserted", "speaker", id,
                new SpeakerPayload(id, eventId, v, name, organisation, "Engineer", null)));
    }

    public void session(Talk talk) {
        schedule(talk.eventId(), v -> record(Topics.SESSIONS, "session.upserted", "session", talk.id(),
                new SessionPayload(talk.id(), talk.eventId(), v, talk.title(), null,
                        "<p>About <b>" + talk.title() + "</b>; with a comma, a semicolon\\ and more</p>",
                        "A longer description of " + talk.title(), "en", null, talk.state(), talk.wasPublic(),
                        talk.startsAt(), talk.endsAt(), talk.trackId(), talk.roomId(), talk.typeId(),
                        talk.speakerIds(), null, null, null, talk.deletedAt())));
    }

    public void favourite(long id, long eventId, long sessionId, long userId, OffsetDateTime deletedAt) {
        schedule(eventId, v -> record(Topics.SESSIONS, "user-favourite-session.upserted", "user-favourite-session", id,
                new FavouritePayload(id, eventId, v, sessionId, userId, deletedAt)));
    }

    private interface Versioned {
        ProducerRecord<String, String> at(long scheduleVersion);
    }

    private void schedule(long eventId, Versioned message) {
        long version = SCHEDULE_VERSIONS.merge(eventId, 1L, Long::sum);
        send(List.of(message.at(version)));
        SessionServiceStub.scheduleVersion(eventId, version);
    }

    /** An envelope for the module's test topic, with the aggregate's next version. */
    public ProducerRecord<String, String> record(String topic, String type, String aggregateType, long id,
                                                 Object payload) {
        long version = AGGREGATE_VERSIONS.merge(aggregateType + "/" + id, 1L, Long::sum);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("messageId", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("schemaVersion", 1);
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", String.valueOf(id));
        envelope.put("aggregateVersion", version);
        envelope.put("occurredAt", OffsetDateTime.now().withNano(0).toString());
        envelope.put("payload", mapper.valueToTree(payload));
        try {
            return new ProducerRecord<>(topicPrefix + topic, String.valueOf(id),
                    mapper.writeValueAsString(envelope));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** Publishes records back to back through one producer and waits for every acknowledgement. */
    public void send(List<ProducerRecord<String, String>> records) {
        KafkaProducer<String, String> producer = producer(bootstrap);
        try {
            List<Future<?>> acks = new ArrayList<>();
            for (ProducerRecord<String, String> record : records) {
                acks.add(producer.send(record));
            }
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static synchronized KafkaProducer<String, String> producer(String bootstrap) {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }
}
