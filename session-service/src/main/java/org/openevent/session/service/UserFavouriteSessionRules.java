package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.contract.UserFavouriteSessionPayload;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.session.domain.UserFavouriteSession;
import org.openevent.session.repository.SessionCounters;

/**
 * A user's starred sessions ("my schedule"): private to that user, admins included (everyone else sees only a
 * session's favourite count). Starred by a signed-in user for a session they can see, once; un-starred by deleting.
 * Each change recounts the session's favourites and publishes the favourite's snapshot, for personal calendars.
 */
@ApplicationScoped
public class UserFavouriteSessionRules implements ResourceRules<UserFavouriteSession> {

    static final ResourceType<UserFavouriteSession> TYPE = ResourceType.define("user-favourite-session",
                    "user-favourite-sessions", UserFavouriteSession.class, UserFavouriteSession::new)
            .timestamps()
            .childOfEventVia("session")
            .toOne("session", "session", "sessionId", f -> f.sessionId, (f, v) -> f.sessionId = v).writable()
            .requiredRelationship()
            .toOne("user", "user", "userId", f -> f.userId, null)
            .ofUser("favourites", "x.userId = {user}")
            .ofUser("favourite-sessions", "x.userId = {user}")
            .defaultOrder("x.createdAt desc")
            .build();

    private final SessionAccess sessions;
    private final SessionCounters counters;
    private final Outbox outbox;

    public UserFavouriteSessionRules(SessionAccess sessions, SessionCounters counters, Outbox outbox) {
        this.sessions = sessions;
        this.counters = counters;
        this.outbox = outbox;
    }

    @Override
    public ResourceType<UserFavouriteSession> type() {
        return TYPE;
    }

    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        return access.isSignedIn() ? alias + ".userId = " + bind.apply(access.caller().userId()) : "1 = 0";
    }

    @Override
    public boolean canSee(Access access, UserFavouriteSession favourite) {
        return access.isSelf(favourite.userId);
    }

    /** {@code GET /v1/user-favourite-sessions}: the caller's own favourites (the rows they may see). */
    @Override
    public void checkListAll(Access access) {
        access.requireUser();
    }

    @Override
    public void checkCreate(Access access, Changes<UserFavouriteSession> changes) {
        access.requireUser();
    }

    @Override
    public void checkUpdate(Access access, UserFavouriteSession favourite, Changes<UserFavouriteSession> changes) {
        throw ApiException.forbidden("A favourite cannot be changed; delete it instead.");
    }

    @Override
    public void checkDelete(Access access, UserFavouriteSession favourite) {
        access.requireUser();
    }

    @Override
    public Uni<Void> validate(Access access, UserFavouriteSession favourite,
                              Changes<UserFavouriteSession> changes) {
        return sessions.visible(access, changes.toOne("session"))
                .flatMap(session -> UserFavouriteSession.count("sessionId = ?1 and userId = ?2 and deletedAt is null",
                        session.id, access.caller().userId()))
                .invoke(existing -> {
                    if (existing > 0) {
                        throw ApiException.conflict("/data/relationships/session", "Session already favourited");
                    }
                }).replaceWithVoid();
    }

    @Override
    public void prepare(Access access, UserFavouriteSession favourite, Changes<UserFavouriteSession> changes) {
        favourite.userId = access.caller().userId();
    }

    @Override
    public Uni<Void> saved(Access access, UserFavouriteSession f, Change change) {
        // Not a schedule change: no schedule version; the event stays the fairness key, as for its schedule.
        return counters.recount(f.sessionId).flatMap(ignored -> outbox.publish(Topics.SESSIONS,
                MessageTypes.USER_FAVOURITE_SESSION_UPSERTED, "user-favourite-session", f.id, f.version,
                new UserFavouriteSessionPayload(f.id, f.sessionId, f.eventId, f.userId, f.createdAt, f.deletedAt),
                String.valueOf(f.eventId)));
    }
}
