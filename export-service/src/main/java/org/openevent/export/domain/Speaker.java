package org.openevent.export.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Projected public facts of a speaker (never an e-mail address). */
@Entity
@Table(name = "speaker")
public class Speaker extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "event_id")
    public long eventId;

    public String name;
    public String organisation;
    public String position;
    public long version;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
