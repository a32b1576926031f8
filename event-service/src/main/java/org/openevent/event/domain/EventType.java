package org.openevent.event.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.ResourceEntity;

/** The kind of an event (conference, workshop, ...). */
@Entity
@Table(name = "event_type")
public class EventType extends ResourceEntity implements Slugged {

    public String name;
    public String slug;

    @Override
    public String name() {
        return name;
    }

    @Override
    public void slug(String slug) {
        this.slug = slug;
    }
}
