package org.openevent.stats.domain;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/** The platform's figures as the admin statistics serve them (the attributes of the admin-statistics-* singletons). */
public final class Figures {

    private Figures() {
    }

    /** How many of something happened on one UTC day. */
    public record DayCount(LocalDate date, long count) {
    }

    /** Events by what the admin event list shows: draft, published and not ended, published and ended. */
    public record Events(long draft, long published, long past,
                         @JsonProperty("created-per-day") List<DayCount> createdPerDay) {
    }

    /** Live sessions of live events by state; submitted is every one that is not a draft. */
    public record Sessions(long draft, long submitted, long accepted, long confirmed, long pending, long rejected,
                           long withdrawn, long canceled,
                           @JsonProperty("submitted-per-day") List<DayCount> submittedPerDay) {
    }

    /** Live users by kind, holders of event roles, and sign-ups. */
    public record Users(@JsonProperty("super-admin") long superAdmin, long admin, long verified, long unverified,
                        long owner, long organizer, long coorganizer,
                        @JsonProperty("track-organizer") long trackOrganizer, long attendee,
                        @JsonProperty("sign-ups-per-day") List<DayCount> signUpsPerDay) {
    }

    /** Mails sent in the last 1, 3, 7 and 30 days. */
    public record Mails(@JsonProperty("one-day") long oneDay, @JsonProperty("three-days") long threeDays,
                        @JsonProperty("seven-days") long sevenDays, @JsonProperty("thirty-days") long thirtyDays) {
    }

    /** Live groups, the live events in them, and the live users following at least one. */
    public record Groups(long groups, @JsonProperty("group-events") long groupEvents, long followers) {
    }

    /** One event type or topic with the number of live events of it. */
    public record TaxonomyCount(String name, long id, long count) {
    }
}
