package org.openevent.session.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.Formula;
import org.openevent.common.persistence.JsonText;
import org.openevent.common.resource.EventChildEntity;

/** A talk or other programme item of an event, moving through the call-for-speakers states. */
@Entity
@Table(name = "session")
@DynamicUpdate
public class Session extends EventChildEntity {

    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String CONFIRMED = "confirmed";
    public static final String REJECTED = "rejected";
    public static final String DRAFT = "draft";
    public static final String CANCELED = "canceled";
    public static final String WITHDRAWN = "withdrawn";
    public static final List<String> STATES = List.of(PENDING, ACCEPTED, CONFIRMED, REJECTED, DRAFT, CANCELED, WITHDRAWN);
    /** States in which a session is part of the public programme. */
    public static final Set<String> PUBLIC_STATES = Set.of(ACCEPTED, CONFIRMED);

    @Column(name = "creator_id")
    public Long creatorId;
    public String title;
    public String subtitle;
    @Column(name = "short_abstract")
    public String shortAbstract;
    @Column(name = "long_abstract")
    public String longAbstract;
    public String comments;
    public String language;
    public String level;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    public String state;
    @Column(name = "track_id")
    public Long trackId;
    @Column(name = "microlocation_id")
    public Long microlocationId;
    @Column(name = "session_type_id")
    public Long sessionTypeId;
    @Column(name = "slides_url")
    public String slidesUrl;
    @Column(name = "video_url")
    public String videoUrl;
    @Column(name = "audio_url")
    public String audioUrl;
    @Column(name = "is_locked")
    public boolean locked;
    @Column(name = "last_modified_at")
    public OffsetDateTime lastModifiedAt;
    /** True once the session has been accepted or confirmed; it then leaves calendars as a cancellation. */
    @Column(name = "was_public")
    public boolean wasPublic;
    @Column(name = "submitted_at")
    public OffsetDateTime submittedAt;
    @Column(name = "signup_url")
    public String signupUrl;
    public String website;
    public String twitter;
    public String facebook;
    public String github;
    public String linkedin;
    public String instagram;
    public String gitlab;
    public String mastodon;
    @Convert(converter = JsonText.class)
    public JsonNode slides;
    @Column(name = "complex_field_values")
    @Convert(converter = JsonText.class)
    public JsonNode complexFieldValues;
    @Column(name = "is_mail_sent")
    public boolean mailSent;
    /** Kept by feedback writes (SessionCounters), never written through the entity. */
    @Column(name = "average_rating", insertable = false, updatable = false)
    public double averageRating;
    @Column(name = "rating_count", insertable = false, updatable = false)
    public int ratingCount;
    /** Kept by favourite writes (SessionCounters), never written through the entity. */
    @Column(name = "favourite_count", insertable = false, updatable = false)
    public int favouriteCount;
    /** The proposer and the users of the live speakers, loaded with the row (SQL function {@code session_people}). */
    @Formula("session_people(id)")
    public String people;
    /** The addresses holding a pending invitation to it (SQL function {@code session_invitees}). */
    @Formula("session_invitees(id)")
    public String invitees;
    /**
     * The speaker ids, in id order, as the write in progress has just set them; null when this write did not set
     * them (the snapshot then reads them).
     */
    @Transient
    public List<Long> speakerIdsWritten;

    public boolean isPublic() {
        return PUBLIC_STATES.contains(state);
    }

    /** Whether the address holds a pending invitation to co-present this session. */
    public boolean invites(String email) {
        return email != null && invitees != null && List.of(invitees.split(",")).contains(email.toLowerCase());
    }

    /** Whether the user proposed this session or is the user of one of its speakers. */
    public boolean belongsTo(Long userId) {
        return userId != null && people != null && List.of(people.split(",")).contains(String.valueOf(userId));
    }
}
