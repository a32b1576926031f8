package org.openevent.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.Sponsor;

/** Sponsors: public with their event, written by its co-organizers, created only while sponsors are enabled. */
@ApplicationScoped
public class SponsorRules implements ResourceRules<Sponsor> {

    static final ResourceType<Sponsor> TYPE = ResourceType.define("sponsor", "sponsors", Sponsor.class, Sponsor::new)
            .string("name", s -> s.name, (s, v) -> s.name = v).required().notBlank()
            .text("description", s -> s.description, (s, v) -> s.description = v).normalize(Html::sanitize)
            .url("url", s -> s.url, (s, v) -> s.url = v)
            .integer("level", s -> s.level, (s, v) -> s.level = v)
            .url("logoUrl", s -> s.logoUrl, (s, v) -> s.logoUrl = v)
            .string("type", s -> s.type, (s, v) -> s.type = v)
            .timestamps()
            .childOfEvent()
            .defaultOrder("x.level asc nulls last, x.name asc")
            .build();

    @Override
    public ResourceType<Sponsor> type() {
        return TYPE;
    }

    @Override
    public void checkCreate(Access access, Changes<Sponsor> changes) {
        access.requireCoorganizer();
        if (!access.event().sponsorsEnabled()) {
            throw ApiException.forbidden("Sponsors are disabled for this Event");
        }
    }
}
