package org.openevent.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.SocialLink;

/** An event's social links: public with their event, written by its co-organizers. */
@ApplicationScoped
public class SocialLinkRules implements ResourceRules<SocialLink> {

    static final ResourceType<SocialLink> TYPE = ResourceType.define("social-link", "social-links", SocialLink.class,
                    SocialLink::new)
            .string("name", s -> s.name, (s, v) -> s.name = v).required().notBlank()
            .url("link", s -> s.link, (s, v) -> s.link = v).required()
            .string("identifier", s -> s.identifier, (s, v) -> s.identifier = v)
            .timestamps()
            .childOfEvent()
            .defaultOrder("x.id asc")
            .build();

    @Override
    public ResourceType<SocialLink> type() {
        return TYPE;
    }
}
