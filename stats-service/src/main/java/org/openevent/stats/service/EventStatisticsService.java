package org.openevent.stats.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.resource.AccessResolver;
import org.openevent.common.resource.ApiRequest;
import org.openevent.common.resource.ResourceEngine;

/**
 * An event's general statistics by the event's id or identifier. Access is judged on the shared event projection,
 * refreshed from event-service before anything is denied; whoever may not read them (the event is unknown, deleted,
 * a draft they do not work on, or they are not a co-organizer) gets the same 404 as for no event at all.
 */
@ApplicationScoped
public class EventStatisticsService {

    private final AccessResolver access;
    private final ResourceEngine engine;

    public EventStatisticsService(AccessResolver access, ResourceEngine engine) {
        this.access = access;
        this.engine = engine;
    }

    public Uni<Document> general(ApiRequest request, String reference) {
        request.caller().requireUser();
        return Panache.withSession(() -> access.forEvent(request.caller(), reference, EventStatisticsRules::mayRead))
                .flatMap(granted -> {
                    if (!EventStatisticsRules.mayRead(granted)) {
                        return Uni.createFrom().failure(ApiException.notFound("Event"));
                    }
                    return engine.get(request, EventStatisticsRules.TYPE_NAME, String.valueOf(granted.eventId()));
                });
    }
}
