package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.UUID;
import org.openevent.export.domain.ExportTask;

/** Export tasks. */
@ApplicationScoped
public class ExportTaskRepository implements PanacheRepositoryBase<ExportTask, UUID> {

    /** The task locked for update, so two deliveries of one request never render it twice. */
    public Uni<ExportTask> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }
}
