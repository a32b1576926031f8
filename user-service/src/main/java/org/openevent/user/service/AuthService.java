package org.openevent.user.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.persistence.LockModeType;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.persistence.Transactions;
import org.openevent.common.security.CallerIdentity;
import org.openevent.user.domain.User;
import org.openevent.user.repository.RefreshTokenRepository;
import org.openevent.user.repository.UserRepository;

/**
 * Logins and tokens: a password check issues an access token (24 h), with remember-me also a refresh token
 * (stored as a hash, revocable) and a short-lived access token it renews; a fresh login issues a short-lived fresh
 * token for sensitive changes; logout revokes the refresh token. Logins and refreshes mark {@code last-accessed-at}
 * (every request would turn each read into a write and a message; the admin's active/inactive tabs count in years).
 * bcrypt and RSA signing run on worker threads, never inside a transaction.
 */
@ApplicationScoped
public class AuthService {

    static final String INVALID = "Invalid Credentials";
    static final String BLOCKED = "Admin has marked this account as spam";
    static final String REVOKED = CallerIdentity.REVOKED;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;
    private final RefreshTokenRepository refreshTokens;
    private final AccountSnapshots snapshots;
    private final RateLimits limits;

    public AuthService(UserRepository users, PasswordHasher hasher, TokenIssuer tokens,
                       RefreshTokenRepository refreshTokens, AccountSnapshots snapshots, RateLimits limits) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
        this.refreshTokens = refreshTokens;
        this.snapshots = snapshots;
        this.limits = limits;
    }

    /** The tokens of a login: always an access token, a refresh token for remember-me. */
    public record Login(String accessToken, String refreshToken) {
    }

    /**
     * Checks the credentials (401 {@value #INVALID}; 401 {@value #BLOCKED} for a blocked account with the right
     * password; 429 after too many failures for the address) and issues the tokens.
     */
    public Uni<Login> login(String email, String password, boolean remember) {
        return checkedUser(email, password).flatMap(user -> hasher.offload(() -> remember ? tokens.session(user)
                        : new TokenIssuer.Issued(tokens.access(user), null, null, null))
                .flatMap(issued -> Transactions.run(() -> lockedCurrent(user.id, user.tokenGeneration)
                        .flatMap(current -> {
                            markAccess(current);
                            Uni<Void> stored = issued.refreshToken() == null ? Uni.createFrom().voidItem()
                                    : refreshTokens.create(issued.sessionId(), current.id,
                                    TokenIssuer.hash(issued.refreshToken()),
                                    OffsetDateTime.now(ZoneOffset.UTC).plus(tokens.refreshTokenTtl()));
                            return stored.flatMap(ignored -> snapshots.publish(current));
                        }))
                        .replaceWith(new Login(issued.accessToken(), issued.refreshToken()))));
    }

    /** A fresh access token after a password check: what changing the e-mail address needs. */
    public Uni<String> freshLogin(String email, String password) {
        return checkedUser(email, password).flatMap(user -> hasher.offload(() -> tokens.fresh(user)));
    }

    /**
     * A new access token for a refresh token: it must be stored, unrevoked and unexpired, its account live,
     * unblocked and still at the token's generation, and the request must echo the token's {@code csrf} value.
     */
    public Uni<String> refresh(String refreshToken, String csrf) {
        if (refreshToken == null) {
            return Uni.createFrom().failure(ApiException.unauthorized("Missing refresh token"));
        }
        return hasher.offload(() -> tokens.read(refreshToken)).flatMap(jwt -> {
            if (jwt == null) {
                throw ApiException.unauthorized("Invalid or expired refresh token");
            }
            if (!TokenIssuer.REFRESH.equals(text(jwt, TokenIssuer.TYPE))) {
                throw ApiException.unauthorized("Only refresh tokens are allowed");
            }
            if (csrf == null || csrf.isBlank()) {
                throw ApiException.unauthorized("Missing CSRF token");
            }
            if (!Objects.equals(csrf, text(jwt, TokenIssuer.CSRF))) {
                throw ApiException.unauthorized("CSRF double submit tokens do not match");
            }
            long userId = number(jwt, CallerIdentity.IDENTITY_CLAIM);
            long generation = number(jwt, CallerIdentity.GENERATION_CLAIM);
            UUID session = UUID.fromString(jwt.getClaim(Claims.jti.name()));
            return Transactions.run(() -> refreshTokens.use(session, userId, TokenIssuer.hash(refreshToken))
                    .flatMap(stored -> {
                        if (!stored) {
                            throw ApiException.unauthorized(REVOKED);
                        }
                        return lockedCurrent(userId, generation);
                    })
                    .call(user -> {
                        markAccess(user);
                        return snapshots.publish(user);
                    }))
                    .flatMap(user -> hasher.offload(() -> tokens.sessionAccess(user, session, csrf, false)));
        });
    }

    /** Revokes the remember-me session of each given token (a refresh token, or an access token of a session). */
    public Uni<Void> logout(List<String> presented) {
        List<String> candidates = presented.stream().filter(Objects::nonNull).distinct().toList();
        if (candidates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return hasher.offload(() -> {
            List<UUID> sessions = new ArrayList<>();
            for (String candidate : candidates) {
                JsonWebToken jwt = tokens.read(candidate);
                String session = jwt == null ? null : TokenIssuer.REFRESH.equals(text(jwt, TokenIssuer.TYPE))
                        ? jwt.getClaim(Claims.jti.name()) : text(jwt, TokenIssuer.SESSION);
                if (session != null) {
                    sessions.add(UUID.fromString(session));
                }
            }
            return sessions;
        }).flatMap(sessions -> sessions.isEmpty() ? Uni.createFrom().voidItem()
                : Transactions.run(() -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (UUID session : sessions) {
                        chain = chain.flatMap(ignored -> refreshTokens.revoke(session));
                    }
                    return chain;
                }));
    }

    /** The live account with these credentials, counting failures per address; 401 or 429 otherwise. */
    Uni<User> checkedUser(String email, String password) {
        String bucket = "login:" + UserRepository.normalize(email);
        return limits.allows(bucket, limits.limits().failedLogins()).flatMap(allowed -> {
            if (!allowed) {
                throw ApiException.tooManyRequests("Too many failed logins for this address; try again later.");
            }
            return Panache.withSession(() -> users.findLiveByEmail(email));
        }).flatMap(user -> hasher.offload(() -> hasher.verifyBlocking(password, user == null ? null
                : user.passwordHash)).flatMap(valid -> {
            if (!valid) {
                return limits.record(bucket).replaceWith(Uni.createFrom().<User>failure(
                        ApiException.unauthorized(INVALID)));
            }
            if (user.blocked) {
                throw ApiException.unauthorized(BLOCKED);
            }
            return Uni.createFrom().item(user);
        }));
    }

    /** The account locked for change, refused when it was deleted, blocked or moved past the token's generation. */
    private Uni<User> lockedCurrent(long userId, long generation) {
        return users.findById(userId, LockModeType.PESSIMISTIC_WRITE).map(user -> {
            if (user == null || user.isDeleted() || user.blocked || user.tokenGeneration != generation) {
                throw ApiException.unauthorized(REVOKED);
            }
            return user;
        });
    }

    private static void markAccess(User user) {
        user.lastAccessedAt = OffsetDateTime.now(ZoneOffset.UTC);
        user.changed();
    }

    private static String text(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        return value instanceof JsonString json ? json.getString() : value instanceof String plain ? plain : null;
    }

    private static long number(JsonWebToken jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value instanceof JsonNumber json) {
            return json.longValue();
        }
        if (value instanceof Number plain) {
            return plain.longValue();
        }
        throw ApiException.unauthorized("Invalid or expired refresh token");
    }
}
