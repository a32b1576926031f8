package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.SessionPayload;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.EventDirectory;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.Roles;
import org.openevent.session.domain.Session;
import org.openevent.session.repository.SessionSpeakerRepository;

/**
 * Session rules: proposals by signed-in users, the state machine that separates what organizers and speakers may
 * do, locking, visibility of states that are not public, and a snapshot per change.
 */
@ApplicationScoped
public class SessionRules implements ResourceRules<Session> {

    /** Transitions open to the event's organizers; a draft may go anywhere so organizer-made drafts can be used. */
    public static final Map<String, Set<String>> ORGANIZER_TRANSITIONS = Map.of(
            Session.DRAFT, Set.of(Session.PENDING, Session.ACCEPTED, Session.CONFIRMED, Session.REJECTED,
                    Session.CANCELED, Session.WITHDRAWN),
            Session.PENDING, Set.of(Session.WITHDRAWN, Session.ACCEPTED, Session.REJECTED, Session.CONFIRMED),
            Session.ACCEPTED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.REJECTED, Session.CONFIRMED,
                    Session.CANCELED),
            Session.CONFIRMED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.ACCEPTED, Session.REJECTED,
                    Session.CANCELED),
            Session.REJECTED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.ACCEPTED, Session.CONFIRMED),
            Session.CANCELED, Set.of(Session.PENDING, Session.WITHDRAWN, Session.ACCEPTED, Session.REJECTED,
                    Session.CONFIRMED),
            Session.WITHDRAWN, Set.of(Session.PENDING, Session.ACCEPTED, Session.REJECTED, Session.CANCELED));

    /** Transitions open to the session's proposer: submit a draft, or withdraw. */
    public static final Map<String, Set<String>> SPEAKER_TRANSITIONS = Map.of(
            Session.DRAFT, Set.of(Session.PENDING),
            Session.PENDING, Set.of(Session.WITHDRAWN),
            Session.ACCEPTED, Set.of(Session.WITHDRAWN),
            Session.CONFIRMED, Set.of(Session.WITHDRAWN),
            Session.REJECTED, Set.of(Session.WITHDRAWN),
            Session.CANCELED, Set.of(Session.WITHDRAWN),
            Session.WITHDRAWN, Set.of());

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
            .url("videoUrl", s -> s.videoUrl, (s, v) -> s.videoUrl = v)
            .url("audioUrl", s -> s.audioUrl, (s, v) -> s.audioUrl = v)
            .bool("locked", s -> s.locked, (s, v) -> s.locked = v).wire("is-locked").notNull().defaultTo(false)
            .datetime("submittedAt", s -> s.submittedAt, null)
            .datetime("lastModifiedAt", s -> s.lastModifiedAt, null)
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
            .empty("feedbacks", true, "feedback", "Feedback on sessions is not collected yet.")
            .empty("favourites", true, "user-favourite-session", "Favourites are not kept yet.")
            .empty("favourite", false, "user-favourite-session", "Favourites are not kept yet.")
            .empty("speaker-invites", true, "speaker-invite", "Speaker invitations are not offered yet.")
            .empty("exhibitors", true, "exhibitor", "Exhibitors are not offered yet.")
            .defaultOrder("x.startsAt asc nulls last")
            .build();

    private final SchedulePublisher publisher;
    private final SessionSpeakerRepository speakers;
    private final EventDirectory events;

    public SessionRules(SchedulePublisher publisher, SessionSpeakerRepository speakers, EventDirectory events) {
        this.publisher = publisher;
        this.speakers = speakers;
        this.events = events;
    }

    @Override
    public ResourceType<Session> type() {
        return TYPE;
    }

    /** Everyone sees the public programme; proposers their own sessions; co-organizers everything of theirs. */
    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        if (access.event() != null && access.isCoorganizer() || access.isStaff()) {
            return null;
        }
        String condition = alias + ".state in " + PUBLIC_STATES;
        if (access.isSignedIn()) {
            condition += " or " + alias + ".creatorId = " + bind.apply(access.caller().userId());
            if (access.event() == null) {
                condition += " or " + alias + ".eventId in (" + events.eventsWithRoles(
                        bind.apply(access.caller().userId()), bind.apply(Roles.COORGANIZERS)) + ")";
            }
        }
        return "(" + condition + ")";
    }

    @Override
    public boolean canSee(Access access, Session session) {
        return access.isCoorganizer() || session.isPublic() || access.isSelf(session.creatorId);
    }

    /** Lists across events are for admins and for proposers' own sessions (their routes restrict them). */
    @Override
    public void checkListAll(Access access) {
        access.requireAdmin();
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
        requireProposerOrManager(access, session);
        boolean manager = access.isCoorganizer();
        Boolean locked = changes.value("is-locked");
        if (changes.has("is-locked") && locked != null && locked != session.locked && !manager) {
            throw ApiException.forbiddenAttribute("is-locked", "Only organizers may lock or unlock a session.");
        }
        if (session.locked && !manager) {
            throw ApiException.forbiddenAttribute("is-locked", "Locked sessions cannot be edited");
        }
        String state = changes.value("state");
        if (state != null && !state.equals(session.state)) {
            Map<String, Set<String>> allowed = manager ? ORGANIZER_TRANSITIONS : SPEAKER_TRANSITIONS;
            if (!allowed.getOrDefault(session.state, Set.of()).contains(state)) {
                throw ApiException.forbiddenAttribute("state", "You cannot change a session state from \""
                        + session.state + "\" to \"" + state + "\"");
            }
        }
    }

    @Override
    public void checkDelete(Access access, Session session) {
        requireProposerOrManager(access, session);
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
        return speakers.replace(session.id, ids);
    }

    @Override
    public Uni<Void> saved(Access access, Session s, Change change) {
        return speakers.speakerIds(s.id).flatMap(speakerIds -> publisher.publish(s, change,
                MessageTypes.SESSION_UPSERTED, "session", version -> new SessionPayload(s.id, s.eventId, version,
                        s.title, s.subtitle, s.shortAbstract, s.longAbstract, s.language, s.level, s.state,
                        s.wasPublic, s.startsAt, s.endsAt, s.trackId, s.microlocationId, s.sessionTypeId,
                        List.copyOf(speakerIds), s.creatorId, s.createdAt, s.submittedAt, s.deletedAt)));
    }

    private static void requireProposerOrManager(Access access, Session session) {
        access.requireUser();
        if (!access.isCoorganizer() && !access.isSelf(session.creatorId)) {
            throw ApiException.forbidden("Only the session's proposer or an organizer may change it.");
        }
    }
}
