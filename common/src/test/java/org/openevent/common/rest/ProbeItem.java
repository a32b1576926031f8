package org.openevent.common.rest;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.EventChildEntity;

/** A declared resource of the OpenAPI tests; its routes are documented, never called, so it has no table. */
@Entity
@Table(name = "probe_item")
public class ProbeItem extends EventChildEntity {

    public String name;

    @Column(name = "parent_id")
    public Long parentId;

    @Column(name = "creator_id")
    public Long creatorId;
}
