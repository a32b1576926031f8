package org.openevent.common.resource;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Transient;
import java.time.OffsetDateTime;

/**
 * Columns every resource row has: an id, a version that rises with every change (it orders the snapshots
 * consumers receive), the creation time and the soft-deletion time.
 */
@MappedSuperclass
public abstract class ResourceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public long version;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;

    @Transient
    private boolean insertedByThisWrite;

    public Long id() {
        return id;
    }

    public long version() {
        return version;
    }

    public OffsetDateTime deletedAt() {
        return deletedAt;
    }

    public boolean isDeleted() {
        return deletedAt != null;
    }

    /** Starts the version sequence of a new row. */
    public void created(OffsetDateTime now) {
        this.version = 1;
        this.createdAt = now;
        this.insertedByThisWrite = true;
    }

    /**
     * Whether this instance is the row the write in progress inserts, so nothing can refer to it yet (rules skip
     * reading links that cannot exist).
     */
    public boolean insertedByThisWrite() {
        return insertedByThisWrite;
    }

    /** Marks one more change. */
    public void changed() {
        this.version++;
    }

    public void softDelete(OffsetDateTime now) {
        this.deletedAt = now;
    }

    public void restore() {
        this.deletedAt = null;
    }
}
