package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.Roles;
import org.openevent.session.domain.Session;
import org.openevent.session.repository.SessionSpeakerRepository;

/**
 * Session rules: proposals by signed-in users, the contract's state machine per role, locking, who sees states
 * that are not public, and a snapshot per change.
 *
 * <p>Roles: organizers (owner, organizer, staff) review with the contract's organizer transitions. Co-organizers
 * review the same way: they already create sessions in any state and edit every field, so the original's speaker
 * transitions for them were an inconsistency, not a rule. Track organizers read every session of the event (they
 * curate its tracks) but change only sessions that are theirs. A session's proposer and the users of its speakers
 * use the speaker transitions; a caller who is both gets both.
 */
@ApplicationScoped
public class SessionRules implements ResourceRules<Session> {

    /** The contract's organizer transitions: a draft belongs to its proposer until submitted. */
    public static final Map<String, Set<String>> ORGANIZER_TRANSITIONS = Map.of(
            Session.DRAFT, Set.of(),
            Session.PENDING, Set.of(Session.WITHDRAWN, Session.ACCEPTED, Session.REJECTED, Session.CONFIRMED),
            Session.ACCEPTED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.REJECTED, Session.CONFIRMED,
                    Session.CANCELED),
            Session.CONFIRMED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.ACCEPTED, Session.REJECTED,
                    Session.CANCELED),
            Session.REJECTED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.ACCEPTED, Session.CONFIRMED),
            Session.CANCELED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.ACCEPTED, Session.REJECTED,
                    Session.CONFIRMED),
            Session.WITHDRAWN, Set.of(Session.PENDING, Session.WITHDRAWN, Session.ACCEPTED, Session.REJECTED,
                    Session.CANCELED));

    /** Transitions open to the session's proposer and speakers: submit a draft, or withdraw. */
    public static final Map<String, Set<String>> SPEAKER_TRANSITIONS = Map.of(
            Session.DRAFT, Set.of(Session.PENDING),
            Session.PENDING, Set.of(Session.WITHDRAWN),
            Session.ACCEPTED, Set.of(Session.WITHDRAWN),
            Session.CONFIRMED, Set.of(Session.WITHDRAWN),
            Session.REJECTED, Set.of(Session.WITHDRAWN),
            Session.CANCELED, Set.of(Session.WITHDRAWN),
            Session.WITHDRAWN, Set.of());

    /** Event roles whose holders read every session of the event. */
    static final Set<String> READERS = Set.of(Roles.OWNER, Roles.ORGANIZER, Roles.COORGANIZER, Roles.TRACK_ORGANIZER);

    private static final String PUBLIC_STATES = "('accepted', 'confirmed')";

    static final ResourceType<Session> TYPE = ResourceType.define("session", "sessions", Session.class, Session::new)
            .string("title", s -> s.title, (s, v) -> s.title = v).required().notBlank()
            .string("subtitle", s -> s.subtitle, (s, v) -> s.subtitle = v)
            .text("shortAbstract", s -> s.shortAbstract, (s, v) -> s.shortAbstract = v)
            .text("longAbstract", s -> s.longAbstract, (s, v) -> s.longAbstract = v)
            .text("comments", s -> s.comments, (s, v) -> s.comments = v)
            .string("language", s -> s.language, (s, v) -> s.language = v).max(64)
            .string("level", s -> s.level, (s, v) -> s.level = v).oneOf("Beginner", "Intermediate", "Advanced", "Expert")
            .datetime("startsAt", s -> s.startsAt, (s, v) -> s.startsAt = v)
            .datetime("endsAt", s -> s.endsAt, (s, v) -> s.endsAt = v)
            .string("state", s -> s.state, (s, v) -> s.state = v).notNull().defaultTo(Session.DRAFT)
            .oneOf(Session.STATES)
            .url("slidesUrl", s -> s.slidesUrl, (s, v) -> s.slidesUrl = v)
            .json("slides", s -> s.slides, (s, v) -> s.slides = v).check(JsonShapes.LINKS)
            .url("videoUrl", s -> s.videoUrl, (s, v) -> s.videoUrl = v)
            .url("audioUrl", s -> s.audioUrl, (s, v) -> s.audioUrl = v)
            .url("signupUrl", s -> s.signupUrl, (s, v) -> s.signupUrl = v)
            .url("website", s -> s.website, (s, v) -> s.website = v)
            .url("twitter", s -> s.twitter, (s, v) -> s.twitter = v)
            .url("facebook", s -> s.facebook, (s, v) -> s.facebook = v)
            .url("github", s -> s.github, (s, v) -> s.github = v)
            .url("linkedin", s -> s.linkedin, (s, v) -> s.linkedin = v)
            .url("instagram", s -> s.instagram, (s, v) -> s.instagram = v)
            .url("gitlab", s -> s.gitlab, (s, v) -> s.gitlab = v)
            .url("mastodon", s -> s.mastodon, (s, v) -> s.mastodon = v)
            .bool("locked", s -> s.locked, (s, v) -> s.locked = v).wire("is-locked").notNull().defaultTo(false)
            .bool("mailSent", s -> s.mailSent, (s, v) -> s.mailSent = v).wire("is-mail-sent").notNull()
            .defaultTo(false).writableWhen(Access::isCoorganizer, true)
            .bool("sendEmail", s -> null, (s, v) -> { }).wire("send-email").writeOnly()
            .json("complexFieldValues", s -> s.complexFieldValues, (s, v) -> s.complexFieldValues = v)
            .check(JsonShapes.FLAT_OBJECT)
            .datetime("submittedAt", s -> s.submittedAt, null)
            .datetime("lastModifiedAt", s -> s.lastModifiedAt, null)
            .decimal("averageRating", s -> s.averageRating, null)
            .integer("ratingCount", s -> s.ratingCount, null)
            .integer("favouriteCount", s -> s.favouriteCount, null)
            .timestamps()
            .childOfEvent()
            .toOne("track", "track", "trackId", s -> s.trackId, (s, v) -> s.trackId = v).writable()
            .toOne("microlocation", "microlocation", "microlocationId", s -> s.microlocationId,
                    (s, v) -> s.microlocationId = v).writable()
            .toOne("session-type", "session-type", "sessionTypeId", s -> s.sessionTypeId,
                    (s, v) -> s.sessionTypeId = v).writable()
            .joined("speakers", true, "speaker",
                    "{t}.id in (select l.speakerId from SessionSpeaker l where l.sessionId = {o}.id)")
            .writable()
            .toOne("creator", "user", "creatorId", s -> s.creatorId, null)
            .inverse("feedbacks", "feedback", "sessionId")
            // Favourites are private to their user, so both relationships only ever hold the caller's own.
            .inverse("favourites", "user-favourite-session", "sessionId")
            .joined("favourite", false, "user-favourite-session", "{t}.sessionId = {o}.id")
            .inverse("speaker-invites", "speaker-invite", "sessionId")
            .joined("exhibitors", true, "exhibitor",
                    "{t}.id in (select l.exhibitorId from ExhibitorSession l where l.sessionId = {o}.id)")
            .ofUser("sessions", ownedBy("x", "{user}"))
            .defaultOrder("x.startsAt asc nulls last")
            .build();

    private final SessionSnapshots snapshots;
    private final SessionSpeakerRepository speakers;

    public SessionRules(SessionSnapshots snapshots, SessionSpeakerRepository speakers) {
        this.snapshots = snapshots;
        this.speakers = speakers;
    }

    @Override
    public ResourceType<Session> type() {
        return TYPE;
    }

    /**
     * Everyone sees the public programme; the proposer and the users of its speakers their sessions; an invitee
     * (on the invitation routes, which know the caller's address) the session they are invited to; track organizers
     * and up every session of their events.
     */
    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        if (access.event() != null && access.isTrackOrganizer() || access.isStaff()) {
            return null;
        }
        String condition = alias + ".state in " + PUBLIC_STATES;
        if (access.isSignedIn()) {
            String me = bind.apply(access.caller().userId());
            condition += " or " + ownedBy(alias, me);
            if (access.event() == null) {
                condition += " or " + EventRoleQueries.heldBy(alias, me, bind, READERS);
            }
            String email = CallerEmail.known().orElse(null);
            if (email != null) {
                condition += " or exists (select 1 from SpeakerInvite i where i.sessionId = " + alias + ".id"
                        + " and i.status = 'pending' and i.deletedAt is null and lower(i.email) = "
                        + bind.apply(email) + ")";
            }
        }
        return "(" + condition + ")";
    }

    /** HQL: the session (alias) was proposed by the user bound to {@code me} or has a live speaker of theirs. */
    static String ownedBy(String alias, String me) {
        return "(" + alias + ".creatorId = " + me + " or exists (select 1 from SessionSpeaker l, Speaker sp"
                + " where l.sessionId = " + alias + ".id and sp.id = l.speakerId and sp.creatorId = " + me
                + " and sp.deletedAt is null))";
    }

    @Override
    public boolean canSee(Access access, Session session) {
        return sees(access, session);
    }

    /** Whether this caller may see the session (agrees with {@link #visible}). */
    static boolean sees(Access access, Session session) {
        return access.isTrackOrganizer() || session.isPublic() || session.belongsTo(access.caller().userId())
                || CallerEmail.known().filter(session::invites).isPresent();
    }

    @Override
    public void adjust(Access access, Session session, Changes<Session> changes) {
        // As in the original server, only co-organizers place sessions in rooms; others' choice is dropped.
        if (!access.isCoorganizer()) {
            changes.dropRelationship("microlocation");
        }
    }

    @Override
    public void checkCreate(Access access, Changes<Session> changes) {
        access.requireUser();
        if (access.isCoorganizer()) {
            return;
        }
        if (!access.event().sessionsSpeakersEnabled()) {
            throw ApiException.forbidden("Sessions are disabled for this Event");
        }
        String state = changes.value("state");
        if (state != null && !Session.DRAFT.equals(state) && !Session.PENDING.equals(state)) {
            throw ApiException.forbiddenAttribute("state", "Only organizers may create a session in state \""
                    + state + "\".");
        }
        if (Boolean.TRUE.equals(changes.value("is-locked"))) {
            throw ApiException.forbiddenAttribute("is-locked", "Only organizers may lock or unlock a session.");
        }
    }

    @Override
    public void checkUpdate(Access access, Session session, Changes<Session> changes) {
        requireOwnOrManaged(access, session);
        boolean manager = access.isCoorganizer();
        Boolean locked = changes.value("is-locked");
        if (changes.has("is-locked") && locked != null && locked != session.locked && !manager) {
            throw ApiException.forbiddenAttribute("is-locked", "Only organizers may lock or unlock a session.");
        }
        if (session.locked && !manager) {
            throw ApiException.forbiddenAttribute("is-locked", "Locked sessions cannot be edited");
        }
        String state = changes.value("state");
        if (state != null && !state.equals(session.state) && !transitions(access, session).contains(state)) {
            throw ApiException.forbiddenAttribute("state", "You cannot change a session state from \""
                    + session.state + "\" to \"" + state + "\"");
        }
    }

    /** The states this caller may move the session to from its current one. */
    static Set<String> transitions(Access access, Session session) {
        Set<String> allowed = new HashSet<>();
        if (access.isCoorganizer()) {
            allowed.addAll(ORGANIZER_TRANSITIONS.getOrDefault(session.state, Set.of()));
        }
        if (session.belongsTo(access.caller().userId())) {
            allowed.addAll(SPEAKER_TRANSITIONS.getOrDefault(session.state, Set.of()));
        }
        return allowed;
    }

    @Override
    public void checkDelete(Access access, Session session) {
        requireOwnOrManaged(access, session);
        if (session.locked && !access.isCoorganizer()) {
            throw ApiException.forbiddenAttribute("is-locked", "Locked sessions cannot be edited");
        }
    }

    @Override
    public void prepare(Access access, Session session, Changes<Session> changes) {
        if (session.startsAt != null && session.endsAt != null && !session.endsAt.isAfter(session.startsAt)) {
            throw ApiException.attribute("ends-at", "ends-at should be after starts-at");
        }
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (changes.creating()) {
            session.creatorId = access.caller().userId();
        }
        session.lastModifiedAt = now;
        session.wasPublic = session.wasPublic || session.isPublic();
        if (session.submittedAt == null && !Session.DRAFT.equals(session.state)) {
            session.submittedAt = now;
        }
    }

    @Override
    public Uni<Void> replaceMembers(Session session, String relationship, List<Long> ids) {
        return (session.insertedByThisWrite() ? speakers.linkNewSession(session.id, ids)
                : speakers.replace(session.id, ids)).invoke(written -> session.speakerIdsWritten = written)
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> saved(Access access, Session s, Change change) {
        return snapshots.publish(s, change);
    }

    private static void requireOwnOrManaged(Access access, Session session) {
        access.requireUser();
        if (!access.isCoorganizer() && !session.belongsTo(access.caller().userId())) {
            throw ApiException.forbidden("Only the session's proposer, its speakers or an organizer may change it.");
        }
    }
}
