package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.session.domain.Feedback;
import org.openevent.session.repository.SessionCounters;

/**
 * Feedback: a signed-in user rates (0 to 5, rounded to halves as the original does) and comments on a session they
 * can see, once per session. Read by its author and the event's co-organizers; changed and removed by its author;
 * every write recounts the session's rating aggregates.
 */
@ApplicationScoped
public class FeedbackRules implements ResourceRules<Feedback> {

    static final ResourceType<Feedback> TYPE = ResourceType.define("feedback", "feedbacks", Feedback.class,
                    Feedback::new)
            .decimal("rating", f -> f.rating, (f, v) -> f.rating = v).required().range(0, 5)
            .text("comment", f -> f.comment, (f, v) -> f.comment = v).max(10_000)
            .timestamps()
            .childOfEventVia("session")
            .toOne("session", "session", "sessionId", f -> f.sessionId, (f, v) -> f.sessionId = v).writable()
            .requiredRelationship()
            .toOne("user", "user", "userId", f -> f.userId, null)
            .ofUser("feedbacks", "x.userId = {user}")
            .defaultOrder("x.createdAt desc")
            .build();

    private final SessionAccess sessions;
    private final SessionCounters counters;

    public FeedbackRules(SessionAccess sessions, SessionCounters counters) {
        this.sessions = sessions;
        this.counters = counters;
    }

    @Override
    public ResourceType<Feedback> type() {
        return TYPE;
    }

    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        if (access.isStaff() || access.event() != null && access.isCoorganizer()) {
            return null;
        }
        if (!access.isSignedIn()) {
            return "1 = 0";
        }
        String me = bind.apply(access.caller().userId());
        String condition = alias + ".userId = " + me;
        if (access.event() == null) {
            condition += " or " + EventRoleQueries.managedBy(alias, me, bind);
        }
        return "(" + condition + ")";
    }

    @Override
    public boolean canSee(Access access, Feedback feedback) {
        return access.isCoorganizer() || access.isSelf(feedback.userId);
    }

    @Override
    public void checkCreate(Access access, Changes<Feedback> changes) {
        access.requireUser();
    }

    @Override
    public void checkUpdate(Access access, Feedback feedback, Changes<Feedback> changes) {
        requireAuthor(access, feedback);
        if (changes.hasRelationship("session") && !feedback.sessionId.equals(changes.toOne("session"))) {
            throw ApiException.relationship("session", "A feedback cannot move to another session.");
        }
    }

    @Override
    public void checkDelete(Access access, Feedback feedback) {
        if (!access.isStaff()) {
            requireAuthor(access, feedback);
        }
    }

    @Override
    public Uni<Void> validate(Access access, Feedback feedback, Changes<Feedback> changes) {
        if (!changes.creating()) {
            return Uni.createFrom().voidItem();
        }
        return sessions.visible(access, changes.toOne("session"))
                .flatMap(session -> Feedback.count("sessionId = ?1 and userId = ?2 and deletedAt is null",
                        session.id, access.caller().userId()))
                .invoke(existing -> {
                    if (existing > 0) {
                        throw ApiException.conflict("/data/relationships/session",
                                "You have already given feedback on this session.");
                    }
                }).replaceWithVoid();
    }

    @Override
    public void prepare(Access access, Feedback feedback, Changes<Feedback> changes) {
        if (changes.creating()) {
            feedback.userId = access.caller().userId();
        }
        feedback.rating = Math.round(feedback.rating * 2) / 2.0;
    }

    @Override
    public Uni<Void> saved(Access access, Feedback feedback, Change change) {
        return counters.recount(feedback.sessionId);
    }

    private static void requireAuthor(Access access, Feedback feedback) {
        access.requireUser();
        if (!access.isSelf(feedback.userId)) {
            throw ApiException.forbidden("Feedback can be changed only by its author.");
        }
    }
}
