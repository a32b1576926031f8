package org.openevent.stats.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.openevent.common.jsonapi.Document;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.ResourceObject;
import org.openevent.common.security.Caller;
import org.openevent.stats.service.EventStatisticsService;

/** The admin dashboard's statistics singletons (id {@code "1"}); query parameters such as filterOptions are ignored. */
@Path("/v1/admin/statistics")
@Produces({JsonApi.MEDIA_TYPE, MediaType.APPLICATION_JSON})
public class AdminStatisticsResource {

    static final String EVENTS_TYPE = "admin-statistics-event";
    static final String SINGLETON_ID = "1";

    private final EventStatisticsService statistics;
    private final Caller caller;

    public AdminStatisticsResource(EventStatisticsService statistics, Caller caller) {
        this.statistics = statistics;
        this.caller = caller;
    }

    @GET
    @Path("/events")
    public Uni<Document> events() {
        return caller.resolve()
                .flatMap(statistics::eventCounts)
                .map(counts -> Document.single(singleton(EVENTS_TYPE, "/events",
                        new EventStatisticsView(counts.draft(), counts.published(), counts.past()))));
    }

    /** The singleton's self link is the collection path itself, as in the original server. */
    private static ResourceObject singleton(String type, String path, Object attributes) {
        return new ResourceObject(type, SINGLETON_ID, attributes, null,
                Map.of("self", JsonApi.API_PREFIX + "/admin/statistics" + path));
    }
}
