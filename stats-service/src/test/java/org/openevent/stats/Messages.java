package org.openevent.stats;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.testing.KafkaProbe;

/**
 * Domain messages as their producers publish them (envelopes with full snapshots, keyed by aggregate), published to
 * this module's test topics, and a way to wait until stats-service has consumed everything published so far.
 */
public final class Messages implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(1_000);
    private static final int PARTITIONS = 3;

    private final KafkaProducer<String, String> producer;
    private final Pool pool;

    public Messages(String bootstrap, Pool pool) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        this.producer = new KafkaProducer<>(props);
        this.pool = pool;
    }

    /** A fresh id for any aggregate, unique in this test run. */
    public static long nextId() {
        return IDS.incrementAndGet();
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    // ------------------------------------------------------------------ payloads (the contract's field names)

    /** A published event that ends in 30 days, created now, without roles, type, topic or group. */
    public static ObjectNode event(long id) {
        ObjectNode payload = JSON.createObjectNode()
                .put("id", id).put("identifier", "ev" + Long.toString(id, 36)).put("name", "Event " + id)
                .put("state", "published").put("privacy", "public")
                .put("startsAt", now().plusDays(29).toString()).put("endsAt", now().plusDays(30).toString())
                .put("timezone", "UTC").put("online", false).put("sessionsSpeakersEnabled", true)
                .put("sponsorsEnabled", false).put("createdAt", now().toString());
        payload.putNull("eventTypeId");
        payload.putNull("eventTopicId");
        payload.putNull("groupId");
        payload.putNull("deletedAt");
        payload.putArray("roles");
        return payload;
    }

    /** Adds a role grant to an event payload. */
    public static ObjectNode grant(ObjectNode event, long userId, String role) {
        ((ArrayNode) event.get("roles")).addObject().put("userId", userId).put("role", role);
        return event;
    }

    /** A session of an event in a state, submitted now unless a draft, without speakers. */
    public static ObjectNode session(long id, long eventId, String state) {
        ObjectNode payload = JSON.createObjectNode()
                .put("id", id).put("eventId", eventId).put("scheduleVersion", 1).put("title", "Session " + id)
                .put("state", state).put("wasPublic", false).put("createdAt", now().toString());
        if ("draft".equals(state)) {
            payload.putNull("submittedAt");
        } else {
            payload.put("submittedAt", now().toString());
        }
        payload.putArray("speakerIds");
        payload.putNull("deletedAt");
        return payload;
    }

    public static ObjectNode speakers(ObjectNode session, long... speakerIds) {
        ArrayNode ids = session.putArray("speakerIds");
        for (long speakerId : speakerIds) {
            ids.add(speakerId);
        }
        return session;
    }

    public static ObjectNode speaker(long id, long eventId) {
        ObjectNode payload = JSON.createObjectNode().put("id", id).put("eventId", eventId).put("scheduleVersion", 1)
                .put("name", "Speaker " + id);
        payload.putNull("deletedAt");
        return payload;
    }

    /** A verified plain user who signed up now. */
    public static ObjectNode user(long id) {
        ObjectNode payload = JSON.createObjectNode().put("id", id).put("publicName", "User " + id)
                .put("verified", true).put("blocked", false).put("superAdmin", false).put("admin", false)
                .put("salesAdmin", false).put("marketer", false).put("tokenGeneration", 1)
                .put("createdAt", now().toString());
        payload.putArray("roles").add("user");
        payload.putNull("deletedAt");
        return payload;
    }

    public static ObjectNode group(long id) {
        ObjectNode payload = JSON.createObjectNode().put("id", id).put("name", "Group " + id).put("ownerId", 1)
                .put("promoted", false).put("createdAt", now().toString());
        payload.putNull("deletedAt");
        return payload;
    }

    public static ObjectNode follow(long id, long groupId, long userId) {
        ObjectNode payload = JSON.createObjectNode().put("id", id).put("groupId", groupId).put("userId", userId)
                .put("createdAt", now().toString());
        payload.putNull("deletedAt");
        return payload;
    }

    public static ObjectNode taxonomy(long id, String kind, String name) {
        ObjectNode payload = JSON.createObjectNode().put("id", id).put("kind", kind).put("name", name)
                .put("slug", name.toLowerCase());
        payload.putNull("parentId");
        payload.putNull("deletedAt");
        return payload;
    }

    public static ObjectNode mail(String mailId, OffsetDateTime sentAt) {
        return JSON.createObjectNode().put("mailId", mailId).put("kind", "verify-email").put("userId", 1)
                .put("sentAt", sentAt.toString());
    }

    public static ObjectNode deleted(ObjectNode payload) {
        return payload.put("deletedAt", now().toString());
    }

    // ------------------------------------------------------------------ envelopes

    /** The envelope of a snapshot as the outbox relay publishes it, with a fresh message id. */
    public static ObjectNode envelope(String type, String aggregateId, long version, ObjectNode payload) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("messageId", UUID.randomUUID().toString()).put("type", type).put("schemaVersion", 1)
                .put("aggregateType", type.substring(0, type.indexOf('.'))).put("aggregateId", aggregateId)
                .put("aggregateVersion", version).put("occurredAt", now().toString());
        envelope.set("payload", payload);
        return envelope;
    }

    /** The envelope of a payload of this type, keyed as its producer keys it. */
    public static ObjectNode envelope(String type, long version, ObjectNode payload) {
        String id = switch (type) {
            case MessageTypes.MAIL_SENT -> payload.get("mailId").asText();
            case MessageTypes.EVENT_TYPE_UPSERTED -> "event-type-" + payload.get("id").asLong();
            case MessageTypes.EVENT_TOPIC_UPSERTED -> "event-topic-" + payload.get("id").asLong();
            default -> String.valueOf(payload.get("id").asLong());
        };
        return envelope(type, id, version, payload);
    }

    /** The topic each message type travels on. */
    public static String topicOf(String type) {
        return switch (type) {
            case MessageTypes.EVENT_UPSERTED, MessageTypes.EVENT_TYPE_UPSERTED, MessageTypes.EVENT_TOPIC_UPSERTED,
                 MessageTypes.EVENT_SUB_TOPIC_UPSERTED -> Topics.EVENTS;
            case MessageTypes.SESSION_UPSERTED, MessageTypes.SPEAKER_UPSERTED -> Topics.SESSIONS;
            case MessageTypes.USER_UPSERTED -> Topics.USERS;
            case MessageTypes.MAIL_SENT, MessageTypes.MAIL_REQUESTED -> Topics.MAILS;
            case MessageTypes.GROUP_UPSERTED, MessageTypes.GROUP_FOLLOW_UPSERTED -> Topics.GROUPS;
            default -> throw new IllegalArgumentException("No topic for " + type);
        };
    }

    // ------------------------------------------------------------------ publishing

    /** Publishes a snapshot of this type at this version; returns the envelope. */
    public ObjectNode publish(String type, long version, ObjectNode payload) {
        ObjectNode envelope = envelope(type, version, payload);
        publish(envelope);
        return envelope;
    }

    /** Publishes an envelope to its type's topic, keyed by its aggregate. */
    public void publish(ObjectNode envelope) {
        send(topicOf(envelope.get("type").asText()), null, envelope.get("aggregateId").asText(), envelope.toString());
    }

    /**
     * Publishes envelopes to their types' topics in one burst (sent together, then flushed), so the consumer
     * finds them in one poll.
     */
    public void publishAll(List<ObjectNode> envelopes) {
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (ObjectNode envelope : envelopes) {
                sent.add(producer.send(new ProducerRecord<>(KafkaProbe.TEST_TOPIC_PREFIX
                        + topicOf(envelope.get("type").asText()), envelope.get("aggregateId").asText(),
                        envelope.toString())));
            }
            producer.flush();
            for (Future<?> future : sent) {
                future.get();
            }
        } catch (Exception e) {
            throw new AssertionError("Could not publish " + envelopes.size() + " envelopes", e);
        }
    }

    /** Publishes a raw record to a topic (logical name), on a given partition when not null. */
    public void send(String topic, Integer partition, String key, String value) {
        try {
            producer.send(new ProducerRecord<>(KafkaProbe.TEST_TOPIC_PREFIX + topic, partition, key, value)).get();
        } catch (Exception e) {
            throw new AssertionError("Could not publish to " + topic, e);
        }
    }

    /**
     * Waits until stats-service has consumed everything published so far: a marker of a type it does not handle on
     * every partition of every topic, each recorded as processed once consumed (partitions are consumed in order).
     */
    public void settle() {
        List<String> markers = new ArrayList<>();
        for (String topic : FreshTopics.TOPICS) {
            for (int partition = 0; partition < PARTITIONS; partition++) {
                ObjectNode marker = envelope("test.marker", "marker", 1, JSON.createObjectNode());
                markers.add(marker.get("messageId").asText());
                send(topic, partition, "marker", marker.toString());
            }
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (processed(markers) < markers.size()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("stats-service did not consume the markers within 90 s");
            }
            pause(50);
        }
    }

    private long processed(List<String> messageIds) {
        return pool.preparedQuery("SELECT count(*) FROM processed_message WHERE message_id = ANY($1)")
                .execute(Tuple.of(messageIds.toArray(new String[0])))
                .await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    public static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
