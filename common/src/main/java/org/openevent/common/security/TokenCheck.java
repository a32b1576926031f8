package org.openevent.common.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides whether a verified token is still good: not when its account is deleted or blocked, nor when the token
 * carries an older token generation than the account (password changed, blocked, deleted, logged out
 * everywhere). A token newer than what this service knows means the knowledge is behind, not that the token is
 * bad: then the accounts' owner is asked (read-your-writes for a token minted a moment ago). Known states are kept
 * in a bounded in-memory cache that the users consumer updates as messages arrive, so a request costs no query.
 */
@ApplicationScoped
public class TokenCheck {

    /** The generation of tokens that carry no generation claim (minted before generations existed). */
    public static final long LEGACY = -1;

    private final AccountDirectory accounts;
    private final Cache<Long, AccountState> cache;

    public TokenCheck(AccountDirectory accounts, TokenConfig config) {
        this.accounts = accounts;
        this.cache = config.cacheTtl().isZero() ? null : Caffeine.newBuilder().maximumSize(config.cacheSize())
                .expireAfterWrite(config.cacheTtl()).build();
    }

    /** Whether a token of {@code userId} carrying {@code generation} ({@link #LEGACY} when absent) is accepted. */
    public Uni<Boolean> accepts(long userId, long generation) {
        AccountState cached = cache == null ? null : cache.getIfPresent(userId);
        Uni<AccountState> known = cached != null ? Uni.createFrom().item(cached)
                : accounts.current(userId).invoke(this::remember);
        return known.flatMap(state -> switch (verdict(state, generation)) {
            case ACCEPT -> Uni.createFrom().item(true);
            case REFUSE -> Uni.createFrom().item(false);
            case BEHIND -> accounts.refresh(userId).invoke(this::remember)
                    .map(fresh -> verdict(fresh, generation) == Verdict.ACCEPT);
        });
    }

    /** Keeps a state unless a newer one is already cached; called by consumers after their transaction. */
    public void remember(AccountState state) {
        if (cache != null && state != null) {
            cache.asMap().merge(state.userId(), state, (old, fresh) -> fresh.version() >= old.version() ? fresh : old);
        }
    }

    /** Forgets what is cached about an account, e.g. after its owner changed it in this process. */
    public void forget(long userId) {
        if (cache != null) {
            cache.invalidate(userId);
        }
    }

    static Verdict verdict(AccountState state, long generation) {
        if (state == null) {
            // Nothing is known against a legacy token; a generation-carrying one names an account to look up.
            return generation == LEGACY ? Verdict.ACCEPT : Verdict.BEHIND;
        }
        long carried = Math.max(generation, 0);
        if (carried > state.tokenGeneration()) {
            return Verdict.BEHIND;
        }
        return carried < state.tokenGeneration() || state.blocked() || state.deleted() ? Verdict.REFUSE
                : Verdict.ACCEPT;
    }

    /** The outcome of comparing a token with what is known of its account. */
    enum Verdict { ACCEPT, REFUSE, BEHIND }
}
