package org.openevent.common.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.UriInfo;
import org.openevent.common.resource.ApiRequest;
import org.openevent.common.security.Caller;

/** Builds the kit's view of an HTTP request: the resolved caller, the query, forwarded credentials, preconditions. */
final class Requests {

    private Requests() {
    }

    static Uni<ApiRequest> of(Caller caller, UriInfo uri, HttpHeaders headers) {
        return caller.resolve().map(who -> new ApiRequest(who, uri.getQueryParameters(),
                headers.getHeaderString(HttpHeaders.AUTHORIZATION), headers.getHeaderString(HttpHeaders.IF_MATCH)));
    }
}
