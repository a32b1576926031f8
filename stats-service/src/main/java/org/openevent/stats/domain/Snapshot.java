package org.openevent.stats.domain;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the statistics take from one message: the facts of an aggregate's snapshot that figures depend on, with the
 * snapshot's version. Serialized with snake_case names, they are the rows the SQL apply functions read.
 */
public sealed interface Snapshot {

    /** The kind of aggregate, which picks the apply function. */
    Aggregate aggregate();

    /** An event: its state, end (for draft/published/past), creation day, taxonomy, group and role grants. */
    record Event(long id, long version, String state, OffsetDateTime endsAt, OffsetDateTime createdAt, boolean deleted,
                 Long typeId, Long topicId, Long groupId, List<Grant> grants) implements Snapshot {

        @Override
        public Aggregate aggregate() {
            return Aggregate.EVENTS;
        }
    }

    /** One role grant of an event. */
    record Grant(long userId, String role) {
    }

    /** A session: its event, state, submission day and speakers. */
    record Session(long id, long version, long eventId, String state, OffsetDateTime submittedAt, boolean deleted,
                   List<Long> speakerIds) implements Snapshot {

        @Override
        public Aggregate aggregate() {
            return Aggregate.SESSIONS;
        }
    }

    /** A speaker of an event. */
    record Speaker(long id, long version, long eventId, boolean deleted) implements Snapshot {

        @Override
        public Aggregate aggregate() {
            return Aggregate.SPEAKERS;
        }
    }

    /** A user account: what kind of user it is and when it signed up. */
    record User(long id, long version, boolean superAdmin, boolean admin, boolean verified, OffsetDateTime createdAt,
                boolean deleted) implements Snapshot {

        @Override
        public Aggregate aggregate() {
            return Aggregate.USERS;
        }
    }

    /** A group of events. */
    record Group(long id, long version, boolean deleted) implements Snapshot {

        @Override
        public Aggregate aggregate() {
            return Aggregate.GROUPS;
        }
    }

    /** A user following a group. */
    record Follow(long id, long version, long groupId, long userId, boolean deleted) implements Snapshot {

        @Override
        public Aggregate aggregate() {
            return Aggregate.FOLLOWS;
        }
    }

    /** An event type or topic, for its name. */
    record Taxonomy(String kind, long id, long version, String name, boolean deleted) implements Snapshot {

        @Override
        public Aggregate aggregate() {
            return Aggregate.TAXONOMY;
        }
    }

    /** A sent mail; it has no versions, a mail counts once. */
    record Mail(String mailId, OffsetDateTime sentAt) implements Snapshot {

        @Override
        public Aggregate aggregate() {
            return Aggregate.MAILS;
        }
    }
}
