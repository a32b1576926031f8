package org.openevent.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.EventChildEntity;

/** A thematic track of an event's programme. */
@Entity
@Table(name = "track")
public class Track extends EventChildEntity {

    public String name;
    public String description;
    public String color;
    @Column(name = "font_color")
    public String fontColor;
    public int position;
}
