package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.EventChildEntity;

/** The licence an event's content is published under; at most one live per event. */
@Entity
@Table(name = "event_copyright")
public class EventCopyright extends EventChildEntity {

    public String holder;
    @Column(name = "holder_url")
    public String holderUrl;
    public String licence;
    @Column(name = "licence_url")
    public String licenceUrl;
    public Integer year;
    @Column(name = "logo_url")
    public String logoUrl;
}
