package org.openevent.common.jsonapi;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Finishes every answer: JSON:API documents and error documents go out as exactly {@code application/vnd.api+json}
 * (JSON:API 1.0 forbids media type parameters), other JSON as {@code application/json}. Successful GETs are
 * serialized here once, tagged with a strong ETag over the exact bytes, and a matching {@code If-None-Match}
 * becomes a bodiless 304. Large documents are serialized and hashed on a worker thread, not the event loop. Answers
 * to other services ({@code /internal/...}) are serialized the same way but not tagged: no caller reads their tags,
 * and hashing a large document costs as much as serializing it. Anonymous reads that
 * {@link PublicDocuments} covers are kept there once serialized.
 */
public class JsonApiResponseFilter {

    public static final MediaType JSON_API = MediaType.valueOf(JsonApi.MEDIA_TYPE);
    /** Documents with more members than this are serialized off the event loop. */
    static final int LARGE = 200;
    /** The path prefix of routes that only other services call. */
    static final String INTERNAL = "/internal/";

    private final EntityTags tags;
    private final Vertx vertx;
    private final PublicDocuments documents;

    public JsonApiResponseFilter(EntityTags tags, Vertx vertx, PublicDocuments documents) {
        this.tags = tags;
        this.vertx = vertx;
        this.documents = documents;
    }

    @ServerResponseFilter
    public Uni<Void> finish(ContainerRequestContext request, ContainerResponseContext response) {
        if (!response.hasEntity()) {
            return Uni.createFrom().voidItem();
        }
        Object entity = response.getEntity();
        MediaType type = mediaTypeOf(entity, response.getMediaType());
        if (type == null) {
            return Uni.createFrom().voidItem();
        }
        response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, type.toString());
        if (!HttpMethod.GET.equals(request.getMethod()) || response.getStatus() != 200) {
            return Uni.createFrom().voidItem();
        }
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        boolean tagged = !request.getUriInfo().getPath().startsWith(INTERNAL);
        Uni<byte[]> body = isLarge(entity)
                ? vertx.executeBlocking(Uni.createFrom().item(() -> tags.bytes(entity)))
                : Uni.createFrom().item(tags.bytes(entity));
        return body.invoke(bytes -> {
            if (!tagged) {
                response.setEntity(bytes, null, type);
                return;
            }
            String tag = EntityTags.of(bytes);
            if (request.getProperty(PublicDocuments.PENDING) instanceof PublicDocuments.Lookup pending) {
                documents.keep(pending.key(), pending.token(), new PreparedBody(bytes, tag));
            }
            send(response, bytes, tag, ifNoneMatch, type);
        }).replaceWithVoid();
    }

    /** The tagged body, or a bodiless 304 when the client's {@code If-None-Match} names its tag. */
    private static void send(ContainerResponseContext response, byte[] bytes, String tag, String ifNoneMatch,
                             MediaType type) {
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        if (EntityTags.matches(ifNoneMatch, tag)) {
            response.setStatus(304);
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        } else {
            response.setEntity(bytes, null, type);
        }
    }

    /** The exact media type to send, or null for answers that are not JSON (files, calendars). */
    static MediaType mediaTypeOf(Object entity, MediaType negotiated) {
        if (entity instanceof Document || entity instanceof ErrorDocument
                || entity instanceof java.util.Map<?, ?> map && (map.containsKey("errors") || map.containsKey("data"))) {
            return JSON_API;
        }
        if (entity instanceof byte[] || entity instanceof String || entity instanceof java.io.InputStream) {
            return null;
        }
        if (negotiated != null && !negotiated.getSubtype().endsWith("json")) {
            return null;
        }
        return MediaType.APPLICATION_JSON_TYPE;
    }

    private static boolean isLarge(Object entity) {
        if (entity instanceof Document document) {
            int members = document.data() instanceof List<?> list ? list.size() : 1;
            return members + (document.included() == null ? 0 : document.included().size()) > LARGE;
        }
        return false;
    }
}
