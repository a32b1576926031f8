package org.openevent.session.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.OffsetDateTime;
import org.openevent.session.domain.Microlocation;
import org.openevent.session.domain.Session;
import org.openevent.session.domain.SessionType;
import org.openevent.session.domain.Speaker;
import org.openevent.session.domain.Track;

/** The attributes of each resource type as served. */
public final class Views {

    private Views() {
    }

    /** Attributes of a {@code track}. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record TrackView(String name, String description, String color, String fontColor, int position,
                            OffsetDateTime deletedAt) {

        static TrackView of(Track t) {
            String fontColor = t.fontColor != null ? t.fontColor : Colors.readableOn(t.color);
            return new TrackView(t.name, t.description, t.color, fontColor, t.position, t.deletedAt);
        }
    }

    /** Attributes of a {@code microlocation}. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record MicrolocationView(String name, Integer floor, Double latitude, Double longitude, String room,
                                    int position, boolean hiddenInScheduler, OffsetDateTime deletedAt) {

        static MicrolocationView of(Microlocation m) {
            return new MicrolocationView(m.name, m.floor, m.latitude, m.longitude, m.room, m.position,
                    m.hiddenInScheduler, m.deletedAt);
        }
    }

    /** Attributes of a {@code session-type}. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record SessionTypeView(String name, String length, int position, OffsetDateTime deletedAt) {

        static SessionTypeView of(SessionType t) {
            return new SessionTypeView(t.name, t.length, t.position, t.deletedAt);
        }
    }

    /** Attributes of a {@code speaker}; the private ones are left out unless the caller may see them. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record SpeakerView(String name,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String email,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String mobile,
                              String photoUrl, String shortBiography, String longBiography,
                              String speakingExperience, String organisation, String position, String country,
                              String city, String website, String twitter, String facebook, String github,
                              String linkedin, String gender, boolean isFeatured, int order,
                              OffsetDateTime deletedAt) {

        static SpeakerView of(Speaker s, boolean showPrivate) {
            return new SpeakerView(s.name, showPrivate ? s.email : null, showPrivate ? s.mobile : null, s.photoUrl,
                    s.shortBiography, s.longBiography, s.speakingExperience, s.organisation, s.position, s.country,
                    s.city, s.website, s.twitter, s.facebook, s.github, s.linkedin, s.gender, s.featured,
                    s.sortOrder, s.deletedAt);
        }
    }

    /** Attributes of a {@code session}. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    public record SessionView(String title, String subtitle, String shortAbstract, String longAbstract,
                              String comments, String language, String level, OffsetDateTime startsAt,
                              OffsetDateTime endsAt, String state, String slidesUrl, String videoUrl,
                              String audioUrl, boolean isLocked, OffsetDateTime createdAt,
                              OffsetDateTime lastModifiedAt, OffsetDateTime deletedAt) {

        static SessionView of(Session s) {
            return new SessionView(s.title, s.subtitle, s.shortAbstract, s.longAbstract, s.comments, s.language,
                    s.level, s.startsAt, s.endsAt, s.state, s.slidesUrl, s.videoUrl, s.audioUrl, s.locked,
                    s.createdAt, s.lastModifiedAt, s.deletedAt);
        }
    }
}
