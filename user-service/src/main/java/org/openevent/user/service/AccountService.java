package org.openevent.user.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openevent.common.contract.UserContact;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.persistence.Transactions;
import org.openevent.common.security.CallerIdentity;
import org.openevent.user.domain.User;
import org.openevent.user.repository.AccountTokenRepository;
import org.openevent.user.repository.RefreshTokenRepository;
import org.openevent.user.repository.UserRepository;

/**
 * Passwords and addresses: changing a password needs the old one and ends every session; a forgotten one is reset
 * through a single-use, expiring link; addresses are verified through such links. Requests that send mail or probe
 * addresses are limited per address and per client. Also the internal views other services read.
 */
@ApplicationScoped
public class AccountService {

    static final String WRONG_PASSWORD = "Wrong Password. Please enter correct current password.";
    static final String INVALID_TOKEN = "Invalid Token";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final RefreshTokenRepository refreshTokens;
    private final AccountTokenRepository accountTokens;
    private final AccountSnapshots snapshots;
    private final Mails mails;
    private final RateLimits limits;

    public AccountService(UserRepository users, PasswordHasher hasher, TokenIssuer tokens,
                          RefreshTokenRepository refreshTokens, AccountTokenRepository accountTokens,
                          AccountSnapshots snapshots, Mails mails, RateLimits limits) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.accountTokens = accountTokens;
        this.snapshots = snapshots;
        this.mails = mails;
        this.limits = limits;
    }

    /**
     * Sets a new password after checking the old one; every older token and refresh token of the account stops
     * working everywhere, the owner is told by mail, and the answer carries a new access token.
     */
    public Uni<Map<String, Object>> changePassword(CallerIdentity caller, String oldPassword, String newPassword) {
        long id = caller.requireUser();
        if (oldPassword == null || newPassword == null) {
            throw ApiException.badDocument("/data", "old-password and new-password are required.");
        }
        checkNewPassword("/data/new-password", newPassword);
        String bucket = "password:" + id;
        return limits.allows(bucket, limits.limits().failedLogins()).flatMap(allowed -> {
            if (!allowed) {
                throw ApiException.tooManyRequests("Too many wrong passwords; try again later.");
            }
            return Panache.withSession(() -> users.findById(id));
        }).flatMap(user -> {
            if (user == null || user.isDeleted()) {
                throw ApiException.notFound("User");
            }
            return hasher.offload(() -> {
                if (!hasher.verifyBlocking(oldPassword, user.passwordHash)) {
                    return null;
                }
                if (hasher.verifyBlocking(newPassword, user.passwordHash)) {
                    throw ApiException.badDocument("/data/new-password", "Old and New passwords must be different");
                }
                return hasher.hashBlocking(newPassword);
            });
        }).flatMap(hash -> {
            if (hash == null) {
                return limits.record(bucket).replaceWith(Uni.createFrom().<User>failure(
                        ApiException.badDocument("/data/old-password", WRONG_PASSWORD)));
            }
            return Transactions.run(() -> users.findById(id, LockModeType.PESSIMISTIC_WRITE)
                    .call(user -> setPassword(user, hash, false)));
        }).flatMap(user -> hasher.offload(() -> tokens.access(user)).map(token -> {
            Map<String, Object> answer = describe(user);
            answer.put("password-changed", true);
            answer.put("access_token", token);
            return answer;
        }));
    }

    /** Sends a reset link if the address belongs to a live account; the answer never tells whether it does. */
    public Uni<Map<String, Object>> requestReset(String email, String client) {
        String address = requireEmail(email);
        return limited("reset-client:" + client, limits.limits().perClient())
                .flatMap(ignored -> limited("reset:" + UserRepository.normalize(address),
                        limits.limits().resetsPerAddress()))
                .flatMap(ignored -> Transactions.run(() -> users.findLiveByEmail(address)
                        .flatMap(user -> user == null ? Uni.createFrom().voidItem() : mails.reset(user))))
                .map(ignored -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("message", "If your email was registered with us, you'll get an email with reset "
                            + "link shortly");
                    answer.put("email", address);
                    return answer;
                });
    }

    /** Sets the password a reset link allows (once, before it expires); it also ends every session. */
    public Uni<Map<String, Object>> completeReset(String token, String password, String client) {
        if (token == null || token.isBlank()) {
            throw ApiException.badDocument("/data/token", "token is required.");
        }
        checkNewPassword("/data/password", password);
        return limited("reset-complete-client:" + client, limits.limits().perClient())
                .flatMap(ignored -> hasher.hash(password))
                .flatMap(hash -> Transactions.run(() -> accountTokens.use(TokenIssuer.hash(token), Mails.RESET)
                        .flatMap(used -> {
                            if (used == null) {
                                throw ApiException.notFound("Reset token");
                            }
                            return users.findById(used.userId(), LockModeType.PESSIMISTIC_WRITE).call(user -> {
                                if (user == null || user.isDeleted()) {
                                    throw ApiException.notFound("Reset token");
                                }
                                // The link reached the address it was sent to: that address is verified.
                                return setPassword(user, hash, used.email().equalsIgnoreCase(user.email));
                            });
                        })))
                .map(AccountService::describe);
    }

    /** Marks the address a verification link was sent to as verified, if it is still the account's address. */
    public Uni<Map<String, Object>> verifyEmail(String token, String client) {
        if (token == null || token.isBlank()) {
            throw ApiException.badDocument("/data/token", INVALID_TOKEN);
        }
        return limited("verify-client:" + client, limits.limits().perClient())
                .flatMap(ignored -> Transactions.run(() -> accountTokens.use(TokenIssuer.hash(token),
                        Mails.VERIFY).flatMap(used -> used == null ? Uni.createFrom().<User>nullItem()
                        : users.findById(used.userId(), LockModeType.PESSIMISTIC_WRITE).map(user ->
                        user != null && !user.isDeleted() && used.email().equalsIgnoreCase(user.email) ? user : null))
                        .flatMap(user -> {
                            if (user == null) {
                                throw ApiException.badDocument("/data/token", INVALID_TOKEN);
                            }
                            user.verified = true;
                            user.changed();
                            return snapshots.publish(user);
                        })))
                .replaceWith(Map.of("message", "Email Verified"));
    }

    /** Sends a new verification link to an unverified live account; the answer never tells whether there is one. */
    public Uni<Map<String, Object>> resendVerification(String email, String client) {
        String address = requireEmail(email);
        return limited("verification-client:" + client, limits.limits().perClient())
                .flatMap(ignored -> limited("verification:" + UserRepository.normalize(address),
                        limits.limits().verificationsPerAddress()))
                .flatMap(ignored -> Transactions.run(() -> users.findLiveByEmail(address)
                        .flatMap(user -> user == null || user.verified ? Uni.createFrom().voidItem()
                                : mails.verification(user))))
                .replaceWith(Map.of("message", "Verification email resent"));
    }

    /** Whether the caller's password is this one (the frontend asks before sensitive changes). */
    public Uni<Boolean> verifyPassword(CallerIdentity caller, String password) {
        long id = caller.requireUser();
        if (password == null) {
            throw ApiException.badDocument("/password", "password is required.");
        }
        String bucket = "password:" + id;
        return limited(bucket, limits.limits().failedLogins(), false)
                .flatMap(ignored -> Panache.withSession(() -> users.findById(id)))
                .flatMap(user -> hasher.offload(() -> hasher.verifyBlocking(password,
                        user == null || user.isDeleted() ? null : user.passwordHash)))
                .call(valid -> valid ? Uni.createFrom().voidItem() : limits.record(bucket));
    }

    /** Whether no live account uses the address (the original's sign-up check), limited per client. */
    public Uni<Boolean> emailAvailable(String email, String client) {
        String address = requireEmail(email);
        return limited("check-email-client:" + client, limits.limits().perClient())
                .flatMap(ignored -> Panache.withSession(() -> users.emailTaken(address, null)))
                .map(taken -> !taken);
    }

    /** For other services: a live account's address and whether it is verified. */
    public Uni<UserContact> contact(long id) {
        return Panache.withSession(() -> users.findById(id)).map(user -> {
            if (user == null || user.isDeleted()) {
                throw ApiException.notFound("User");
            }
            return new UserContact(user.id, user.email, user.verified);
        });
    }

    /** For other services' token checks: the account's snapshot now, deleted ones included. */
    public Uni<Envelope> snapshot(long id) {
        return Panache.withSession(() -> users.findById(id)).map(user -> {
            if (user == null) {
                throw ApiException.notFound("User");
            }
            return snapshots.envelope(user);
        });
    }

    private Uni<Void> setPassword(User user, String hash, boolean verified) {
        user.passwordHash = hash;
        user.verified |= verified;
        user.revokeTokens();
        user.changed();
        return refreshTokens.revokeAll(user.id)
                .flatMap(ignored -> snapshots.publish(user))
                .flatMap(ignored -> mails.passwordChanged(user));
    }

    private Uni<Void> limited(String bucket, int max) {
        return limited(bucket, max, true);
    }

    /** 429 when the bucket is full; with {@code count}, this request is counted too. */
    private Uni<Void> limited(String bucket, int max, boolean count) {
        Uni<Boolean> allowed = count ? limits.take(bucket, max) : limits.allows(bucket, max);
        return allowed.invoke(ok -> {
            if (!ok) {
                throw ApiException.tooManyRequests("Limit for this action exceeded; try again later.");
            }
        }).replaceWithVoid();
    }

    private static void checkNewPassword(String pointer, String password) {
        String problem = password == null ? "Missing data for required field." : UserRules.PASSWORD.problem(password);
        if (problem != null) {
            throw ApiException.unprocessable(pointer, problem);
        }
    }

    private static String requireEmail(String email) {
        if (email == null || email.isBlank()) {
            throw ApiException.unprocessable("/data/email", "Email field missing");
        }
        return email.strip();
    }

    private static Map<String, Object> describe(User user) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("id", user.id);
        answer.put("email", user.email);
        answer.put("name", user.fullName());
        return answer;
    }
}
