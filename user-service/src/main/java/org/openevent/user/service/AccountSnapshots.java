package org.openevent.user.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.contract.UserPayload;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.messaging.Outbox;
import org.openevent.user.domain.User;

/**
 * The public snapshot other services know an account by (no address, no hash): published with every change, and
 * served as it is now to services whose token check meets a token newer than their copy.
 */
@ApplicationScoped
public class AccountSnapshots {

    private final Outbox outbox;
    private final ObjectMapper mapper;

    public AccountSnapshots(Outbox outbox, ObjectMapper mapper) {
        this.outbox = outbox;
        this.mapper = mapper;
    }

    public static UserPayload of(User user) {
        return new UserPayload(user.id, user.displayName(), user.roles(), user.verified, user.blocked,
                user.superAdmin, user.admin, user.salesAdmin, user.marketer, user.tokenGeneration, user.createdAt,
                user.lastAccessedAt, user.deletedAt);
    }

    /** Adds the account's snapshot to the outbox; must run inside the changing transaction. */
    public Uni<Void> publish(User user) {
        return outbox.publish(Topics.USERS, MessageTypes.USER_UPSERTED, "user", user.id, user.version, of(user));
    }

    /** The snapshot now, in the envelope its messages carry. */
    public Envelope envelope(User user) {
        return new Envelope("snapshot-" + UUID.randomUUID(), MessageTypes.USER_UPSERTED, Outbox.SCHEMA_VERSION,
                "user", String.valueOf(user.id), user.version, OffsetDateTime.now(ZoneOffset.UTC),
                mapper.valueToTree(of(user)));
    }
}
