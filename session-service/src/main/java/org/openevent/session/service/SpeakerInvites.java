package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.persistence.Transactions;
import org.openevent.common.resource.AccessResolver;
import org.openevent.common.security.CallerIdentity;
import org.openevent.session.domain.Session;
import org.openevent.session.domain.Speaker;
import org.openevent.session.domain.SpeakerInvite;
import org.openevent.session.repository.SessionSpeakerRepository;

/**
 * The invitee's answer to a speaker invitation: accepting links the invitee's speaker profile in the event to the
 * session (and republishes the session), rejecting closes the invitation. The invitee is whoever's account address
 * (asked from user-service) is the invited one; anyone else learns nothing about the invitation.
 */
@ApplicationScoped
public class SpeakerInvites {

    private final CallerEmail callerEmail;
    private final AccessResolver resolver;
    private final SessionSpeakerRepository links;
    private final SessionSnapshots snapshots;

    public SpeakerInvites(CallerEmail callerEmail, AccessResolver resolver, SessionSpeakerRepository links,
                          SessionSnapshots snapshots) {
        this.callerEmail = callerEmail;
        this.resolver = resolver;
        this.links = links;
        this.snapshots = snapshots;
    }

    /** Accepts the invitation; the answer names the event, session and speaker it links, as the original does. */
    public Uni<Map<String, Object>> accept(CallerIdentity caller, long inviteId) {
        return answer(caller, inviteId, true);
    }

    /** Rejects the invitation. */
    public Uni<Map<String, Object>> reject(CallerIdentity caller, long inviteId) {
        return answer(caller, inviteId, false);
    }

    private Uni<Map<String, Object>> answer(CallerIdentity caller, long inviteId, boolean accepting) {
        caller.requireUser();
        return callerEmail.load(caller).flatMap(ignored -> Transactions.run(() -> SpeakerInvite
                .<SpeakerInvite>findById(inviteId).flatMap(invite -> {
                    String email = callerEmail.address().orElseThrow();
                    if (invite == null || invite.isDeleted()) {
                        throw ApiException.notFound("Speaker invite");
                    }
                    if (!email.equalsIgnoreCase(invite.email)) {
                        return notInvitee(caller, invite);
                    }
                    if (!SpeakerInvite.PENDING.equals(invite.status)) {
                        throw ApiException.conflict("/data/attributes/status",
                                "Speaker invite is already " + invite.status + ".");
                    }
                    if (!accepting) {
                        invite.status = SpeakerInvite.REJECTED;
                        invite.changed();
                        Map<String, Object> answer = new LinkedHashMap<>();
                        answer.put("success", true);
                        answer.put("message", "Speaker invite rejected successfully");
                        return Uni.createFrom().item(answer);
                    }
                    if (!callerEmail.verified()) {
                        throw ApiException.forbidden("User corresponding to speaker invite is unverified.");
                    }
                    return link(caller, invite);
                })));
    }

    /** Someone else's invitation: a 404 unless they may see it anyway (then a 403, as the original answers). */
    private Uni<Map<String, Object>> notInvitee(CallerIdentity caller, SpeakerInvite invite) {
        return resolver.forEvent(caller, invite.eventId, access -> true).map(access -> {
            boolean sees = access.isCoorganizer() || access.isSelf(invite.creatorId)
                    || invite.sessionBelongsTo(caller.userId());
            throw sees ? ApiException.forbidden("Invitee access is required.") : ApiException.notFound("Speaker invite");
        });
    }

    private Uni<Map<String, Object>> link(CallerIdentity caller, SpeakerInvite invite) {
        return Speaker.<Speaker>find("eventId = ?1 and lower(email) = ?2 and deletedAt is null order by id",
                        invite.eventId, invite.email.toLowerCase()).firstResult()
                .flatMap(speaker -> {
                    if (speaker == null) {
                        throw ApiException.notFound("Speaker corresponding to speaker invite");
                    }
                    return Session.<Session>findById(invite.sessionId).flatMap(session -> {
                        if (session == null || session.isDeleted()) {
                            throw ApiException.notFound("Session corresponding to speaker invite");
                        }
                        return links.speakerIds(session.id).flatMap(current -> {
                            List<Long> next = new ArrayList<>(current);
                            if (!next.contains(speaker.id)) {
                                next.add(speaker.id);
                            }
                            return links.replace(session.id, next);
                        }).flatMap(ignored -> snapshots.republish(List.of(session.id))).map(ignored -> {
                            invite.status = SpeakerInvite.ACCEPTED;
                            invite.changed();
                            Map<String, Object> answer = new LinkedHashMap<>();
                            answer.put("email", invite.email);
                            answer.put("event", invite.eventId);
                            answer.put("session", session.id);
                            answer.put("speaker", speaker.id);
                            answer.put("name", speaker.name);
                            return answer;
                        });
                    });
                });
    }
}
