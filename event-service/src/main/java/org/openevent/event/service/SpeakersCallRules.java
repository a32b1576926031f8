package org.openevent.event.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.event.domain.SpeakersCall;

/** An event's call for speakers: at most one live per event, public with it, written by its co-organizers. */
@ApplicationScoped
public class SpeakersCallRules implements ResourceRules<SpeakersCall> {

    static final ResourceType<SpeakersCall> TYPE = ResourceType.define("speakers-call", "speakers-calls",
                    SpeakersCall.class, SpeakersCall::new)
            .text("announcement", c -> c.announcement, (c, v) -> c.announcement = v).normalize(Html::sanitize)
            .datetime("startsAt", c -> c.startsAt, (c, v) -> c.startsAt = v).required()
            .datetime("softEndsAt", c -> c.softEndsAt, (c, v) -> c.softEndsAt = v)
            .datetime("endsAt", c -> c.endsAt, (c, v) -> c.endsAt = v).required()
            .string("hash", c -> c.hash, (c, v) -> c.hash = v)
            .string("privacy", c -> c.privacy, (c, v) -> c.privacy = v).oneOf("public", "private")
            .timestamps()
            .childOfEvent()
            .build();

    @Override
    public ResourceType<SpeakersCall> type() {
        return TYPE;
    }

    @Override
    public Uni<Void> validate(Access access, SpeakersCall call, Changes<SpeakersCall> changes) {
        return OnePerEvent.check(changes, "SpeakersCall", access.eventId(), "Event already has a speakers call.");
    }

    @Override
    public void prepare(Access access, SpeakersCall call, Changes<SpeakersCall> changes) {
        if (!call.endsAt.isAfter(call.startsAt)) {
            throw ApiException.attribute("ends-at", "ends-at should be after starts-at");
        }
    }
}
