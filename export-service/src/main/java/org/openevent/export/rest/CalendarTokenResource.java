package org.openevent.export.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.security.Caller;
import org.openevent.export.calendar.Format;
import org.openevent.export.service.DownloadLinks;
import org.openevent.export.service.FeedTokens;

/**
 * The signed-in user's personal feed token, plain JSON (also under {@code Accept: application/vnd.api+json}):
 * {@code GET} shows it (making one on first use), {@code POST} rotates it (every old feed URL stops working),
 * {@code DELETE} revokes it. With {@code ?event=<id|identifier>} the answer lists that event's feed URLs. There is no
 * user id in the route, so nobody can address another user's token.
 */
@Path("/v1/calendar-token")
public class CalendarTokenResource {

    private final FeedTokens tokens;
    private final Caller caller;
    private final DownloadLinks links;

    public CalendarTokenResource(FeedTokens tokens, Caller caller, DownloadLinks links) {
        this.tokens = tokens;
        this.caller = caller;
        this.links = links;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<TokenView> get(@QueryParam("event") String event) {
        return caller.resolve().flatMap(who -> tokens.current(who.requireUser())).map(issued -> view(issued, event));
    }

    @POST
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<TokenView> rotate(@QueryParam("event") String event) {
        return caller.resolve().flatMap(who -> tokens.rotate(who.requireUser())).map(issued -> view(issued, event));
    }

    @DELETE
    public Uni<Response> revoke() {
        return caller.resolve().flatMap(who -> tokens.revoke(who.requireUser()))
                .map(ignored -> Response.noContent().build());
    }

    private TokenView view(FeedTokens.Issued issued, String event) {
        String template = links.absolute("/v1/events/{event}/my-schedule/" + issued.token() + ".ics");
        Map<String, String> urls = null;
        if (event != null && event.matches("[A-Za-z0-9_-]{1,64}")) {
            urls = new LinkedHashMap<>();
            for (Format format : Format.values()) {
                urls.put(format.taskName() + "-url", links.absolute("/v1/events/" + event + "/my-schedule/"
                        + issued.token() + "." + format.extension()));
            }
            urls.put("webcal-url", urls.get("ical-url").replaceFirst("^https?://", "webcal://"));
        }
        return new TokenView(issued.token(), issued.createdAt(), template, urls);
    }

    /** The token, since when it is valid, the URL pattern of its feeds and, for one event, the concrete URLs. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TokenView(String token, @JsonProperty("created-at") OffsetDateTime createdAt,
                            @JsonProperty("url-template") String urlTemplate, Map<String, String> urls) {
    }
}
