package org.openevent.session.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import org.openevent.common.persistence.JsonText;
import org.openevent.common.resource.EventChildEntity;

/** An exhibitor (booth) of an event; public once the organizers accept it. */
@Entity
@Table(name = "exhibitor")
public class Exhibitor extends EventChildEntity {

    public static final String PENDING = "pending";
    public static final String ACCEPTED = "accepted";
    public static final String REJECTED = "rejected";
    public static final List<String> STATUSES = List.of(PENDING, ACCEPTED, REJECTED);

    public String name;
    public String status;
    public String description;
    public String url;
    public int position;
    @Column(name = "logo_url")
    public String logoUrl;
    @Column(name = "banner_url")
    public String bannerUrl;
    @Column(name = "thumbnail_image_url")
    public String thumbnailImageUrl;
    @Column(name = "video_url")
    public String videoUrl;
    @Column(name = "slides_url")
    public String slidesUrl;
    @Column(name = "contact_email")
    public String contactEmail;
    @Column(name = "contact_link")
    public String contactLink;
    @Column(name = "enable_video_room")
    public boolean enableVideoRoom;
    @Column(name = "social_links")
    @Convert(converter = JsonText.class)
    public JsonNode socialLinks;

    public boolean isPublic() {
        return ACCEPTED.equals(status);
    }
}
