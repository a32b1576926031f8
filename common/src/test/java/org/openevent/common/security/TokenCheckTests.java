package org.openevent.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The token verdicts and when the owner is asked, against an in-memory account directory. */
class TokenCheckTests {

    /** Accounts known here and at the owner, counting owner lookups. */
    static final class Accounts implements AccountDirectory {
        final Map<Long, AccountState> known = new HashMap<>();
        final Map<Long, AccountState> owner = new HashMap<>();
        int lookups;
        int refreshes;

        @Override
        public Uni<AccountState> current(long userId) {
            lookups++;
            return Uni.createFrom().item(known.get(userId));
        }

        @Override
        public Uni<AccountState> refresh(long userId) {
            refreshes++;
            AccountState state = owner.get(userId);
            if (state != null) {
                known.put(userId, state);
            }
            return Uni.createFrom().item(state);
        }
    }

    static TokenConfig config(Duration ttl) {
        return new TokenConfig() {
            @Override
            public Duration cacheTtl() {
                return ttl;
            }

            @Override
            public long cacheSize() {
                return 100;
            }

            @Override
            public long verifiedSize() {
                return 100;
            }

            @Override
            public Duration verifiedTtl() {
                return ttl;
            }
        };
    }

    static boolean accepts(TokenCheck check, long user, long generation) {
        return check.accepts(user, generation).await().atMost(Duration.ofSeconds(1));
    }

    @Test
    void olderGenerationsBlockedAndDeletedAccountsAreRefused() {
        Accounts accounts = new Accounts();
        accounts.known.put(1L, new AccountState(1, 3, false, false, 7));
        accounts.known.put(2L, new AccountState(2, 0, true, false, 2));
        accounts.known.put(3L, new AccountState(3, 0, false, true, 2));
        TokenCheck check = new TokenCheck(accounts, config(Duration.ofMinutes(1)));
        assertTrue(accepts(check, 1, 3));
        assertFalse(accepts(check, 1, 2), "older generation");
        assertFalse(accepts(check, 1, TokenCheck.LEGACY), "a legacy token counts as generation 0");
        assertFalse(accepts(check, 2, 0), "blocked");
        assertFalse(accepts(check, 3, 0), "deleted");
        assertEquals(0, accounts.refreshes, "nothing here needed the owner");
        assertEquals(3, accounts.lookups, "each account read once, then cached");
    }

    @Test
    void aNewerTokenOrAnUnknownAccountAsksTheOwnerOnce() {
        Accounts accounts = new Accounts();
        accounts.known.put(1L, new AccountState(1, 0, false, false, 1));
        accounts.owner.put(1L, new AccountState(1, 1, false, false, 2));
        accounts.owner.put(4L, new AccountState(4, 0, false, false, 1));
        TokenCheck check = new TokenCheck(accounts, config(Duration.ofMinutes(1)));
        assertTrue(accepts(check, 1, 1), "the projection was behind the token");
        assertFalse(accepts(check, 1, 0), "the refreshed state now refuses the older token");
        assertTrue(accepts(check, 4, 0), "a token minted right after sign-up");
        assertFalse(accepts(check, 5, 0), "the owner does not know the account");
        assertTrue(accepts(check, 6, TokenCheck.LEGACY), "nothing is known against a legacy token");
        assertEquals(3, accounts.refreshes);
    }

    @Test
    void theCacheKeepsTheNewestStateAndCanBeOff() {
        Accounts accounts = new Accounts();
        accounts.known.put(1L, new AccountState(1, 0, false, false, 1));
        TokenCheck check = new TokenCheck(accounts, config(Duration.ofMinutes(1)));
        assertTrue(accepts(check, 1, 0));
        check.remember(new AccountState(1, 1, false, false, 3));
        check.remember(new AccountState(1, 0, false, false, 2));
        assertFalse(accepts(check, 1, 0), "a late older message does not undo the revocation");
        assertEquals(1, accounts.lookups);

        Accounts uncached = new Accounts();
        uncached.known.put(1L, new AccountState(1, 0, false, false, 1));
        TokenCheck off = new TokenCheck(uncached, config(Duration.ZERO));
        accepts(off, 1, 0);
        accepts(off, 1, 0);
        assertEquals(2, uncached.lookups, "without a cache every request reads the account");
    }
}
