package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.ResourceEntity;

/** A topic events are filed under (e.g. "Science &amp; Technology"), with the image events of it fall back to. */
@Entity
@Table(name = "event_topic")
public class EventTopic extends ResourceEntity implements Slugged {

    public String name;
    public String slug;
    @Column(name = "system_image_url")
    public String systemImageUrl;

    @Override
    public String name() {
        return name;
    }

    @Override
    public void slug(String slug) {
        this.slug = slug;
    }
}
