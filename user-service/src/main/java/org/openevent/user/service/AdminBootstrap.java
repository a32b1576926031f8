package org.openevent.user.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;
import org.openevent.common.persistence.Transactions;
import org.openevent.common.runtime.StartupSettling;
import org.openevent.user.config.AdminConfig;
import org.openevent.user.domain.User;
import org.openevent.user.repository.UserRepository;

/**
 * Makes sure the configured administrator account exists, is a verified super admin and accepts the configured
 * password. Idempotent: restarts change nothing unless the configuration changed.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AdminConfig config;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final AccountSnapshots snapshots;
    private final Vertx vertx;
    private final StartupSettling settling;

    public AdminBootstrap(AdminConfig config, UserRepository users, PasswordHasher hasher,
                          AccountSnapshots snapshots, Vertx vertx, StartupSettling settling) {
        this.config = config;
        this.users = users;
        this.hasher = hasher;
        this.snapshots = snapshots;
        this.vertx = vertx;
        this.settling = settling;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!enabled()) {
            LOG.info("Admin bootstrap disabled (openevent.admin.email / openevent.admin.password not set)");
            return;
        }
        // Runs on the start-up thread, which may block; the work itself runs on a Vert.x context.
        if (VertxContextSupport.subscribeAndAwait(this::adminExists)) {
            repairInBackground();
            return;
        }
        User admin = VertxContextSupport.subscribeAndAwait(this::ensureAdmin);
        LOG.infof("Administrator account %d is ready", admin.id);
    }

    private Uni<Boolean> adminExists() {
        return users.liveEmailExists(config.email().get());
    }

    /**
     * On a first start the account must exist before the service is ready (the demo data logs in with it at once).
     * On later starts it exists, and what is left is checking the configured password: bcrypt on a JIT that is still
     * cold takes about a second, so the check (and a repair, when the configuration changed) runs after the start,
     * once the HQL parser is warm;
     * until it ends, the stored password is the one that works. The returned stage completes once the check (and
     * any repair) is committed.
     */
    CompletableFuture<User> repairInBackground() {
        CompletableFuture<User> done = new CompletableFuture<>();
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        // Its lookup is HQL: it waits for the parser's warm-up rather than parse cold on the event loop.
        settling.parserWarmed().thenRun(() -> context.runOnContext(ignored -> ensureAdmin().subscribe().with(
                admin -> {
                    LOG.infof("Administrator account %d is ready", admin.id);
                    done.complete(admin);
                },
                failure -> {
                    LOG.error("Checking the administrator account failed", failure);
                    done.completeExceptionally(failure);
                })));
        return done;
    }

    /** Creates or repairs the administrator account; null when the bootstrap is not configured. */
    public Uni<User> ensureAdmin() {
        if (!enabled()) {
            return Uni.createFrom().nullItem();
        }
        String email = config.email().get().trim();
        String password = config.password().get();
        return Transactions.run(() -> users.findLiveByEmail(email).flatMap(existing -> existing == null
                        ? create(email, password)
                        : repair(existing, password)))
                // Another replica may have created it at the same moment: the second round finds it.
                .onFailure(UserExceptions::isUniqueViolation).retry().atMost(1);
    }

    private Uni<User> create(String email, String password) {
        return hasher.offload(() -> hasher.hashBlocking(password)).flatMap(hash -> {
            User user = new User();
            user.email = email;
            user.passwordHash = hash;
            user.admin = true;
            user.superAdmin = true;
            user.verified = true;
            user.publicName = "Administrator";
            user.created(OffsetDateTime.now(ZoneOffset.UTC));
            return users.persistAndFlush(user).flatMap(snapshots::publish).replaceWith(user);
        });
    }

    private Uni<User> repair(User user, String password) {
        return hasher.offload(() -> hasher.verifyBlocking(password, user.passwordHash) ? null
                        : hasher.hashBlocking(password))
                .flatMap(newHash -> {
                    if (newHash == null && user.admin && user.superAdmin && user.verified && !user.blocked) {
                        return Uni.createFrom().item(user);
                    }
                    if (newHash != null) {
                        user.passwordHash = newHash;
                        user.revokeTokens();
                    }
                    user.admin = true;
                    user.superAdmin = true;
                    user.verified = true;
                    user.blocked = false;
                    user.changed();
                    return snapshots.publish(user).replaceWith(user);
                });
    }

    private boolean enabled() {
        return config.email().filter(e -> !e.isBlank()).isPresent()
                && config.password().filter(p -> !p.isEmpty()).isPresent();
    }
}
