package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
import org.openevent.common.resource.Roles;
import org.openevent.event.config.RolesConfig;
import org.openevent.event.config.SiteConfig;
import org.openevent.event.domain.Role;
import org.openevent.event.domain.RoleInvite;

/**
 * Role invitations: an event's organizers invite someone by e-mail to hold a role (only the owner may hand on
 * ownership); the mail with the secret link is queued through the outbox in the same transaction, so it goes out
 * only if the invitation exists. Only organizers see the event's invitations; an invitation cannot be changed, and
 * an accepted one cannot be deleted. Accepting is {@link RoleInvites}.
 */
@ApplicationScoped
public class RoleInviteRules implements ResourceRules<RoleInvite> {

    static final ResourceType<RoleInvite> TYPE = ResourceType.define("role-invite", "role-invites", RoleInvite.class,
                    RoleInvite::new)
            .string("email", i -> i.email, (i, v) -> i.email = v).required().email()
            .normalize((String v) -> v.strip())
            .string("roleName", i -> i.roleName, (i, v) -> i.roleName = v).oneOf(Roles.ALL)
            .string("status", i -> i.status, null)
            .datetime("createdAt", i -> i.createdAt, null)
            .datetime("expiresAt", i -> i.expiresAt, null)
            .childOfEvent()
            .toOne("role", "role", "roleId", i -> i.roleId, (i, v) -> i.roleId = v).writable()
            .defaultOrder("x.id asc")
            .hardDelete()
            .build();

    private final Outbox outbox;
    private final RolesConfig roles;
    private final SiteConfig site;

    public RoleInviteRules(Outbox outbox, RolesConfig roles, SiteConfig site) {
        this.outbox = outbox;
        this.roles = roles;
        this.site = site;
    }

    @Override
    public ResourceType<RoleInvite> type() {
        return TYPE;
    }

    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        return access.isOrganizer() ? null : "1 = 0";
    }

    @Override
    public boolean canSee(Access access, RoleInvite invite) {
        return access.isOrganizer();
    }

    @Override
    public void checkCreate(Access access, Changes<RoleInvite> changes) {
        access.requireOrganizer();
    }

    @Override
    public void checkUpdate(Access access, RoleInvite invite, Changes<RoleInvite> changes) {
        access.requireOrganizer();
        throw ApiException.forbidden("A role invite cannot be changed; delete it and invite again.");
    }

    @Override
    public void checkDelete(Access access, RoleInvite invite) {
        access.requireOrganizer();
        if (RoleInvite.ACCEPTED.equals(invite.status)) {
            throw ApiException.conflict("/data/attributes/status", "You cannot delete an accepted role invite.");
        }
    }

    /** Resolves the role from its name or its relationship (both must agree), then refuses a second invitation. */
    @Override
    public Uni<Void> validate(Access access, RoleInvite invite, Changes<RoleInvite> changes) {
        String name = changes.value("role-name");
        Long id = changes.toOne("role");
        if (name == null && id == null) {
            throw ApiException.relationship("role", "A valid relationship with role resource is required");
        }
        Uni<Role> role = id != null ? Role.findById(id) : Role.find("name", name).firstResult();
        String email = changes.<String>value("email").toLowerCase(Locale.ROOT);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return role.flatMap(found -> {
            if (found == null || !Roles.ALL.contains(found.name)) {
                throw ApiException.relationship("role", "No such role can be granted on an event.");
            }
            if (name != null && !name.equals(found.name)) {
                throw ApiException.attribute("role-name", "Role id do not match role name");
            }
            if (Roles.OWNER.equals(found.name) && !access.isOwner()) {
                throw ApiException.forbidden("Owner access is required.");
            }
            invite.roleId = found.id;
            invite.roleName = found.name;
            changes.put("role-name", found.name);
            changes.dropRelationship("role");
            // An expired invitation no longer blocks a new one for the same address.
            return RoleInvite.delete("eventId = ?1 and lower(email) = ?2 and status = ?3 and expiresAt <= ?4",
                    access.eventId(), email, RoleInvite.PENDING, now);
        }).flatMap(ignored -> RoleInvite.count("eventId = ?1 and lower(email) = ?2 and status = ?3",
                access.eventId(), email, RoleInvite.PENDING)).invoke(pending -> {
                    if (pending > 0) {
                        throw ApiException.conflict("/data", "Role Invite has already been sent for this email.");
                    }
                }).replaceWithVoid();
    }

    @Override
    public void prepare(Access access, RoleInvite invite, Changes<RoleInvite> changes) {
        invite.token = InviteTokens.newToken();
        invite.tokenHash = InviteTokens.digest(invite.token);
        invite.status = RoleInvite.PENDING;
        invite.expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(roles.inviteTtl());
    }

    @Override
    public Uni<Void> saved(Access access, RoleInvite invite, Change change) {
        if (change != Change.CREATED) {
            return Uni.createFrom().voidItem();
        }
        String link = site.frontendUrl() + "/role-invites?token=" + invite.token;
        String event = access.event().name();
        String role = invite.roleName.replace('_', ' ');
        String text = "You have been invited to be a " + role + " of the event \"" + event + "\".\n\n"
                + "Accept the invitation here: " + link + "\n\nThe link can be used until " + invite.expiresAt
                + " by the account with this e-mail address.";
        String html = "<p>You have been invited to be a " + role + " of the event <strong>"
                + org.jsoup.nodes.Entities.escape(event) + "</strong>.</p><p><a href=\"" + link
                + "\">Accept the invitation</a></p>";
        String mailId = UUID.randomUUID().toString();
        String subject = "Invitation to be a " + role + " of " + event;
        // The mailer refuses subjects over 255 characters; event names may be longer.
        subject = subject.length() > 255 ? subject.substring(0, 254) + "…" : subject;
        MailRequestedPayload mail = new MailRequestedPayload(mailId, "role-invite", invite.email, subject, text,
                html, null);
        return outbox.publish(Topics.MAILS, MessageTypes.MAIL_REQUESTED, "mail", mailId, 1, mail);
    }
}
