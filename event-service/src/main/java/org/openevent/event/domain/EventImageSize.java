package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.ResourceEntity;

/** The sizes event images are resized to; one row, id 1. */
@Entity
@Table(name = "event_image_size")
public class EventImageSize extends ResourceEntity {

    public static final long ID = 1;

    public String type;
    @Column(name = "full_width")
    public Integer fullWidth;
    @Column(name = "full_height")
    public Integer fullHeight;
    @Column(name = "full_aspect")
    public boolean fullAspect;
    @Column(name = "full_quality")
    public Integer fullQuality;
    @Column(name = "icon_width")
    public Integer iconWidth;
    @Column(name = "icon_height")
    public Integer iconHeight;
    @Column(name = "icon_aspect")
    public boolean iconAspect;
    @Column(name = "icon_quality")
    public Integer iconQuality;
    @Column(name = "thumbnail_width")
    public Integer thumbnailWidth;
    @Column(name = "thumbnail_height")
    public Integer thumbnailHeight;
    @Column(name = "thumbnail_aspect")
    public boolean thumbnailAspect;
    @Column(name = "thumbnail_quality")
    public Integer thumbnailQuality;
    @Column(name = "logo_width")
    public Integer logoWidth;
    @Column(name = "logo_height")
    public Integer logoHeight;
}
