package org.openevent.common.resource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;
import org.openevent.common.contract.ResourceOwners;
import org.openevent.common.internal.InternalAuth;
import org.openevent.common.internal.InternalConfig;
import org.openevent.common.jsonapi.ApiException;

/**
 * Fetches resources that other services own, for includes and related routes: one bounded call per type and
 * request ({@code GET /internal/resources/<type>?ids=...}), with the caller's credentials forwarded so the owner
 * applies its own visibility rules, the shared internal secret, a timeout and a breaker per service. A failure
 * is a 503 for the client, never a document that silently lacks what it asked for.
 */
@ApplicationScoped
public class RemoteResources {


    private final HttpClient client;
    private final Config config;
    private final InternalConfig internal;
    private final ObjectMapper mapper;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Duration timeout;

    public RemoteResources(Vertx vertx, Config config, InternalConfig internal, ObjectMapper mapper) {
        this.timeout = config.getOptionalValue("openevent.remote.timeout", Duration.class).orElse(Duration.ofSeconds(5));
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setConnectTimeout((int) Math.min(timeout.toMillis(), 2_000)).setMaxPoolSize(32));
        this.config = config;
        this.internal = internal;
        this.mapper = mapper;
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    /** The document of the given resources (those the caller may see) with what {@code include} asks for. */
    public Uni<JsonNode> byIds(String type, Collection<Long> ids, String include, Fieldsets fields,
                               String authorization) {
        return byIdsAnswer(type, ids, include, fields, authorization).map(this::parse);
    }

    /** The same as {@link #byIds}, read for passing through into a compound document. */
    public Uni<RemoteDocument> byIdsDocument(String type, Collection<Long> ids, String include, Fieldsets fields,
                                             String authorization) {
        return byIdsAnswer(type, ids, include, fields, authorization).map(this::read);
    }

    /** The children of a collection under each event, e.g. the sessions of events 1 and 2. */
    public Uni<JsonNode> eventChildren(String collection, String ownerType, Collection<Long> eventIds,
                                       String include, Fieldsets fields, String authorization) {
        return eventChildrenAnswer(collection, ownerType, eventIds, include, fields, authorization).map(this::parse);
    }

    /** The same as {@link #eventChildren}, read for passing through into a compound document. */
    public Uni<RemoteDocument> eventChildrenDocument(String collection, String ownerType, Collection<Long> eventIds,
                                                     String include, Fieldsets fields, String authorization) {
        return eventChildrenAnswer(collection, ownerType, eventIds, include, fields, authorization).map(this::read);
    }

    /**
     * The committed content version of an event at its owner {@code service} (which serves
     * {@code /internal/events/<id>/content-version}): it changes with every change the service could render into a
     * public document of the event.
     */
    public Uni<Long> contentVersion(String service, long eventId) {
        return get(service, "/internal/events/" + eventId + "/content-version", Map.of(), null)
                .map(body -> parse(body).path("version").asLong(-1));
    }

    private Uni<Buffer> byIdsAnswer(String type, Collection<Long> ids, String include, Fieldsets fields,
                                    String authorization) {
        return get(ResourceOwners.ownerOf(type), "/internal/resources/" + type,
                query(fields, "ids", ids, include), authorization);
    }

    private Uni<Buffer> eventChildrenAnswer(String collection, String ownerType, Collection<Long> eventIds,
                                            String include, Fieldsets fields, String authorization) {
        return get(ResourceOwners.ownerOf(ownerType), "/internal/children/" + collection,
                query(fields, "events", eventIds, include), authorization);
    }

    private static Map<String, String> query(Fieldsets fields, String idsParameter, Collection<Long> ids,
                                             String include) {
        Map<String, String> query = new java.util.LinkedHashMap<>(fields.parameters());
        query.put(idsParameter, ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
        if (include != null && !include.isEmpty()) {
            query.put("include", include);
        }
        return query;
    }

    /** The body of the owner's 200 answer; a 400 becomes the client's 400, anything else a 503. */
    private Uni<Buffer> get(String service, String path, Map<String, String> query, String authorization) {
        if (service == null) {
            return Uni.createFrom().failure(new IllegalStateException("No service owns " + path));
        }
        CircuitBreaker breaker = breakers.computeIfAbsent(service, name -> new CircuitBreaker(10, 5_000));
        if (!breaker.allows()) {
            return Uni.createFrom().failure(unavailable(service));
        }
        String base = config.getOptionalValue("openevent.services." + service + ".url", String.class)
                .orElseThrow(() -> new IllegalStateException("openevent.services." + service + ".url is not set"));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(base + path + "?"
                        + query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&")))
                .setTimeout(timeout.toMillis());
        internal.secret().ifPresent(secret -> options.putHeader(InternalAuth.HEADER, secret));
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        return client.request(options)
                .flatMap(request -> request.send())
                .flatMap(response -> response.body().map(body -> new Answer(response.statusCode(), body)))
                .onItemOrFailure().transformToUni((answer, failure) -> {
                    if (failure != null || answer.status() >= 500) {
                        breaker.failed();
                        return Uni.createFrom().failure(unavailable(service));
                    }
                    breaker.succeeded();
                    if (answer.status() == 400) {
                        JsonNode detail = parse(answer.body()).path("errors").path(0).path("detail");
                        return Uni.createFrom().failure(
                                ApiException.badRequest("include", detail.asText("Invalid include.")));
                    }
                    if (answer.status() != 200) {
                        return Uni.createFrom().failure(unavailable(service));
                    }
                    return Uni.createFrom().item(answer.body());
                });
    }

    private record Answer(int status, Buffer body) {
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private JsonNode parse(Buffer body) {
        try {
            return mapper.readTree(bytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable answer from another service", e);
        }
    }

    private RemoteDocument read(Buffer body) {
        try {
            return RemoteDocument.read(mapper.getFactory(), bytes(body));
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable answer from another service", e);
        }
    }

    private static byte[] bytes(Buffer body) {
        return body == null ? new byte[0] : body.getBytes();
    }

    private static ApiException unavailable(String service) {
        return ApiException.unavailable("Related data could not be loaded from " + service + "; try again shortly.");
    }
}
