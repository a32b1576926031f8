package org.openevent.session.domain;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.persistence.JsonText;
import org.openevent.common.resource.EventChildEntity;

/** A video stream or meeting room of an event: the event's own stream, or one shared by some of its rooms. */
@Entity
@Table(name = "video_stream")
public class VideoStream extends EventChildEntity {

    @Column(name = "is_event_stream")
    public boolean eventStream;
    public String name;
    public String url;
    public String password;
    @Column(name = "additional_information")
    public String additionalInformation;
    @Column(name = "bg_img_url")
    public String bgImgUrl;
    @Convert(converter = JsonText.class)
    public JsonNode extra;
    @Column(name = "is_chat_enabled")
    public boolean chatEnabled;
    @Column(name = "is_global_event_room")
    public boolean globalEventRoom;
}
