package org.openevent.event.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.persistence.JsonText;
import org.openevent.common.resource.ResourceEntity;

/** A group of events run by one organizer, which users can follow. */
@Entity
@Table(name = "groups")
public class EventGroup extends ResourceEntity {

    public String name;
    @Column(name = "user_id")
    public long userId;
    @Convert(converter = JsonText.class)
    @Column(name = "social_links")
    public JsonNode socialLinks;
    @Column(name = "logo_url")
    public String logoUrl;
    @Column(name = "banner_url")
    public String bannerUrl;
    @Column(name = "thumbnail_image_url")
    public String thumbnailImageUrl;
    @Column(name = "is_promoted")
    public boolean isPromoted;
    public String about;
    @Column(name = "follower_count")
    public int followerCount;
}
