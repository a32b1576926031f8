package org.openevent.event.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** An event; {@code version} increases with every change and orders its published snapshots. */
@Entity
@Table(name = "event")
public class Event extends PanacheEntityBase {

    public static final String DRAFT = "draft";
    public static final String PUBLISHED = "published";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String identifier;
    public String name;
    public String description;
    @Column(name = "starts_at")
    public OffsetDateTime startsAt;
    @Column(name = "ends_at")
    public OffsetDateTime endsAt;
    public String timezone;
    @Column(name = "location_name")
    public String locationName;
    public Double latitude;
    public Double longitude;
    @Column(name = "external_event_url")
    public String externalEventUrl;
    public String state;
    public long version;
    @Column(name = "created_at")
    public OffsetDateTime createdAt;
    @Column(name = "deleted_at")
    public OffsetDateTime deletedAt;
}
