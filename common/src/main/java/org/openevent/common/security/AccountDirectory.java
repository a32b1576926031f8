package org.openevent.common.security;

import io.smallrye.mutiny.Uni;

/**
 * Where a service looks up the accounts named by tokens: its projection of user-service's accounts (the default,
 * {@code ProjectedAccountDirectory}), or user-service's own table. Both run on the event loop.
 */
public interface AccountDirectory {

    /** What this service knows of the account now, or null when it knows nothing of it. */
    Uni<AccountState> current(long userId);

    /**
     * Asks the accounts' owner for the current state, applies it like a message would be, and answers it; null when
     * the owner has no such account. Used when a token is newer than what this service knows.
     */
    Uni<AccountState> refresh(long userId);
}
