package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;
import org.openevent.common.contract.MailRequestedPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.session.domain.Session;
import org.openevent.session.domain.SpeakerInvite;

/**
 * Invitations to co-present a session: sent by the event's co-organizers or the session's own people (its proposer
 * and speakers) to an e-mail address, which gets a mail. Seen by those senders and, on the invitation routes that
 * ask user-service for the caller's address, by the invitee, who accepts or rejects it ({@link SpeakerInvites}).
 */
@ApplicationScoped
public class SpeakerInviteRules implements ResourceRules<SpeakerInvite> {

    static final ResourceType<SpeakerInvite> TYPE = ResourceType.define("speaker-invite", "speaker-invites",
                    SpeakerInvite.class, SpeakerInvite::new)
            .string("email", i -> i.email, (i, v) -> i.email = v).required().max(320).email()
            .normalize((String email) -> email.trim().toLowerCase(Locale.ROOT)).createOnly()
            .string("status", i -> i.status, null)
            .timestamps()
            .childOfEventVia("session")
            .toOne("session", "session", "sessionId", i -> i.sessionId, (i, v) -> i.sessionId = v).writable()
            .requiredRelationship()
            .defaultOrder("x.createdAt desc")
            .build();

    private final SessionAccess sessions;
    private final Outbox outbox;

    public SpeakerInviteRules(SessionAccess sessions, Outbox outbox) {
        this.sessions = sessions;
        this.outbox = outbox;
    }

    @Override
    public ResourceType<SpeakerInvite> type() {
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
        String condition = alias + ".creatorId = " + me + " or exists (select 1 from Session s where s.id = "
                + alias + ".sessionId and " + SessionRules.ownedBy("s", me) + ")";
        if (access.event() == null) {
            condition += " or " + EventRoleQueries.managedBy(alias, me, bind);
        }
        String email = CallerEmail.known().orElse(null);
        if (email != null) {
            condition += " or lower(" + alias + ".email) = " + bind.apply(email);
        }
        return "(" + condition + ")";
    }

    @Override
    public boolean canSee(Access access, SpeakerInvite invite) {
        return access.isCoorganizer() || access.isSelf(invite.creatorId)
                || invite.sessionBelongsTo(access.caller().userId()) || CallerEmail.known().filter(email -> email.equalsIgnoreCase(invite.email)).isPresent();
    }

    @Override
    public void checkCreate(Access access, Changes<SpeakerInvite> changes) {
        access.requireUser();
    }

    /** Invitations change only by their invitee's answer. */
    @Override
    public void checkUpdate(Access access, SpeakerInvite invite, Changes<SpeakerInvite> changes) {
        throw ApiException.forbidden("An invitation is answered by its invitee (accept-invite or reject-invite).");
    }

    @Override
    public void checkDelete(Access access, SpeakerInvite invite) {
        access.requireUser();
        if (!access.isCoorganizer() && !invite.sessionBelongsTo(access.caller().userId())) {
            throw ApiException.forbidden("Speaker access is required.");
        }
        if (SpeakerInvite.ACCEPTED.equals(invite.status)) {
            throw ApiException.conflict("/data/attributes/status", "You cannot delete an accepted speaker invite.");
        }
    }

    @Override
    public Uni<Void> validate(Access access, SpeakerInvite invite, Changes<SpeakerInvite> changes) {
        return sessions.visible(access, changes.toOne("session")).invoke(session -> {
            if (!access.isCoorganizer() && !session.belongsTo(access.caller().userId())) {
                throw ApiException.forbidden("Speaker access is required.");
            }
        }).flatMap(session -> SpeakerInvite.count("sessionId = ?1 and lower(email) = ?2 and status = ?3 "
                + "and deletedAt is null", session.id, changes.<String>value("email"), SpeakerInvite.PENDING))
                .invoke(pending -> {
                    if (pending > 0) {
                        throw ApiException.conflict("/data/attributes/email",
                                "Speaker Invite has already been sent for this email.");
                    }
                }).replaceWithVoid();
    }

    @Override
    public void prepare(Access access, SpeakerInvite invite, Changes<SpeakerInvite> changes) {
        if (changes.creating()) {
            invite.creatorId = access.caller().userId();
            invite.status = SpeakerInvite.PENDING;
        }
    }

    /** A new invitation is mailed to its invitee through the platform's mail sender (committed with it). */
    @Override
    public Uni<Void> saved(Access access, SpeakerInvite invite, Change change) {
        if (change != Change.CREATED) {
            return Uni.createFrom().voidItem();
        }
        return Session.<Session>findById(invite.sessionId).flatMap(session -> {
            String mailId = UUID.randomUUID().toString();
            String text = "You have been invited to co-present the session \"" + session.title + "\" at "
                    + access.event().name() + ". Sign in and open the call for speakers of the event to accept or "
                    + "reject the invitation.";
            return outbox.publish(Topics.MAILS, MessageTypes.MAIL_REQUESTED, "mail", mailId, 1,
                    new MailRequestedPayload(mailId, "speaker-invite", invite.email,
                            "Invitation to speak at " + access.event().name(), text, null, null));
        });
    }
}
