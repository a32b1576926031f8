package org.openevent.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A room (microlocation) where sessions of an event take place. */
@Entity
@Table(name = "microlocation")
public class Microlocation extends EventScoped {

    public String name;
    public Integer floor;
    public Double latitude;
    public Double longitude;
    public String room;
    public int position;
    @Column(name = "hidden_in_scheduler")
    public boolean hiddenInScheduler;
}
