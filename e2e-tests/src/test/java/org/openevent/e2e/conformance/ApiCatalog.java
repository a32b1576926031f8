package org.openevent.e2e.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every route the services document in their {@code /q/openapi}, read from each service's own port, with the
 * gateway's routing applied: a route counts as public when the gateway sends its path to the service that
 * documents it. Service-to-service routes ({@code /internal}) are never public.
 */
final class ApiCatalog {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** A documented query parameter and its schema type. */
    record QueryParameter(String name, String type) {
    }

    /** One documented route. */
    record Operation(String service, String method, String path, List<String> pathVariables,
                     List<QueryParameter> query, String bodyMediaType, String description) {

        String key() {
            return method + " " + path;
        }

        boolean hasBody() {
            return bodyMediaType != null;
        }

        boolean writes() {
            return !method.equals("GET");
        }
    }

    final List<Operation> routes = new ArrayList<>();
    final List<Operation> shadowed = new ArrayList<>();

    static ApiCatalog load(Http http, GatewayRoutes gateway) {
        ApiCatalog catalog = new ApiCatalog();
        for (Platform.Service service : Platform.SERVICES.values()) {
            Answer answer = http.direct(service.uri("/q/openapi?format=json"));
            if (answer.status() != 200 || answer.json() == null) {
                throw new IllegalStateException(service.name() + " did not serve /q/openapi: " + answer.summary());
            }
            for (Iterator<Map.Entry<String, JsonNode>> paths = answer.json().path("paths").fields(); paths.hasNext(); ) {
                Map.Entry<String, JsonNode> path = paths.next();
                if (path.getKey().startsWith("/internal")) {
                    continue;
                }
                for (String method : METHODS) {
                    JsonNode operation = path.getValue().path(method);
                    if (operation.isMissingNode()) {
                        continue;
                    }
                    Operation route = operation(service.name(), method, path.getKey(), path.getValue(), operation);
                    String target = gateway.targetOf(sample(path.getKey()));
                    (target.equals(service.name()) ? catalog.routes : catalog.shadowed).add(route);
                }
            }
        }
        return catalog;
    }

    private static Operation operation(String service, String method, String path, JsonNode item, JsonNode operation) {
        List<String> variables = new ArrayList<>();
        Matcher variable = VARIABLE.matcher(path);
        while (variable.find()) {
            variables.add(variable.group(1));
        }
        List<QueryParameter> query = new ArrayList<>();
        for (JsonNode parameters : List.of(item.path("parameters"), operation.path("parameters"))) {
            for (JsonNode parameter : parameters) {
                if ("query".equals(parameter.path("in").asText())) {
                    query.add(new QueryParameter(parameter.path("name").asText(),
                            parameter.path("schema").path("type").asText("string")));
                }
            }
        }
        Iterator<String> media = operation.path("requestBody").path("content").fieldNames();
        String description = operation.path("description").asText(operation.path("summary").asText(""));
        return new Operation(service, method.toUpperCase(Locale.ROOT), path, variables, query,
                media.hasNext() ? media.next() : null, description);
    }

    /** A concrete path standing for a template, to ask the gateway where it goes. */
    static String sample(String template) {
        return VARIABLE.matcher(template).replaceAll("1");
    }
}
