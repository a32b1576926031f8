package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.ResourceEntity;

/** A role users can hold on events; the built-in ones (ids 1-6) can be neither renamed nor removed. */
@Entity
@Table(name = "role")
public class Role extends ResourceEntity {

    public String name;
    @Column(name = "title_name")
    public String titleName;
}
