package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.contract.GroupFollowPayload;
import org.openevent.common.contract.GroupPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.messaging.Outbox;
import org.openevent.event.domain.EventGroup;
import org.openevent.event.domain.UserFollowGroup;

/** Publishes groups and follows to {@link Topics#GROUPS} (for the statistics), inside the changing transaction. */
@ApplicationScoped
public class GroupSnapshots {

    private final Outbox outbox;

    public GroupSnapshots(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> publish(EventGroup g) {
        return outbox.publish(Topics.GROUPS, MessageTypes.GROUP_UPSERTED, "group", g.id, g.version,
                new GroupPayload(g.id, g.name, g.userId, g.isPromoted, g.createdAt, g.deletedAt),
                "group-" + g.id);
    }

    /** A follow (its fairness key is its group's); a removed follow carries {@code deletedAt}. */
    public Uni<Void> publish(UserFollowGroup f) {
        return outbox.publish(Topics.GROUPS, MessageTypes.GROUP_FOLLOW_UPSERTED, "user-follow-group", f.id,
                f.version, new GroupFollowPayload(f.id, f.groupId, f.userId, f.createdAt, f.deletedAt),
                "group-" + f.groupId);
    }
}
