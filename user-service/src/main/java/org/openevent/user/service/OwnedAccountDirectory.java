package org.openevent.user.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.security.AccountDirectory;
import org.openevent.common.security.AccountState;
import org.openevent.user.repository.UserRepository;

/** The owner's own accounts as the token check sees them: always current, nothing to refresh from. */
@ApplicationScoped
public class OwnedAccountDirectory implements AccountDirectory {

    private final UserRepository users;

    public OwnedAccountDirectory(UserRepository users) {
        this.users = users;
    }

    @Override
    public Uni<AccountState> current(long userId) {
        return Panache.withSession(() -> users.findById(userId)).map(user -> user == null ? null
                : new AccountState(user.id, user.tokenGeneration, user.blocked, user.isDeleted(), user.version));
    }

    @Override
    public Uni<AccountState> refresh(long userId) {
        return current(userId);
    }
}
