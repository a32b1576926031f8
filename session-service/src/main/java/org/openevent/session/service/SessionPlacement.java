package org.openevent.session.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.openevent.common.resource.ResourceRules;
import org.openevent.session.domain.Session;

/**
 * Sessions placed from the other side: a track's, room's or session type's {@code sessions} written on its
 * relationship route. Each session that moves in or out gets a new version and snapshot, as if edited itself.
 */
@ApplicationScoped
public class SessionPlacement {

    private final SessionSnapshots snapshots;

    public SessionPlacement(SessionSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * Makes exactly {@code ids} the live sessions whose key ({@code keyProperty}, read by {@code key}, written by
     * {@code setKey}) is {@code parentId}: listed sessions move in, the others placed there now move out.
     */
    public Uni<Void> place(String keyProperty, long parentId, List<Long> ids, Function<Session, Long> key,
                           BiConsumer<Session, Long> setKey) {
        return Session.<Session>list("(" + keyProperty + " = ?1 or id in ?2) and deletedAt is null order by id",
                parentId, ids.isEmpty() ? List.of(-1L) : ids).flatMap(sessions -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Session session : sessions) {
                        Long next = ids.contains(session.id) ? Long.valueOf(parentId) : null;
                        if (!Objects.equals(next, key.apply(session))) {
                            setKey.accept(session, next);
                            session.changed();
                            chain = chain.flatMap(ignored -> snapshots.publish(session,
                                    ResourceRules.Change.UPDATED));
                        }
                    }
                    return chain;
                });
    }
}
