package org.openevent.common.resource;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
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
