package org.openevent.export.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import org.openevent.common.security.Caller;
import org.openevent.export.calendar.Format;
import org.openevent.export.service.FeedService;

/**
 * Live calendar feeds, answered with plain GETs (calendar apps and {@code webcal://} subscriptions send no
 * Authorization header and whatever Accept they like):
 * <ul>
 *   <li>{@code /v1/events/{id|identifier}.ics} (also {@code .xcs} xCal, {@code .jcal} jCal, {@code .xml} Pentabarf)
 *       with the original's flags {@code include_sessions}, {@code download} (attachment) and {@code my_schedule}
 *       (the signed-in caller's favourites; never another user's), plus {@code exclude_cancelled};</li>
 *   <li>{@code /v1/events/{event}/tracks/{id}.ics}, {@code /microlocations/{id}.ics}, {@code /speakers/{id}.ics};</li>
 *   <li>{@code /v1/events/{event}/my-schedule/{token}.ics}: a user's favourites behind their secret token.</li>
 * </ul>
 * Presence-only flags are on when the parameter is present without a value or with anything but
 * {@code false}/{@code 0}, as in the original.
 */
// Same class path as ExportResource: JAX-RS picks one resource class by its path first, so a class on /v1/events
// would hide /v1/events/{x}/export/*.
@Path("/v1")
public class FeedResource {

    private static final String EXTENSIONS = "ics|xcs|jcal|xml";

    private final FeedService service;
    private final Caller caller;
    private final Streams streams;

    public FeedResource(FeedService service, Caller caller, Streams streams) {
        this.service = service;
        this.caller = caller;
        this.streams = streams;
    }

    @GET
    @Path("/events/{reference: [^/.]+}.{extension: " + EXTENSIONS + "}")
    public RestMulti<byte[]> event(@PathParam("reference") String reference, @PathParam("extension") String extension,
                                   @Context UriInfo uri,
                                   @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                   @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return feed(new FeedService.Query(reference, FeedService.Scope.EVENT, null, format(extension),
                flag(uri, "include_sessions"), flag(uri, "my_schedule"), flag(uri, "exclude_cancelled"), ifNoneMatch,
                ifModifiedSince), flag(uri, "download"));
    }

    @GET
    @Path("/events/{reference}/{scope: tracks|microlocations|speakers}/{key: [^/.]+}.{extension: " + EXTENSIONS + "}")
    public RestMulti<byte[]> scoped(@PathParam("reference") String reference, @PathParam("scope") String scope,
                                    @PathParam("key") String key, @PathParam("extension") String extension,
                                    @Context UriInfo uri,
                                    @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                    @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        FeedService.Scope chosen = switch (scope) {
            case "tracks" -> FeedService.Scope.TRACK;
            case "microlocations" -> FeedService.Scope.ROOM;
            default -> FeedService.Scope.SPEAKER;
        };
        return feed(new FeedService.Query(reference, chosen, key, format(extension), true, false,
                flag(uri, "exclude_cancelled"), ifNoneMatch, ifModifiedSince), flag(uri, "download"));
    }

    @GET
    @Path("/events/{reference}/my-schedule/{token: [^/.]+}.{extension: " + EXTENSIONS + "}")
    public RestMulti<byte[]> mySchedule(@PathParam("reference") String reference, @PathParam("token") String token,
                                        @PathParam("extension") String extension,
                                        @Context UriInfo uri,
                                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                        @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
        return feed(new FeedService.Query(reference, FeedService.Scope.MY_SCHEDULE, token, format(extension), true,
                false, flag(uri, "exclude_cancelled"), ifNoneMatch, ifModifiedSince), flag(uri, "download"));
    }

    private RestMulti<byte[]> feed(FeedService.Query query, boolean download) {
        return streams.answer(caller.resolve().flatMap(who -> service.feed(who, query)).map(feed -> {
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put(HttpHeaders.ETAG, List.of(feed.etag()));
            headers.put(HttpHeaders.LAST_MODIFIED, List.of(DateTimeFormatter.RFC_1123_DATE_TIME.format(feed.lastModified())));
            headers.put(HttpHeaders.CACHE_CONTROL, List.of((feed.personal() ? "private" : "public") + ", max-age="
                    + feed.maxAgeSeconds()));
            if (feed.notModified()) {
                return Streams.Answer.notModified(headers);
            }
            headers.put(HttpHeaders.CONTENT_TYPE, List.of(feed.format().contentType()));
            headers.put("Content-Disposition", List.of((download ? "attachment" : "inline") + "; filename=\""
                    + feed.fileName() + "\""));
            headers.put(HttpHeaders.CONTENT_LENGTH, List.of(String.valueOf(feed.length())));
            return new Streams.Answer(200, headers, feed.body());
        }));
    }

    private static Format format(String extension) {
        return Format.byExtension(extension).orElseThrow();
    }

    /** A presence-only flag: on when given, with no value or any value but {@code false} or {@code 0}. */
    private static boolean flag(UriInfo uri, String name) {
        List<String> values = uri.getQueryParameters().get(name);
        return values != null && values.stream().noneMatch(v -> v.equalsIgnoreCase("false") || v.equals("0"));
    }
}
