package org.openevent.user.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.user.repository.UserRepository;

/** Checks credentials and issues access tokens; deleted accounts cannot log in. */
@ApplicationScoped
public class AuthService {

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer tokens;

    public AuthService(UserRepository users, PasswordHasher hasher, TokenIssuer tokens) {
        this.users = users;
        this.hasher = hasher;
        this.tokens = tokens;
    }

    /** A signed access token, or null when the credentials do not match a live account. */
    public Uni<String> login(String email, String password) {
        return Panache.withSession(() -> users.findLiveByEmail(email))
                .flatMap(user -> hasher.offload(() -> {
                    // Unknown addresses still pay for one verification (against a dummy hash).
                    boolean valid = hasher.verifyBlocking(password, user == null ? null : user.passwordHash);
                    return valid ? tokens.issueBlocking(user) : null;
                }));
    }
}
