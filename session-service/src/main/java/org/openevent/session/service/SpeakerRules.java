package org.openevent.session.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Function;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.SpeakerPayload;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.ValueType;
import org.openevent.session.client.UserContacts;
import org.openevent.session.domain.Session;
import org.openevent.session.domain.Speaker;
import org.openevent.session.repository.SessionSpeakerRepository;

/**
 * Speakers: any signed-in user may propose one for an event that takes proposals (and becomes its user); the
 * speaker's user and the event's co-organizers may change it. E-mail and phone are private to them. The e-mail
 * rules of the contract: a non-organizer's speaker always carries the caller's own account address (so nobody
 * can submit, or probe, someone else's), organizers set any address or mark it overridden (then it is empty).
 * Only co-organizers feature and order speakers; a non-organizer links only sessions that are theirs.
 */
@ApplicationScoped
public class SpeakerRules implements ResourceRules<Speaker> {

    static final List<String> GENDERS = List.of("Man", "Woman", "Transgender", "Non-binary", "Genderqueer",
            "An identity not listed here", "I prefer not to say");

    static final ResourceType<Speaker> TYPE = ResourceType.define("speaker", "speakers", Speaker.class, Speaker::new)
            .string("name", s -> s.name, (s, v) -> s.name = v).required().notBlank()
            .string("email", s -> s.email, (s, v) -> s.email = v).max(320).email()
            .readableWhen(SpeakerRules::seesPrivate, SpeakerRules::privateReadable)
            .string("mobile", s -> s.mobile, (s, v) -> s.mobile = v).max(64).readableWhen(SpeakerRules::seesPrivate)
            .bool("emailOverridden", s -> s.emailOverridden, (s, v) -> s.emailOverridden = v)
            .wire("is-email-overridden").notNull().defaultTo(false)
            .url("photoUrl", s -> s.photoUrl, (s, v) -> s.photoUrl = v)
            // Images are not resized here: every size is the photo itself.
            .computed("thumbnail-image-url", ValueType.STRING, s -> s.photoUrl)
            .computed("small-image-url", ValueType.STRING, s -> s.photoUrl)
            .computed("icon-image-url", ValueType.STRING, s -> s.photoUrl)
            .text("shortBiography", s -> s.shortBiography, (s, v) -> s.shortBiography = v)
            .text("longBiography", s -> s.longBiography, (s, v) -> s.longBiography = v)
            .string("speakingExperience", s -> s.speakingExperience, (s, v) -> s.speakingExperience = v).max(100_000)
            .string("organisation", s -> s.organisation, (s, v) -> s.organisation = v)
            .string("position", s -> s.position, (s, v) -> s.position = v)
            .string("country", s -> s.country, (s, v) -> s.country = v)
            .string("city", s -> s.city, (s, v) -> s.city = v)
            .string("address", s -> s.address, (s, v) -> s.address = v)
            .url("website", s -> s.website, (s, v) -> s.website = v)
            .url("twitter", s -> s.twitter, (s, v) -> s.twitter = v)
            .url("facebook", s -> s.facebook, (s, v) -> s.facebook = v)
            .url("github", s -> s.github, (s, v) -> s.github = v)
            .url("linkedin", s -> s.linkedin, (s, v) -> s.linkedin = v)
            .url("mastodon", s -> s.mastodon, (s, v) -> s.mastodon = v)
            .url("instagram", s -> s.instagram, (s, v) -> s.instagram = v)
            .string("gender", s -> s.gender, (s, v) -> s.gender = v).oneOf(GENDERS)
            .string("heardFrom", s -> s.heardFrom, (s, v) -> s.heardFrom = v)
            .text("sponsorshipRequired", s -> s.sponsorshipRequired, (s, v) -> s.sponsorshipRequired = v)
            .json("complexFieldValues", s -> s.complexFieldValues, (s, v) -> s.complexFieldValues = v)
            .check(JsonShapes.FLAT_OBJECT)
            .json("speakerPositions", s -> s.speakerPositions, (s, v) -> s.speakerPositions = v)
            .check(JsonShapes.OBJECTS)
            .bool("featured", s -> s.featured, (s, v) -> s.featured = v).wire("is-featured").notNull().defaultTo(false)
            .writableWhen(Access::isCoorganizer, true)
            .integer("sortOrder", s -> s.sortOrder, (s, v) -> s.sortOrder = v).wire("order").notNull().defaultTo(0)
            .writableWhen(Access::isCoorganizer, true)
            .timestamps()
            .childOfEvent()
            .joined("sessions", true, "session",
                    "{t}.id in (select l.sessionId from SessionSpeaker l where l.speakerId = {o}.id)")
            .writable()
            .toOne("user", "user", "creatorId", s -> s.creatorId, null)
            .ofUser("speakers", "x.creatorId = {user}")
            .defaultOrder("x.sortOrder asc, x.name asc")
            .build();

    private final SchedulePublisher publisher;
    private final SessionSpeakerRepository links;
    private final SessionSnapshots sessions;
    private final UserContacts contacts;

    public SpeakerRules(SchedulePublisher publisher, SessionSpeakerRepository links, SessionSnapshots sessions,
                        UserContacts contacts) {
        this.publisher = publisher;
        this.links = links;
        this.sessions = sessions;
        this.contacts = contacts;
    }

    @Override
    public ResourceType<Speaker> type() {
        return TYPE;
    }

    static boolean seesPrivate(Access access, Speaker speaker) {
        return access.isCoorganizer() || access.isSelf(speaker.creatorId);
    }

    /**
     * HQL agreeing with {@link #seesPrivate}: the speakers whose e-mail this caller may read, and so filter on ("my
     * speaker profiles" by address work; probing other people's addresses matches nothing).
     */
    static String privateReadable(Access access, String alias, Function<Object, String> bind) {
        if (access.isStaff() || access.event() != null && access.isCoorganizer()) {
            return null;
        }
        if (!access.isSignedIn()) {
            return "1 = 0";
        }
        String me = bind.apply(access.caller().userId());
        return "(" + alias + ".creatorId = " + me + " or " + EventRoleQueries.managedBy(alias, me, bind) + ")";
    }

    @Override
    public void checkCreate(Access access, Changes<Speaker> changes) {
        access.requireUser();
        if (!access.isCoorganizer() && !access.event().sessionsSpeakersEnabled()) {
            throw ApiException.forbidden("Speakers are disabled for this Event");
        }
        checkEmailOverride(access, changes);
    }

    @Override
    public void checkUpdate(Access access, Speaker speaker, Changes<Speaker> changes) {
        requireOwnOrManaged(access, speaker);
        checkEmailOverride(access, changes);
    }

    @Override
    public void checkDelete(Access access, Speaker speaker) {
        requireOwnOrManaged(access, speaker);
    }

    private static void checkEmailOverride(Access access, Changes<Speaker> changes) {
        if (Boolean.TRUE.equals(changes.value("is-email-overridden")) && !access.isCoorganizer()) {
            throw ApiException.forbiddenAttribute("is-email-overridden",
                    "Organizer access required to override email");
        }
    }

    /** A non-organizer's speaker gets the caller's account address, asked from user-service before the write. */
    @Override
    public Uni<Void> beforeTransaction(Access access, Speaker speaker, Changes<Speaker> changes) {
        boolean overridden = Boolean.TRUE.equals(changes.value("is-email-overridden"))
                || speaker != null && speaker.emailOverridden && !changes.has("is-email-overridden");
        if (overridden) {
            changes.put("email", null);
            return Uni.createFrom().voidItem();
        }
        if (access.isCoorganizer() || speaker != null && !changes.has("email")) {
            return Uni.createFrom().voidItem();
        }
        return contacts.of(access.requireUser()).invoke(contact -> changes.put("email", contact.email().trim()))
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> validate(Access access, Speaker speaker, Changes<Speaker> changes) {
        return ownSessions(access, changes).flatMap(ignored -> uniqueEmail(access, speaker, changes));
    }

    /** A non-organizer may only link sessions that are theirs; others are as absent as unknown ones. */
    private static Uni<Void> ownSessions(Access access, Changes<Speaker> changes) {
        List<Long> ids = changes.toMany("sessions").orElse(List.of());
        if (ids.isEmpty() || access.isCoorganizer()) {
            return Uni.createFrom().voidItem();
        }
        return Session.<Session>list("id in ?1 and eventId = ?2 and deletedAt is null", ids, access.eventId())
                .invoke(found -> {
                    long theirs = found.stream().filter(s -> s.belongsTo(access.caller().userId())).count();
                    if (theirs != ids.size()) {
                        throw ApiException.relationship("sessions", "No such session in this event.");
                    }
                }).replaceWithVoid();
    }

    private static Uni<Void> uniqueEmail(Access access, Speaker speaker, Changes<Speaker> changes) {
        String email = changes.value("email");
        if (email == null) {
            return Uni.createFrom().voidItem();
        }
        // Reachable only with an address the caller may read anyway: their own, or any for organizers.
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

    /** The speaker's sessions become exactly these; every session whose speaker list changes is republished. */
    @Override
    public Uni<Void> replaceMembers(Speaker speaker, String relationship, List<Long> ids) {
        return links.replaceForSpeaker(speaker.id, ids).flatMap(sessions::republish);
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
