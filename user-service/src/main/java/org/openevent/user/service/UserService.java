package org.openevent.user.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.sqlclient.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.contract.UserPayload;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.ListQuery;
import org.openevent.common.jsonapi.QueryPage;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.security.CallerIdentity;
import org.openevent.user.domain.User;
import org.openevent.user.repository.UserRepository;
import org.openevent.user.rest.UserAttributes;

/** Account rules: sign-up, who may read and change an account, and publishing public snapshots. */
@ApplicationScoped
public class UserService {

    static final String ATTRIBUTES = "/data/attributes/";
    private static final String UNIQUE_VIOLATION = "23505";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Outbox outbox;

    public UserService(UserRepository users, PasswordHasher hasher, Outbox outbox) {
        this.users = users;
        this.hasher = hasher;
        this.outbox = outbox;
    }

    /** Public sign-up; only an admin may create another admin. */
    public Uni<User> signUp(CallerIdentity caller, UserAttributes attributes) {
        String email = attributes.email().trim();
        String password = attributes.password();
        checkPasswordLength(password);
        boolean admin = Boolean.TRUE.equals(attributes.isAdmin());
        if (admin && !caller.admin()) {
            throw new ApiException(422, "Validation error", "You are not allowed to submit this field",
                    ATTRIBUTES + "is-admin", null);
        }
        // Hash before opening the transaction so no connection is held during the slow part.
        return hasher.hash(password)
                .flatMap(hash -> Panache.withTransaction(() -> users.emailTaken(email, null).flatMap(taken -> {
                    if (taken) {
                        return Uni.createFrom().failure(new EmailTakenException());
                    }
                    User user = new User();
                    user.email = email;
                    user.passwordHash = hash;
                    user.admin = admin;
                    user.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
                    user.version = 1;
                    apply(user, attributes);
                    return users.persistAndFlush(user).flatMap(this::publish).replaceWith(user);
                })))
                .onFailure(UserService::isUniqueViolation).transform(e -> new EmailTakenException());
    }

    /** An account as seen by itself or an admin; admins may ask for deleted ones too. */
    @WithSession
    public Uni<User> get(CallerIdentity caller, long id, boolean withDeleted) {
        requireSelfOrAdmin(caller, id);
        return users.findById(id).map(user -> {
            if (user == null || (user.deletedAt != null && !(withDeleted && caller.admin()))) {
                throw ApiException.notFound("User");
            }
            return user;
        });
    }

    /** A page of accounts for admins. */
    @WithSession
    public Uni<QueryPage<User>> list(CallerIdentity caller, ListQuery query, boolean withDeleted) {
        caller.requireAdmin();
        return users.page(withDeleted, query);
    }

    /** Applies the given attributes; the account itself or an admin may, and only admins change admin rights. */
    public Uni<User> update(CallerIdentity caller, long id, UserAttributes attributes) {
        requireSelfOrAdmin(caller, id);
        if (attributes.password() != null) {
            checkPasswordLength(attributes.password());
        }
        Uni<String> newHash = attributes.password() == null
                ? Uni.createFrom().nullItem()
                : hasher.hash(attributes.password());
        return newHash
                .flatMap(hash -> Panache.withTransaction(() -> users.findById(id, LockModeType.PESSIMISTIC_WRITE)
                        .flatMap(user -> {
                            if (user == null || user.deletedAt != null) {
                                return Uni.createFrom().failure(ApiException.notFound("User"));
                            }
                            Boolean admin = attributes.isAdmin();
                            if (admin != null && admin != user.admin && !caller.admin()) {
                                return Uni.createFrom().failure(new ApiException(403, "Access Forbidden",
                                        "Only an admin can change admin rights.", ATTRIBUTES + "is-admin", null));
                            }
                            String email = attributes.email() == null ? null : attributes.email().trim();
                            Uni<Boolean> taken = email == null || email.equalsIgnoreCase(user.email)
                                    ? Uni.createFrom().item(false)
                                    : users.emailTaken(email, user.id);
                            return taken.flatMap(conflict -> {
                                if (conflict) {
                                    return Uni.createFrom().failure(new EmailTakenException());
                                }
                                if (email != null) {
                                    user.email = email;
                                }
                                if (hash != null) {
                                    user.passwordHash = hash;
                                }
                                if (admin != null) {
                                    user.admin = admin;
                                }
                                apply(user, attributes);
                                user.version++;
                                return publish(user).replaceWith(user);
                            });
                        })))
                .onFailure(UserService::isUniqueViolation).transform(e -> new EmailTakenException());
    }

    /** Soft-deletes an account; the account itself or an admin may. Its address becomes free again. */
    @WithTransaction
    public Uni<Void> delete(CallerIdentity caller, long id) {
        requireSelfOrAdmin(caller, id);
        return users.findById(id, LockModeType.PESSIMISTIC_WRITE).flatMap(user -> {
            if (user == null || user.deletedAt != null) {
                return Uni.createFrom().failure(ApiException.notFound("User"));
            }
            user.deletedAt = OffsetDateTime.now(ZoneOffset.UTC);
            user.version++;
            return publish(user);
        });
    }

    /** Adds the account's public snapshot to the outbox; must run inside the changing transaction. */
    public Uni<Void> publish(User user) {
        UserPayload payload = new UserPayload(user.id, user.displayName(), user.roles(), false, false,
                user.superAdmin, user.admin, false, false, 0, user.createdAt, null, user.deletedAt);
        return outbox.publish(Topics.USERS, MessageTypes.USER_UPSERTED, "user", user.id, user.version, payload);
    }

    /** True for a unique-index violation anywhere in the cause chain (a concurrent insert won the race). */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DatabaseException db && UNIQUE_VIOLATION.equals(db.getSqlState())) {
                return true;
            }
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private static void apply(User user, UserAttributes a) {
        if (a.firstName() != null) {
            user.firstName = a.firstName();
        }
        if (a.lastName() != null) {
            user.lastName = a.lastName();
        }
        if (a.publicName() != null) {
            user.publicName = a.publicName();
        }
        if (a.avatarUrl() != null) {
            user.avatarUrl = a.avatarUrl();
        }
    }

    private static void requireSelfOrAdmin(CallerIdentity caller, long id) {
        long self = caller.requireUser();
        if (!caller.admin() && self != id) {
            throw ApiException.forbidden("Only the user itself or an admin may do this.");
        }
    }

    private static void checkPasswordLength(String password) {
        if (PasswordHasher.tooLong(password)) {
            throw ApiException.unprocessable(ATTRIBUTES + "password",
                    "Password should be at most " + PasswordHasher.MAX_PASSWORD_BYTES + " bytes long");
        }
    }


}
