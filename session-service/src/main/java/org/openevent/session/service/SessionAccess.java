package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.session.domain.Session;

/**
 * The session a new row hangs below (a feedback, a favourite, an invitation), as the caller may see it: a session
 * they may not see is as absent as one that does not exist, with the same 422.
 */
@ApplicationScoped
public class SessionAccess {

    private final SessionRules rules;

    public SessionAccess(SessionRules rules) {
        this.rules = rules;
    }

    /** The live session of the access's event that the caller may see; a 422 at the relationship otherwise. */
    public Uni<Session> visible(Access access, Long sessionId) {
        if (sessionId == null) {
            return Uni.createFrom().failure(absent());
        }
        return Session.<Session>findById(sessionId).map(session -> {
            if (session == null || session.isDeleted() || session.eventId != access.eventId()
                    || !rules.canSee(access, session)) {
                throw absent();
            }
            return session;
        });
    }

    private static ApiException absent() {
        return ApiException.relationship("session", "No such session.");
    }
}
