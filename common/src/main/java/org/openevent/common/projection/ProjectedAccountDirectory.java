package org.openevent.common.projection;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.UserPayload;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.common.persistence.NativeSql;
import org.openevent.common.persistence.Transactions;
import org.openevent.common.security.AccountDirectory;
import org.openevent.common.security.AccountState;

/**
 * The accounts as a service that does not own them knows them: the table {@code user_token_state}, fed by
 * {@code user.upserted} messages ({@link UserSnapshots}) and, when a token is newer than the table, by
 * user-service's current snapshot through the same version-gated statement.
 */
@ApplicationScoped
@DefaultBean
public class ProjectedAccountDirectory implements AccountDirectory {

    private static final String UPSERT = """
            INSERT INTO user_token_state (id, version, token_generation, blocked, deleted_at, applied_at)
            VALUES (:id, :version, :generation, :blocked, :deletedAt, now())
            ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, token_generation = EXCLUDED.token_generation,
                blocked = EXCLUDED.blocked, deleted_at = EXCLUDED.deleted_at, applied_at = EXCLUDED.applied_at
            WHERE user_token_state.version < EXCLUDED.version""";

    private final UserOwner owner;
    private final ObjectMapper mapper;

    public ProjectedAccountDirectory(UserOwner owner, ObjectMapper mapper) {
        this.owner = owner;
        this.mapper = mapper;
    }

    @Override
    public Uni<AccountState> current(long userId) {
        return Panache.withSession(() -> Panache.getSession().flatMap(session -> NativeSql.rows(session,
                        "SELECT id, version, token_generation, blocked, deleted_at FROM user_token_state WHERE id = $1",
                        userId)))
                .map(rows -> rows.isEmpty() ? null : state(rows.get(0)));
    }

    @Override
    public Uni<AccountState> refresh(long userId) {
        return owner.snapshot(userId).flatMap(envelope -> {
            if (envelope == null || !MessageTypes.USER_UPSERTED.equals(envelope.type())) {
                return Uni.createFrom().nullItem();
            }
            UserPayload payload = mapper.convertValue(envelope.payload(), UserPayload.class);
            return Transactions.run(() -> apply(payload, envelope.aggregateVersion()))
                    .flatMap(ignored -> current(userId));
        });
    }

    /** Applies a snapshot unless the table holds this version or a newer one; inside the caller's transaction. */
    public Uni<Boolean> apply(UserPayload payload, long version) {
        if (payload.id() <= 0 || version <= 0) {
            throw new PoisonMessageException("User snapshot without id or version", null);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery(UPSERT)
                .setParameter("id", payload.id())
                .setParameter("version", version)
                .setParameter("generation", payload.tokenGeneration())
                .setParameter("blocked", payload.blocked())
                .setParameter("deletedAt", payload.deletedAt())
                .executeUpdate()).map(applied -> applied > 0);
    }

    /** The state a snapshot describes. */
    public static AccountState state(UserPayload payload, long version) {
        return new AccountState(payload.id(), payload.tokenGeneration(), payload.blocked(),
                payload.deletedAt() != null, version);
    }

    private static AccountState state(Object[] row) {
        return new AccountState(((Number) row[0]).longValue(), ((Number) row[2]).longValue(), (Boolean) row[3],
                row[4] != null, ((Number) row[1]).longValue());
    }
}
