package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.ResourceEntity;

/** The sizes speaker photos are resized to; one row, id 2. */
@Entity
@Table(name = "speaker_image_size")
public class SpeakerImageSize extends ResourceEntity {

    public static final long ID = 2;

    public String type;
    @Column(name = "small_size_width_height")
    public Integer smallSizeWidthHeight;
    @Column(name = "small_size_quality")
    public Integer smallSizeQuality;
    @Column(name = "thumbnail_size_width_height")
    public Integer thumbnailSizeWidthHeight;
    @Column(name = "thumbnail_size_quality")
    public Integer thumbnailSizeQuality;
    @Column(name = "icon_size_width_height")
    public Integer iconSizeWidthHeight;
    @Column(name = "icon_size_quality")
    public Integer iconSizeQuality;
}
