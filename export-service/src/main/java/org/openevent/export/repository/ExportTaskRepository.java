package org.openevent.export.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.openevent.export.domain.ExportTask;

/** Export tasks and their render claims. */
@ApplicationScoped
public class ExportTaskRepository implements PanacheRepositoryBase<ExportTask, UUID> {

    /**
     * Claims a task for rendering: WAITING, or RENDERING under a lease that has expired (its renderer died),
     * becomes RENDERING under {@code token} until {@code leaseUntil}. True for the one caller that got it.
     */
    public Uni<Boolean> claim(UUID id, UUID token, OffsetDateTime now, OffsetDateTime leaseUntil) {
        return update("state = ?1, claimToken = ?2, claimExpiresAt = ?3, updatedAt = ?4 where id = ?5 "
                        + "and (state = ?6 or (state = ?1 and claimExpiresAt < ?4))",
                ExportTask.RENDERING, token, leaseUntil, now, id, ExportTask.WAITING)
                .map(updated -> updated == 1);
    }

    /** Finishes a task if {@code token} still holds its claim; false when the claim was lost to another renderer. */
    public Uni<Boolean> complete(UUID id, UUID token, String state, UUID fileId, String downloadUrl, String error,
                                 String renderedBy, OffsetDateTime now) {
        return update("state = ?1, fileId = ?2, downloadUrl = ?3, error = ?4, completedAt = ?5, updatedAt = ?5, "
                        + "renderedBy = ?6, claimToken = null, claimExpiresAt = null "
                        + "where id = ?7 and claimToken = ?8 and state = ?9",
                state, fileId, downloadUrl, error, now, renderedBy, id, token, ExportTask.RENDERING)
                .map(updated -> updated == 1);
    }

    /** Tasks whose renderer let its lease expire without completing them. */
    public Uni<List<ExportTask>> expiredClaims(OffsetDateTime now, int limit) {
        return find("state = ?1 and claimExpiresAt < ?2 order by claimExpiresAt", ExportTask.RENDERING, now)
                .page(0, limit).list();
    }
}
