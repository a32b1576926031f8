package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.ResourceEntity;

/** A static page of the site (footer links and event-site pages), managed by admins. */
@Entity
@Table(name = "page")
public class Page extends ResourceEntity {

    public String name;
    public String title;
    public String url;
    public String description;
    public String place;
    public String language;
    @Column(name = "page_index")
    public int pageIndex;
}
