package org.openevent.user.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
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

    public AdminBootstrap(AdminConfig config, UserRepository users, PasswordHasher hasher,
                          AccountSnapshots snapshots) {
        this.config = config;
        this.users = users;
        this.hasher = hasher;
        this.snapshots = snapshots;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        if (!enabled()) {
            LOG.info("Admin bootstrap disabled (openevent.admin.email / openevent.admin.password not set)");
            return;
        }
        // Runs on the start-up thread, which may block; the work itself runs on a Vert.x context.
        User admin = VertxContextSupport.subscribeAndAwait(this::ensureAdmin);
        LOG.infof("Administrator account %d is ready", admin.id);
    }

    /** Creates or repairs the administrator account; null when the bootstrap is not configured. */
    public Uni<User> ensureAdmin() {
        if (!enabled()) {
            return Uni.createFrom().nullItem();
        }
        String email = config.email().get().trim();
        String password = config.password().get();
        return Panache.withTransaction(() -> users.findLiveByEmail(email).flatMap(existing -> existing == null
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
