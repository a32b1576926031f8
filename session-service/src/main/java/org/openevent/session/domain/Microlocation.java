package org.openevent.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.EventChildEntity;

/** A room (microlocation) where sessions of an event take place. */
@Entity
@Table(name = "microlocation")
public class Microlocation extends EventChildEntity {

    public String name;
    public Integer floor;
    public Double latitude;
    public Double longitude;
    public String room;
    public int position;
    @Column(name = "hidden_in_scheduler")
    public boolean hiddenInScheduler;
    @Column(name = "is_chat_enabled")
    public boolean chatEnabled;
    @Column(name = "is_global_event_room")
    public boolean globalEventRoom;
    @Column(name = "chat_room_name")
    public String chatRoomName;
    @Column(name = "video_stream_id")
    public Long videoStreamId;
}
