package org.openevent.export.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestMulti;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.ErrorDocument;
import org.openevent.common.jsonapi.JsonApi;

/**
 * Streamed answers (files and feeds): status and headers are decided before the first byte, the body follows in
 * chunks. An answer whose length is known says so and is not chunk-encoded; a failure before streaming becomes the
 * usual JSON:API error document with its status.
 */
@ApplicationScoped
public class Streams {

    private static final Logger LOG = Logger.getLogger(Streams.class);

    private final ObjectMapper mapper;
    private final CurrentVertxRequest request;

    public Streams(ObjectMapper mapper, CurrentVertxRequest request) {
        this.mapper = mapper;
        this.request = request;
    }

    /** A status, headers, and the body's chunks. */
    public record Answer(int status, Map<String, List<String>> headers, Multi<byte[]> body) {

        static Answer notModified(Map<String, List<String>> headers) {
            return new Answer(304, headers, Multi.createFrom().empty());
        }
    }

    RestMulti<byte[]> answer(Uni<Answer> answer) {
        RoutingContext routing = request.getCurrent();
        if (routing != null) {
            // Streamed answers are always switched to chunked transfer, even with a Content-Length, and sending both
            // breaks HTTP/1.1 (the length must then be ignored). A known length is what clients read best.
            routing.addHeadersEndHandler(ignored -> {
                HttpServerResponse response = routing.response();
                if (response.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                    response.setChunked(false);
                }
            });
        }
        Uni<Answer> safe = answer.onFailure().recoverWithItem(this::error);
        return RestMulti.fromUniResponse(safe, Answer::body, Answer::headers, Answer::status);
    }

    private Answer error(Throwable failure) {
        ApiException problem = failure instanceof ApiException api ? api : null;
        if (problem == null) {
            LOG.error("A streamed answer failed before it started", failure);
            problem = new ApiException(500, "Unknown error", "An unexpected error occurred.", null, null);
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Content-Type", List.of(JsonApi.MEDIA_TYPE));
        String error = problem.status() == 401 ? problem.getMessage() : null;
        try {
            byte[] body = mapper.writeValueAsBytes(new ErrorDocument(problem.toErrorObjects(), JsonApi.VERSION, error));
            return new Answer(problem.status(), headers, Multi.createFrom().item(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An error document always serializes", e);
        }
    }
}
