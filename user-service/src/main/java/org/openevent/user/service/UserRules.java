package org.openevent.user.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.function.BiPredicate;
import java.util.function.Function;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.Check;
import org.openevent.common.resource.Relationship;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.common.resource.Roles;
import org.openevent.common.resource.ValueType;
import org.openevent.user.domain.User;
import org.openevent.user.repository.RefreshTokenRepository;
import org.openevent.user.repository.RoleRepository;
import org.openevent.user.repository.UserRepository;

/**
 * Accounts: anyone signs up; an account is read, changed and deleted by itself and by admins, and shown to others
 * only in its public form where something they can see refers to it (an event's owner, a session's creator) —
 * never with its e-mail address. Deleted accounts are not shown to others at all (a 404, linkage dropped), rather
 * than the original's placeholder user 0. Admin flags are changed only by admins ({@code is-admin} by super admins),
 * checked here on the server. Changes that must end older sessions (block, unblock, deletion, restore, loss of
 * admin rights) raise the account's token generation, which every service checks.
 */
@ApplicationScoped
public class UserRules implements ResourceRules<User> {

    /** Who reads an account's private attributes: itself, admins, and whoever just signed it up. */
    static final BiPredicate<Access, User> PRIVATE = (access, user) -> access.isStaff() || access.isSelf(user.id)
            || user.justSignedUp;
    static final Check PASSWORD = value -> value instanceof String text && text.length() < 8
            ? "Password should be at least 8 characters long"
            : value instanceof String text && PasswordHasher.tooLong(text)
            ? "Password should be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes long" : null;
    static final List<String> ADMIN_FLAGS = List.of("is-admin", "is-sales-admin", "is-marketer", "is-verified",
            "is-blocked");
    private static final String NOT_ALLOWED = "You are not allowed to submit this field";
    private static final String PAYMENTS = "Orders and payments are not offered by this platform.";

    private final ResourceType<User> type;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokens;
    private final RoleRepository roles;
    private final AccountSnapshots snapshots;
    private final Mails mails;
    private final PasswordHasher hasher;

    public UserRules(UserRepository users, RefreshTokenRepository refreshTokens, RoleRepository roles,
                     AccountSnapshots snapshots, Mails mails, PasswordHasher hasher) {
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.roles = roles;
        this.snapshots = snapshots;
        this.mails = mails;
        this.hasher = hasher;
        this.type = declare(roles);
    }

    private static ResourceType<User> declare(RoleRepository roles) {
        return ResourceType.define("user", "users", User.class, User::new)
                .string("email", u -> u.email, (u, v) -> u.email = v).required().email()
                .normalize((String v) -> v.strip()).readableWhen(PRIVATE).queryable()
                .string("password", u -> null, (u, v) -> u.passwordHash = v).required().check(PASSWORD).writeOnly()
                .url("avatarUrl", u -> u.avatarUrl, (u, v) -> u.avatarUrl = v)
                .string("firstName", u -> u.firstName, (u, v) -> u.firstName = v)
                .string("lastName", u -> u.lastName, (u, v) -> u.lastName = v)
                .string("publicName", u -> u.publicName, (u, v) -> u.publicName = v)
                .bool("profilePublic", u -> u.profilePublic, (u, v) -> u.profilePublic = v).wire("is-profile-public")
                .notNull().defaultTo(false)
                .url("originalImageUrl", u -> u.originalImageUrl, (u, v) -> u.originalImageUrl = v)
                .string("thumbnailImageUrl", u -> u.thumbnailImageUrl, null)
                .string("smallImageUrl", u -> u.smallImageUrl, null)
                .string("iconImageUrl", u -> u.iconImageUrl, null)
                .bool("registeredWithOrder", u -> u.registeredWithOrder, (u, v) -> u.registeredWithOrder = v)
                .wire("was-registered-with-order").notNull().defaultTo(false).createOnly()
                .url("facebookUrl", u -> u.facebookUrl, (u, v) -> u.facebookUrl = v).readableWhen(PRIVATE)
                .url("twitterUrl", u -> u.twitterUrl, (u, v) -> u.twitterUrl = v).readableWhen(PRIVATE)
                .url("instagramUrl", u -> u.instagramUrl, (u, v) -> u.instagramUrl = v).readableWhen(PRIVATE)
                .url("googlePlusUrl", u -> u.googlePlusUrl, (u, v) -> u.googlePlusUrl = v).readableWhen(PRIVATE)
                .bool("superAdmin", u -> u.superAdmin, null).wire("is-super-admin").readableWhen(PRIVATE).queryable()
                .bool("admin", u -> u.admin, (u, v) -> u.admin = v).wire("is-admin").notNull().defaultTo(false)
                .readableWhen(PRIVATE).queryable()
                .computed("facebook-id", ValueType.LONG, u -> null).readableWhen(PRIVATE)
                .bool("salesAdmin", u -> u.salesAdmin, (u, v) -> u.salesAdmin = v).wire("is-sales-admin").notNull()
                .defaultTo(false).readableWhen(PRIVATE).queryable()
                .bool("marketer", u -> u.marketer, (u, v) -> u.marketer = v).wire("is-marketer").notNull()
                .defaultTo(false).readableWhen(PRIVATE).queryable()
                .bool("userOwner", u -> u.userOwner, null).wire("is-user-owner").readableWhen(PRIVATE).queryable()
                .bool("userOrganizer", u -> u.userOrganizer, null).wire("is-user-organizer").readableWhen(PRIVATE)
                .queryable()
                .bool("userCoorganizer", u -> u.userCoorganizer, null).wire("is-user-coorganizer")
                .readableWhen(PRIVATE).queryable()
                .bool("userTrackOrganizer", u -> u.userTrackOrganizer, null).wire("is-user-track-organizer")
                .readableWhen(PRIVATE).queryable()
                .bool("userModerator", u -> u.userModerator, null).wire("is-user-moderator").readableWhen(PRIVATE)
                .queryable()
                .bool("userRegistrar", u -> u.userRegistrar, null).wire("is-user-registrar").readableWhen(PRIVATE)
                .queryable()
                .bool("verified", u -> u.verified, (u, v) -> u.verified = v).wire("is-verified").notNull()
                .defaultTo(false).readableWhen(PRIVATE).queryable()
                .bool("blocked", u -> u.blocked, (u, v) -> u.blocked = v).wire("is-blocked").notNull()
                .defaultTo(false).readableWhen(PRIVATE).queryable()
                .datetime("lastAccessedAt", u -> u.lastAccessedAt, null).readableWhen(PRIVATE).queryable()
                .datetime("createdAt", u -> u.createdAt, null).readableWhen(PRIVATE).queryable()
                // Admins restore a deleted account with get_trashed=true and deleted-at: null.
                .datetime("deletedAt", u -> u.deletedAt, (u, v) -> u.deletedAt = v)
                .text("details", u -> u.details, (u, v) -> u.details = v).readableWhen(PRIVATE)
                .string("languagePrefrence", u -> u.languagePrefrence, (u, v) -> u.languagePrefrence = v)
                .readableWhen(PRIVATE)
                .string("contact", u -> u.contact, (u, v) -> u.contact = v).readableWhen(PRIVATE)
                .string("billingContactName", u -> u.billingContactName, (u, v) -> u.billingContactName = v)
                .readableWhen(PRIVATE)
                .string("billingPhone", u -> u.billingPhone, (u, v) -> u.billingPhone = v).readableWhen(PRIVATE)
                .string("billingState", u -> u.billingState, (u, v) -> u.billingState = v).readableWhen(PRIVATE)
                .string("billingCountry", u -> u.billingCountry, (u, v) -> u.billingCountry = v)
                .readableWhen(PRIVATE)
                .string("billingTaxInfo", u -> u.billingTaxInfo, (u, v) -> u.billingTaxInfo = v)
                .readableWhen(PRIVATE)
                .string("company", u -> u.company, (u, v) -> u.company = v).readableWhen(PRIVATE)
                .text("billingAddress", u -> u.billingAddress, (u, v) -> u.billingAddress = v).readableWhen(PRIVATE)
                .string("billingCity", u -> u.billingCity, (u, v) -> u.billingCity = v).readableWhen(PRIVATE)
                .string("billingZipCode", u -> u.billingZipCode, (u, v) -> u.billingZipCode = v)
                .readableWhen(PRIVATE)
                .text("billingAdditionalInfo", u -> u.billingAdditionalInfo, (u, v) -> u.billingAdditionalInfo = v)
                .readableWhen(PRIVATE)
                .computed("is-rocket-chat-registered", ValueType.BOOLEAN, u -> false).readableWhen(PRIVATE)
                .remote("events", true, "event", eventsHeld(roles, List.of()))
                .remote("owner-events", true, "event", eventsHeld(roles, List.of(Roles.OWNER)))
                .remote("organizer-events", true, "event", eventsHeld(roles, List.of(Roles.ORGANIZER)))
                .remote("coorganizer-events", true, "event", eventsHeld(roles, List.of(Roles.COORGANIZER)))
                .remote("track-organizer-events", true, "event", eventsHeld(roles, List.of(Roles.TRACK_ORGANIZER)))
                .remote("registrar-events", true, "event", eventsHeld(roles, List.of(Roles.REGISTRAR)))
                .remote("moderator-events", true, "event", eventsHeld(roles, List.of(Roles.MODERATOR)))
                .empty("marketer-events", true, "event", "Marketing roles on events are not offered.")
                .empty("sales-admin-events", true, "event", "Sales roles on events are not offered.")
                .servedElsewhere("sessions", true, "session")
                .servedElsewhere("speakers", true, "speaker")
                .empty("favourite-sessions", true, "user-favourite-session",
                        "Favourite sessions are listed at /v1/user-favourite-sessions.")
                .empty("favourite-events", true, "user-favourite-event", "Favourite events are not offered.")
                .empty("groups", true, "group", "Groups are not offered yet.")
                .empty("followed-groups", true, "user-follow-group", "Groups are not offered yet.")
                .empty("notifications", true, "notification", "Notifications are not offered yet.")
                .empty("email-notifications", true, "email-notification", "Notification settings are not offered.")
                .empty("alternate-emails", true, "user-emails", "Alternate addresses are not offered.")
                .empty("feedbacks", true, "feedback", "Feedback is listed with its session.")
                .empty("orders", true, "order", PAYMENTS)
                .empty("attendees", true, "attendee", PAYMENTS)
                .empty("event-invoices", true, "event-invoice", PAYMENTS)
                .empty("access-codes", true, "access-code", PAYMENTS)
                .empty("discount-codes", true, "discount-code", PAYMENTS)
                .describedAs("A user account: public profile for everyone it is shown to, the rest for itself and admins.")
                .build();
    }

    @Override
    public ResourceType<User> type() {
        return type;
    }

    /** Accounts are read directly only by themselves and admins. */
    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        if (access.isStaff()) {
            return null;
        }
        return access.isSignedIn() ? alias + ".id = " + bind.apply(access.caller().userId()) : "1 = 0";
    }

    /**
     * Anonymous callers get the 401 the original gave (with why their token was refused, if they sent one), for
     * accounts that exist and ones that do not alike.
     */
    @Override
    public boolean readersMustSignIn() {
        return true;
    }

    @Override
    public boolean canSee(Access access, User user) {
        return access.isStaff() || access.isSelf(user.id);
    }

    /** Where something visible refers to a live account, everyone sees its public form. */
    @Override
    public String visibleReferenced(Access access, String alias, Function<Object, String> bind) {
        return null;
    }

    @Override
    public boolean canSeeReferenced(Access access, User user) {
        return true;
    }

    /** Sign-up is open to everyone. */
    @Override
    public void checkCreate(Access access, Changes<User> changes) {
    }

    @Override
    public void checkUpdate(Access access, User user, Changes<User> changes) {
        requireSelfOrAdmin(access, user);
    }

    @Override
    public void checkDelete(Access access, User user) {
        requireSelfOrAdmin(access, user);
    }

    /**
     * The frontend sends every attribute on save: unchanged admin flags, address and deletion time are dropped;
     * changed ones need the rights to change them. Passwords change only through change-password and reset.
     */
    @Override
    public void adjust(Access access, User user, Changes<User> changes) {
        for (String flag : ADMIN_FLAGS) {
            if (!changes.has(flag)) {
                continue;
            }
            boolean wanted = Boolean.TRUE.equals(changes.value(flag));
            if (wanted == (user != null && flag(user, flag))) {
                changes.remove(flag);
            } else if (user == null && !access.isStaff()) {
                throw ApiException.attribute(flag, NOT_ALLOWED);
            } else if (!access.isStaff()) {
                throw ApiException.forbiddenAttribute(flag, "Only an admin can change " + flag + ".");
            }
        }
        if (user == null) {
            changes.remove("deleted-at");
            return;
        }
        changes.remove("password");
        if (changes.has("deleted-at")) {
            OffsetDateTime wanted = changes.value("deleted-at");
            if (Objects.equals(wanted, user.deletedAt) || wanted != null && user.deletedAt != null) {
                changes.remove("deleted-at");
            } else if (!access.isStaff()) {
                throw ApiException.forbiddenAttribute("deleted-at", "Only an admin can restore an account.");
            } else if (wanted != null) {
                throw ApiException.attribute("deleted-at", "Delete the account instead.");
            }
        }
        if (changes.has("email")) {
            String wanted = changes.value("email");
            if (wanted.strip().equalsIgnoreCase(user.email)) {
                changes.remove("email");
            } else if (!access.isStaff() && !access.caller().fresh()) {
                throw ApiException.forbiddenAttribute("email",
                        "Changing the e-mail address needs a fresh login (/v1/auth/fresh-login).");
            }
        }
    }

    /** The password is hashed on a worker before the transaction opens. */
    @Override
    public Uni<Void> beforeTransaction(Access access, User user, Changes<User> changes) {
        if (!changes.has("password")) {
            return Uni.createFrom().voidItem();
        }
        return hasher.hash(changes.value("password")).invoke(hash -> changes.put("password", hash)).replaceWithVoid();
    }

    @Override
    public Uni<Void> validate(Access access, User user, Changes<User> changes) {
        boolean creating = changes.creating();
        if (!creating && changes.has("is-blocked") || !creating && changes.has("deleted-at")) {
            user.tokensToRevoke = true;
        }
        if (creating || changes.has("email")) {
            user.verificationDue = true;
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        if (changes.has("is-admin")) {
            // Losing admin rights ends the sessions that still carry them in their tokens.
            user.tokensToRevoke |= !creating && user.admin;
            chain = chain.flatMap(ignored -> requireSuperAdmin(access));
        }
        String email = creating || changes.has("email") ? changes.value("email")
                : changes.has("deleted-at") ? user.email : null;
        if (email != null) {
            chain = chain.flatMap(ignored -> users.emailTaken(email, user.id).invoke(taken -> {
                if (taken) {
                    throw new EmailTakenException();
                }
            }).replaceWithVoid());
        }
        return chain;
    }

    @Override
    public void prepare(Access access, User user, Changes<User> changes) {
        user.justSignedUp = changes.creating();
        if (user.verificationDue && !changes.creating()) {
            user.verified = false;
        }
        if (user.tokensToRevoke) {
            user.revokeTokens();
        }
    }

    @Override
    public Uni<Void> saved(Access access, User user, Change change) {
        return switch (change) {
            case CREATED -> snapshots.publish(user).flatMap(ignored -> mails.verification(user));
            case UPDATED -> snapshots.publish(user)
                    .flatMap(ignored -> user.verificationDue ? mails.verification(user) : Uni.createFrom().voidItem())
                    .flatMap(ignored -> user.tokensToRevoke ? refreshTokens.revokeAll(user.id)
                            : Uni.createFrom().voidItem());
            case DELETED -> roles.ownsLiveEvents(user.id).flatMap(owns -> {
                if (owns) {
                    throw ApiException.forbidden("Users associated with events cannot be deleted");
                }
                user.revokeTokens();
                return refreshTokens.revokeAll(user.id).flatMap(ignored -> snapshots.publish(user));
            });
            case REMOVED -> throw ApiException.forbidden("Accounts cannot be removed for good.");
        };
    }

    /** The linkage of events where each user of a page holds one of the roles, from the event projection. */
    private static Relationship.RemoteIds<User> eventsHeld(RoleRepository roles, List<String> wanted) {
        return owners -> roles.eventsOf(owners.stream().map(user -> user.id).toList(), wanted);
    }

    private Uni<Void> requireSuperAdmin(Access access) {
        return users.findById(access.requireUser()).invoke(caller -> {
            if (caller == null || !caller.superAdmin) {
                throw ApiException.forbiddenAttribute("is-admin", "Only a super admin can change admin rights.");
            }
        }).replaceWithVoid();
    }

    private static boolean flag(User user, String flag) {
        return switch (flag) {
            case "is-admin" -> user.admin;
            case "is-sales-admin" -> user.salesAdmin;
            case "is-marketer" -> user.marketer;
            case "is-verified" -> user.verified;
            case "is-blocked" -> user.blocked;
            default -> throw new IllegalArgumentException(flag);
        };
    }

    private static void requireSelfOrAdmin(Access access, User user) {
        access.requireUser();
        if (!access.isStaff() && !access.isSelf(user.id)) {
            throw ApiException.notFound("User");
        }
    }
}
