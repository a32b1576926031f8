package org.openevent.event.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.openevent.common.jsonapi.ApiException;

/**
 * Bounded, fault-tolerant reads of an event's schedule from session-service: one call per relationship,
 * a timeout, and a circuit breaker so a struggling session-service is not hammered. When it cannot
 * answer, the caller gets a 503 instead of an event document that silently lacks its sessions.
 */
@ApplicationScoped
public class ScheduleClient {

    private final SessionServiceClient client;

    public ScheduleClient(@RestClient SessionServiceClient client) {
        this.client = client;
    }

    /** Every row of {@code collection} for the event, or an empty document when session-service has not seen the event yet. */
    public Uni<JsonNode> collection(long eventId, String collection, String nestedInclude, String authorization) {
        return guarded(eventId, collection, nestedInclude, authorization)
                .onFailure(e -> !(e instanceof ApiException)).transform(e -> new ApiException(503,
                        "Service Unavailable", "The schedule could not be loaded; try again shortly.", null, null));
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiException.class)
    Uni<JsonNode> guarded(long eventId, String collection, String nestedInclude, String authorization) {
        return client.collection(eventId, collection, nestedInclude, 0, authorization)
                .onFailure(ScheduleClient::isNotFound).recoverWithItem(ScheduleClient::emptyDocument);
    }

    // session-service learns events from messages: until it has seen this one, the event has no schedule rows.
    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }

    private static JsonNode emptyDocument() {
        return JsonNodeFactory.instance.objectNode().set("data", JsonNodeFactory.instance.arrayNode());
    }
}
