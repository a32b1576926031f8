package org.openevent.event.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.openevent.common.resource.EventChildEntity;

/** A link to one of an event's social media presences. */
@Entity
@Table(name = "social_link")
public class SocialLink extends EventChildEntity {

    public String name;
    public String link;
    public String identifier;
}
