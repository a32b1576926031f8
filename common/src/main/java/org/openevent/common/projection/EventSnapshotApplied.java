package org.openevent.common.projection;

import io.smallrye.mutiny.Uni;

/**
 * What a service does, in the same transaction, when a newer event snapshot reached its projection: from Kafka or
 * from the owner when a request needed it, so both paths have the same effects. {@code before} is a detached copy
 * of the projected row as it was (version 0 for an event seen for the first time).
 */
public interface EventSnapshotApplied {

    Uni<Void> applied(ProjectedEvent before, ProjectedEvent after);
}
