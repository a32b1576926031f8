package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.EventChildEntity;

/** A sponsor shown on an event's page. */
@Entity
@Table(name = "sponsor")
public class Sponsor extends EventChildEntity {

    public String name;
    public String description;
    public String url;
    public Integer level;
    @Column(name = "logo_url")
    public String logoUrl;
    public String type;
}
