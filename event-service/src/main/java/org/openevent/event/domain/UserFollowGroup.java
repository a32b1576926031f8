package org.openevent.event.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.ResourceEntity;

/** A user following a group. */
@Entity
@Table(name = "user_follow_group")
public class UserFollowGroup extends ResourceEntity {

    @Column(name = "group_id")
    public long groupId;
    @Column(name = "user_id")
    public long userId;
}
