package org.openevent.stats;

import static org.openevent.stats.Messages.deleted;
import static org.openevent.stats.Messages.event;
import static org.openevent.stats.Messages.follow;
import static org.openevent.stats.Messages.grant;
import static org.openevent.stats.Messages.group;
import static org.openevent.stats.Messages.mail;
import static org.openevent.stats.Messages.nextId;
import static org.openevent.stats.Messages.now;
import static org.openevent.stats.Messages.session;
import static org.openevent.stats.Messages.speaker;
import static org.openevent.stats.Messages.speakers;
import static org.openevent.stats.Messages.taxonomy;
import static org.openevent.stats.Messages.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongFunction;
import org.openevent.common.contract.MessageTypes;

/**
 * A random little platform as its producers would have published it: every aggregate in one to four versions
 * (states, ends, roles, speakers, groups and deletions changing between them), plus redeliveries of the same
 * message and republished versions under new message ids, in one shuffled order, so older versions often come
 * after newer ones. Random choices come from the given (printed) seed. Ends and mail times keep clear of the
 * moments the figures change by time (now, and the mail windows' edges), so other tests' reads do not move.
 */
public final class World {

    static final String[] SESSION_STATES = {"draft", "pending", "accepted", "confirmed", "rejected", "withdrawn",
            "canceled"};
    static final String[] ROLES = {"owner", "organizer", "coorganizer", "track_organizer", "moderator"};

    private final Random random;
    private final List<ObjectNode> deliveries = new ArrayList<>();
    private final List<Long> events = new ArrayList<>();
    private final List<Long> users = new ArrayList<>();
    private final List<Long> speakerIds = new ArrayList<>();
    private final List<Long> groups = new ArrayList<>();
    private final List<Long> types = new ArrayList<>();
    private final List<Long> topics = new ArrayList<>();

    private World(Random random) {
        this.random = random;
    }

    /** The shuffled deliveries of a world of about a thousand messages. */
    public static List<ObjectNode> generate(long seed) {
        World world = new World(new Random(seed));
        world.build();
        return world.deliveries;
    }

    private void build() {
        fill(types, 3);
        fill(topics, 2);
        fill(groups, 6);
        fill(users, 80);
        fill(events, 40);
        fill(speakerIds, 60);
        types.forEach(id -> versions(MessageTypes.EVENT_TYPE_UPSERTED, id, v -> maybeDeleted(taxonomy(id,
                "event-type", "Type " + id + " v" + v), 0.2)));
        topics.forEach(id -> versions(MessageTypes.EVENT_TOPIC_UPSERTED, id, v -> maybeDeleted(taxonomy(id,
                "event-topic", "Topic " + id), 0.2)));
        groups.forEach(id -> versions(MessageTypes.GROUP_UPSERTED, id, v -> maybeDeleted(group(id), 0.3)));
        users.forEach(id -> versions(MessageTypes.USER_UPSERTED, id, v -> maybeDeleted(user(id)
                .put("superAdmin", chance(0.05)).put("admin", chance(0.1)).put("verified", chance(0.7))
                .put("createdAt", past(20).toString()), 0.15)));
        events.forEach(id -> versions(MessageTypes.EVENT_UPSERTED, id, v -> randomEvent(id)));
        speakerIds.forEach(id -> versions(MessageTypes.SPEAKER_UPSERTED, id, v -> maybeDeleted(speaker(id,
                pick(events)), 0.2)));
        for (int i = 0; i < 300; i++) {
            long id = nextId();
            long eventId = chance(0.05) ? nextId() : pick(events);
            versions(MessageTypes.SESSION_UPSERTED, id, v -> randomSession(id, eventId));
        }
        for (int i = 0; i < 60; i++) {
            long id = nextId();
            versions(MessageTypes.GROUP_FOLLOW_UPSERTED, id, v -> maybeDeleted(follow(id,
                    chance(0.1) ? nextId() : pick(groups), pick(users)), 0.3));
        }
        for (int i = 0; i < 80; i++) {
            // Half past the hour of some day in the last 40: never near a window's edge for long.
            ObjectNode sent = mail("drift-" + nextId(), now().minusDays(random.nextInt(40)).minusMinutes(30));
            deliveries.add(Messages.envelope(MessageTypes.MAIL_SENT, 1, sent));
        }
        int originals = deliveries.size();
        for (int i = 0; i < originals / 5; i++) {
            deliveries.add(deliveries.get(random.nextInt(originals)).deepCopy());
        }
        for (int i = 0; i < originals / 10; i++) {
            ObjectNode again = deliveries.get(random.nextInt(originals)).deepCopy();
            again.put("messageId", java.util.UUID.randomUUID().toString());
            deliveries.add(again);
        }
        java.util.Collections.shuffle(deliveries, random);
    }

    private ObjectNode randomEvent(long id) {
        ObjectNode event = event(id).put("state", chance(0.3) ? "draft" : "published")
                .put("endsAt", (chance(0.4) ? now().minusDays(2 + random.nextInt(30))
                        : now().plusDays(2 + random.nextInt(30))).toString())
                .put("createdAt", past(20).toString());
        if (chance(0.1)) {
            event.putNull("endsAt");
        }
        putOrNull(event, "eventTypeId", chance(0.6) ? pick(types) : null);
        putOrNull(event, "eventTopicId", chance(0.5) ? pick(topics) : null);
        putOrNull(event, "groupId", chance(0.4) ? pick(groups) : null);
        for (int i = random.nextInt(4); i > 0; i--) {
            grant(event, pick(users), ROLES[random.nextInt(ROLES.length)]);
        }
        return maybeDeleted(event, 0.2);
    }

    private ObjectNode randomSession(long id, long eventId) {
        String state = SESSION_STATES[random.nextInt(SESSION_STATES.length)];
        ObjectNode session = session(id, eventId, state);
        if (!"draft".equals(state)) {
            session.put("submittedAt", past(20).toString());
        }
        long[] linked = new long[random.nextInt(3)];
        for (int i = 0; i < linked.length; i++) {
            linked[i] = pick(speakerIds);
        }
        return maybeDeleted(speakers(session, linked), 0.15);
    }

    private void versions(String type, long id, LongFunction<ObjectNode> snapshot) {
        int count = 1 + random.nextInt(4);
        for (int version = 1; version <= count; version++) {
            deliveries.add(Messages.envelope(type, version, snapshot.apply(version)));
        }
    }

    private ObjectNode maybeDeleted(ObjectNode payload, double probability) {
        return chance(probability) ? deleted(payload) : payload;
    }

    private static void putOrNull(ObjectNode node, String field, Long value) {
        if (value == null) {
            node.putNull(field);
        } else {
            node.put(field, value);
        }
    }

    private OffsetDateTime past(int days) {
        return now().minusDays(random.nextInt(days)).minusHours(random.nextInt(24));
    }

    private void fill(List<Long> ids, int count) {
        for (int i = 0; i < count; i++) {
            ids.add(nextId());
        }
    }

    private long pick(List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private boolean chance(double probability) {
        return random.nextDouble() < probability;
    }
}
