package org.openevent.common.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.openevent.common.jsonapi.EntityTags;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.jsonapi.PreparedBody;
import org.openevent.common.jsonapi.PublicDocuments;
import org.openevent.common.resource.IncludeTree;

/**
 * Answers anonymous reads of lists and single resources ({@code GET /v1/<collection>[/<id>]}) from
 * {@link PublicDocuments} before
 * the endpoint runs; on a miss it leaves the key and token on the request, and the response filter keeps what the
 * endpoint rendered.
 */
public class PublicDocumentFilter {

    private final PublicDocuments documents;

    public PublicDocumentFilter(PublicDocuments documents) {
        this.documents = documents;
    }

    @ServerRequestFilter
    public Uni<Response> serveKept(ContainerRequestContext request, ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null || !JsonApiEndpoint.class.isAssignableFrom(method.getDeclaringClass())
                || !HttpMethod.GET.equals(request.getMethod())
                || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return Uni.createFrom().nullItem();
        }
        List<String> segments = request.getUriInfo().getPathSegments().stream().map(s -> s.getPath()).toList();
        boolean single = "get".equals(method.getName()) && segments.size() == 3;
        boolean list = "list".equals(method.getName()) && segments.size() == 2;
        if (!single && !list || !documents.covers(segments.get(1))) {
            return Uni.createFrom().nullItem();
        }
        String include = request.getUriInfo().getQueryParameters().getFirst(IncludeTree.PARAMETER);
        return documents.lookUp(segments.get(1), single ? segments.get(2) : null, include,
                request.getUriInfo().getRequestUri().getRawQuery()).map(found -> {
                    if (found.body() == null) {
                        if (found.token() != null) {
                            request.setProperty(PublicDocuments.PENDING, found);
                        }
                        return null;
                    }
                    return answer(found.body(), request.getHeaderString(HttpHeaders.IF_NONE_MATCH));
                });
    }

    private static Response answer(PreparedBody body, String ifNoneMatch) {
        if (EntityTags.matches(ifNoneMatch, body.tag())) {
            return Response.notModified().header(HttpHeaders.ETAG, body.tag()).build();
        }
        return Response.ok(body.bytes()).type(JsonApi.MEDIA_TYPE).header(HttpHeaders.ETAG, body.tag()).build();
    }
}
