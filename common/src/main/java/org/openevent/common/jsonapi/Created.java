package org.openevent.common.jsonapi;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The 201 answer to a POST: the new resource's document with a relative {@code Location} header. */
public final class Created {

    private Created() {
    }

    public static Response of(ResourceObject resource) {
        // A relative Location stays right behind the gateway, where the service's own host is meaningless.
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, resource.links().get("self"))
                .type(JsonApi.MEDIA_TYPE)
                .entity(Document.single(resource))
                .build();
    }
}
