package org.openevent.common.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.JsonApiExceptionMappers;

/**
 * Guards the service-to-service routes under {@code /internal}: only a caller presenting the shared secret in
 * {@link #HEADER} gets through. Everyone else gets the same 404 as for a route that does not exist, so the
 * routes are not even discoverable; the gateway never forwards {@code /internal} and strips the header.
 */
public class InternalAuth {

    public static final String HEADER = "X-OpenEvent-Internal";
    public static final String PREFIX = "/internal/";

    private final byte[] secret;

    public InternalAuth(InternalConfig config) {
        this.secret = config.secret().filter(s -> !s.isBlank()).map(s -> s.getBytes(StandardCharsets.UTF_8))
                .orElse(null);
    }

    @ServerRequestFilter(preMatching = true)
    public Response guard(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith(PREFIX) && !path.equals("/internal")) {
            return null;
        }
        return accepts(request.getHeaderString(HEADER)) ? null
                : JsonApiExceptionMappers.respond(404, List.of(ApiException.notFound("Route").toErrorObject()));
    }

    boolean accepts(String presented) {
        return secret != null && presented != null
                && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }
}
