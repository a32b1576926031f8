package org.openevent.event.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.openevent.common.contract.UserContact;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.persistence.Transactions;
import org.openevent.common.resource.Roles;
import org.openevent.common.security.CallerIdentity;
import org.openevent.event.client.UserContacts;
import org.openevent.event.domain.EventRole;
import org.openevent.event.domain.RoleInvite;

/**
 * Accepting a role invitation with the secret token from its mail. Unlike the original (which grants the role to
 * whoever posts the token), the caller must be signed in with the invited address, as user-service knows it.
 * Granting the role, marking the invitation accepted and republishing the event commit together, so the new
 * co-organizer can act in every service at once.
 */
@ApplicationScoped
public class RoleInvites {

    private final UserContacts contacts;
    private final EventGrants grants;

    public RoleInvites(UserContacts contacts, EventGrants grants) {
        this.contacts = contacts;
        this.grants = grants;
    }

    /** The address an invitation was sent to, for whoever holds its token (the original's {@code /user} route). */
    public Uni<Map<String, Object>> invitee(String token) {
        String digest = InviteTokens.digest(checked(token));
        return Panache.withSession(() -> RoleInvite.<RoleInvite>find("tokenHash", digest).firstResult())
                .map(invite -> {
                    if (invite == null) {
                        throw ApiException.notFound("Role Invite");
                    }
                    return Map.<String, Object>of("email", invite.email);
                });
    }

    /** Grants the invited role to the caller; answers what the original's {@code accept-invite} answers. */
    public Uni<Map<String, Object>> accept(CallerIdentity caller, String token) {
        long userId = caller.requireUser();
        String digest = InviteTokens.digest(checked(token));
        return contacts.of(userId).flatMap(contact -> Transactions.run(() -> Panache.getSession()
                .flatMap(session -> session.createSelectionQuery("from RoleInvite i where i.tokenHash = :digest",
                                RoleInvite.class).setParameter("digest", digest)
                        .setLockMode(LockModeType.PESSIMISTIC_WRITE).getSingleResultOrNull())
                .flatMap(invite -> accept(invite, contact))));
    }

    private Uni<Map<String, Object>> accept(RoleInvite invite, UserContact contact) {
        if (invite == null) {
            throw ApiException.notFound("Role Invite");
        }
        if (!invite.email.toLowerCase(Locale.ROOT).equals(contact.email().toLowerCase(Locale.ROOT))) {
            throw ApiException.forbidden("This invitation was sent to another e-mail address; sign in with that "
                    + "account to accept it.");
        }
        if (RoleInvite.ACCEPTED.equals(invite.status)) {
            if (!Long.valueOf(contact.id()).equals(invite.acceptedBy)) {
                throw ApiException.conflict("/data/token", "This invitation has already been accepted.");
            }
            return grants.lockedEvent(invite.eventId).map(event -> answer(invite, contact, event.identifier));
        }
        if (!invite.isPendingAt(OffsetDateTime.now(ZoneOffset.UTC))) {
            throw ApiException.forbidden("This invitation has expired or was declined; ask for a new one.");
        }
        Uni<Void> handOver = Roles.OWNER.equals(invite.roleName) ? previousOwnerBecomesOrganizer(invite.eventId,
                contact.id()) : Uni.createFrom().voidItem();
        return handOver.flatMap(ignored -> {
            invite.status = RoleInvite.ACCEPTED;
            invite.acceptedBy = contact.id();
            invite.changed();
            return grants.grant(invite.eventId, contact.id(), invite.roleName);
        }).flatMap(ignored -> grants.lockedEvent(invite.eventId))
                .map(event -> answer(invite, contact, event.identifier));
    }

    /** Ownership passes on: whoever owned the event stays on as an organizer. */
    private static Uni<Void> previousOwnerBecomesOrganizer(long eventId, long newOwner) {
        return EventRole.<EventRole>list("eventId = ?1 and role = ?2 and userId <> ?3", eventId, Roles.OWNER, newOwner)
                .flatMap(owners -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (EventRole owner : owners) {
                        chain = chain.flatMap(ignored -> EventRole.count("eventId = ?1 and userId = ?2 and role = ?3",
                                eventId, owner.userId, Roles.ORGANIZER).flatMap(held -> {
                                    if (held > 0) {
                                        return owner.delete();
                                    }
                                    owner.role = Roles.ORGANIZER;
                                    owner.changed();
                                    return Uni.createFrom().voidItem();
                                }));
                    }
                    return chain;
                });
    }

    private static Map<String, Object> answer(RoleInvite invite, UserContact contact, String identifier) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("email", contact.email());
        answer.put("event", invite.eventId);
        answer.put("event_identifier", identifier);
        answer.put("name", null);
        answer.put("role", invite.roleName);
        return answer;
    }

    private static String checked(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{16,128}")) {
            throw ApiException.notFound("Role Invite");
        }
        return token;
    }
}
