package org.openevent.export.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An asynchronous export: WAITING, RENDERING while a renderer holds its claim (reported as WAITING), then SUCCESS
 * with a download URL or FAILURE with a reason.
 */
@Entity
@Table(name = "export_task")
public class ExportTask extends PanacheEntityBase {

    public static final String WAITING = "WAITING";
    public static final String RENDERING = "RENDERING";
    public static final String SUCCESS = "SUCCESS";
    public static final String FAILURE = "FAILURE";

    @Id
    public UUID id;

    @Column(name = "event_id")
    public long eventId;

    public String format;

    @Column(name = "requested_by")
    public long requestedBy;

    public String state;

    @Column(name = "download_url")
    public String downloadUrl;

    public String error;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @Column(name = "completed_at")
    public OffsetDateTime completedAt;

    /** session-service's schedule version of the event at request time; the file must include it. */
    @Column(name = "schedule_version")
    public long scheduleVersion;

    @Column(name = "claim_token")
    public UUID claimToken;

    @Column(name = "claim_expires_at")
    public OffsetDateTime claimExpiresAt;

    /** The rendered file (shared with other tasks of the same schedule version); null until SUCCESS. */
    @Column(name = "file_id")
    public UUID fileId;

    /** The export-service instance that rendered (or reused) the file. */
    @Column(name = "rendered_by")
    public String renderedBy;

    public boolean isFinished() {
        return SUCCESS.equals(state) || FAILURE.equals(state);
    }
}
