package org.openevent.common.messaging;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A projected row of the consumer kit's tests; {@code applied} counts the snapshots written into it. */
@Entity
@Table(name = "probe_row")
public class ProbeRow extends PanacheEntityBase {

    @Id
    public Long id;

    public String name;
    public long version;
    public int applied;

    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
