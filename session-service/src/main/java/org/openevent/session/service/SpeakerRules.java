package org.openevent.session.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.SpeakerPayload;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.session.domain.Speaker;

/**
 * Speakers: any signed-in user may propose one for an event that takes proposals (and becomes its user); the
 * speaker's user and the event's co-organizers may change it. E-mail and phone are private to them, and only
 * co-organizers feature and order speakers.
 */
@ApplicationScoped
public class SpeakerRules implements ResourceRules<Speaker> {

    static final List<String> GENDERS = List.of("Man", "Woman", "Transgender", "Non-binary", "Genderqueer",
            "An identity not listed here", "I prefer not to say");

    static final ResourceType<Speaker> TYPE = ResourceType.define("speaker", "speakers", Speaker.class, Speaker::new)
            .string("name", s -> s.name, (s, v) -> s.name = v).required().notBlank()
            .string("email", s -> s.email, (s, v) -> s.email = v).email().readableWhen(SpeakerRules::seesPrivate)
            .string("mobile", s -> s.mobile, (s, v) -> s.mobile = v).max(64).readableWhen(SpeakerRules::seesPrivate)
            .url("photoUrl", s -> s.photoUrl, (s, v) -> s.photoUrl = v)
            .text("shortBiography", s -> s.shortBiography, (s, v) -> s.shortBiography = v)
            .text("longBiography", s -> s.longBiography, (s, v) -> s.longBiography = v)
            .text("speakingExperience", s -> s.speakingExperience, (s, v) -> s.speakingExperience = v)
            .string("organisation", s -> s.organisation, (s, v) -> s.organisation = v)
            .string("position", s -> s.position, (s, v) -> s.position = v)
            .string("country", s -> s.country, (s, v) -> s.country = v)
            .string("city", s -> s.city, (s, v) -> s.city = v)
            .url("website", s -> s.website, (s, v) -> s.website = v)
            .url("twitter", s -> s.twitter, (s, v) -> s.twitter = v)
            .url("facebook", s -> s.facebook, (s, v) -> s.facebook = v)
            .url("github", s -> s.github, (s, v) -> s.github = v)
            .url("linkedin", s -> s.linkedin, (s, v) -> s.linkedin = v)
            .string("gender", s -> s.gender, (s, v) -> s.gender = v).oneOf(GENDERS)
            .bool("featured", s -> s.featured, (s, v) -> s.featured = v).wire("is-featured").notNull().defaultTo(false)
            .writableWhen(Access::isCoorganizer, true)
            .integer("sortOrder", s -> s.sortOrder, (s, v) -> s.sortOrder = v).wire("order").notNull().defaultTo(0)
            .writableWhen(Access::isCoorganizer, true)
            .timestamps()
            .childOfEvent()
            .joined("sessions", true, "session",
                    "{t}.id in (select l.sessionId from SessionSpeaker l where l.speakerId = {o}.id)")
            .toOne("user", "user", "creatorId", s -> s.creatorId, null)
            .defaultOrder("x.sortOrder asc, x.name asc")
            .build();

    private final SchedulePublisher publisher;

    public SpeakerRules(SchedulePublisher publisher) {
        this.publisher = publisher;
    }

    @Override
    public ResourceType<Speaker> type() {
        return TYPE;
    }

    static boolean seesPrivate(Access access, Speaker speaker) {
        return access.isCoorganizer() || access.isSelf(speaker.creatorId);
    }

    @Override
    public void checkCreate(Access access, Changes<Speaker> changes) {
        access.requireUser();
        if (!access.isCoorganizer() && !access.event().sessionsSpeakersEnabled()) {
            throw ApiException.forbidden("Speakers are disabled for this Event");
        }
    }

    @Override
    public void checkUpdate(Access access, Speaker speaker, Changes<Speaker> changes) {
        requireOwnOrManaged(access, speaker);
    }

    @Override
    public void checkDelete(Access access, Speaker speaker) {
        requireOwnOrManaged(access, speaker);
    }

    @Override
    public Uni<Void> validate(Access access, Speaker speaker, Changes<Speaker> changes) {
        String email = changes.value("email");
        if (email == null) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().flatMap(session -> session.createSelectionQuery(
                        "select count(*) from Speaker s where s.eventId = :event and lower(s.email) = lower(:email) "
                                + "and s.deletedAt is null and s.id <> :self", Long.class)
                .setParameter("event", access.eventId())
                .setParameter("email", email)
                .setParameter("self", speaker.id == null ? -1L : speaker.id)
                .getSingleResult()).invoke(taken -> {
                    if (taken > 0) {
                        throw ApiException.conflict("/data/attributes/email", "Speaker with this Email ID already exists");
                    }
                }).replaceWithVoid();
    }

    @Override
    public void prepare(Access access, Speaker speaker, Changes<Speaker> changes) {
        if (changes.creating()) {
            speaker.creatorId = access.caller().userId();
        }
    }

    @Override
    public Uni<Void> saved(Access access, Speaker s, Change change) {
        // The e-mail address is private and never leaves the service.
        return publisher.publish(s, change, MessageTypes.SPEAKER_UPSERTED, "speaker",
                version -> new SpeakerPayload(s.id, s.eventId, version, s.name, s.organisation, s.position,
                        s.deletedAt));
    }

    private static void requireOwnOrManaged(Access access, Speaker speaker) {
        access.requireUser();
        if (!access.isCoorganizer() && !access.isSelf(speaker.creatorId)) {
            throw ApiException.forbidden("Only the speaker's user or an organizer may change it.");
        }
    }
}
