package org.openevent.user.service;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.openevent.user.config.AuthConfig;

/**
 * bcrypt hashing and verification. Both are deliberately slow CPU work, so they run on worker threads
 * via {@link Vertx#executeBlocking}, which resumes on the caller's context (Hibernate Reactive needs that).
 */
@ApplicationScoped
public class PasswordHasher {

    /** bcrypt ignores everything after 72 bytes; longer passwords are refused rather than truncated. */
    public static final int MAX_PASSWORD_BYTES = 72;

    static final int MIN_COST = 10;
    static final int MAX_COST = 16;

    private final Vertx vertx;
    private final AuthConfig config;
    private volatile String dummyHash;

    public PasswordHasher(Vertx vertx, AuthConfig config) {
        this.vertx = vertx;
        this.config = config;
    }

    /** A work factor outside 10 to 16 stops the start: too weak to protect passwords, or too slow to log in. */
    void checkCost(@Observes StartupEvent start) {
        int cost = config.bcryptCost();
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalStateException("openevent.auth.bcrypt-cost must be between " + MIN_COST + " and "
                    + MAX_COST + ", not " + cost);
        }
    }

    /** A new salted hash of {@code password}, computed off the event loop. */
    public Uni<String> hash(String password) {
        return offload(() -> hashBlocking(password));
    }

    /** Runs blocking work on a worker thread; unordered so concurrent requests hash in parallel. */
    public <T> Uni<T> offload(Callable<T> work) {
        return vertx.executeBlocking(work, false);
    }

    /** Hashes on the current thread; only call from a worker thread. */
    public String hashBlocking(String password) {
        return BcryptUtil.bcryptHash(password, config.bcryptCost());
    }

    /**
     * Verifies on the current thread (a worker). Without a stored hash it still verifies against a
     * dummy hash of the same cost, so response times do not reveal whether an account exists.
     */
    public boolean verifyBlocking(String password, String storedHash) {
        boolean matches = BcryptUtil.matches(password, storedHash != null ? storedHash : dummyHash());
        return matches && storedHash != null;
    }

    public static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    private String dummyHash() {
        String hash = dummyHash;
        if (hash == null) {
            synchronized (this) {
                if (dummyHash == null) {
                    byte[] secret = new byte[24];
                    new SecureRandom().nextBytes(secret);
                    dummyHash = hashBlocking(HexFormat.of().formatHex(secret));
                }
                hash = dummyHash;
            }
        }
        return hash;
    }
}
