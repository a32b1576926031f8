package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.ResourceEntity;

/** A finer topic within one event topic. */
@Entity
@Table(name = "event_sub_topic")
public class EventSubTopic extends ResourceEntity implements Slugged {

    public String name;
    public String slug;
    @Column(name = "event_topic_id")
    public Long eventTopicId;

    @Override
    public String name() {
        return name;
    }

    @Override
    public void slug(String slug) {
        this.slug = slug;
    }
}
