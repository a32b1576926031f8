package org.openevent.common.observability;

import java.util.regex.Pattern;

/**
 * The request id the gateway gives every request ({@code X-Request-Id}): it travels in that header between
 * services, as the baggage entry {@link #BAGGAGE_KEY} through the outbox and Kafka, and appears in every log line
 * as the MDC entry {@link #MDC_KEY}.
 */
public final class RequestIds {

    /** The header nginx sets from {@code $request_id} (deploy/gateway/proxy.conf). */
    public static final String HEADER = "X-Request-Id";
    /** The MDC key read by the log format ({@code %X{requestId}}) and the JSON log's {@code mdc} object. */
    public static final String MDC_KEY = "requestId";
    /** The W3C baggage entry that carries the request id across Kafka. */
    public static final String BAGGAGE_KEY = "openevent.request_id";
    /** The span attribute naming the request id. */
    public static final String SPAN_ATTRIBUTE = "openevent.request_id";

    // A client may send any header: only short, plain ids reach logs and traces.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The id when it is a plausible request id, otherwise null. */
    public static String sanitize(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : null;
    }
}
