package org.openevent.common.observability;

import io.opentelemetry.api.trace.Span;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Puts the caller's {@code X-Request-Id} into the request's log context and onto its server span. */
public class RequestIdFilter {

    @ServerRequestFilter(preMatching = true)
    public void capture(ContainerRequestContext request) {
        String id = RequestIds.sanitize(request.getHeaderString(RequestIds.HEADER));
        if (id != null) {
            MDC.put(RequestIds.MDC_KEY, id);
            Span.current().setAttribute(RequestIds.SPAN_ATTRIBUTE, id);
        }
    }
}
