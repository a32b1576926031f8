package org.openevent.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPCORSFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteFilter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kubernetes gateway routes like the local nginx: the generated HTTPRoutes are not stale, every route of the local
 * gateway has its twin, and both send each path the frontend requests (and the sample paths of every route, the
 * service-to-service paths and the resource types' collections) to the same service; CORS and the stripped internal
 * header are the local gateway's; every route sends to an existing Service port and hangs on the Gateway.
 */
class GatewayTests {

    static final String SAMPLE_ID = "42";

    static List<String> overlays() {
        return Manifests.overlays();
    }

    @Test
    void theCommittedRoutesAreWhatTheGeneratorMakesOfTheLocalGateway() throws Exception {
        String python = Tools.onPath("python3").map(Object::toString)
                .orElseThrow(() -> new AssertionError("python3 is needed to run deploy/kubernetes/generate-routes.py"));
        Process process = new ProcessBuilder(python, "deploy/kubernetes/generate-routes.py", "--check")
                .directory(Repository.ROOT.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), output);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPathGoesToTheSameServiceAsThroughTheLocalGateway(String overlay) {
        NginxRoutes nginx = new NginxRoutes();
        GatewayRoutes gateway = new GatewayRoutes(Manifests.of(overlay).all(HTTPRoute.class));
        List<String> disagreements = new ArrayList<>();
        Set<String> corpus = corpus(nginx);
        for (String path : corpus) {
            String local = nginx.route(path);
            String cluster = gateway.route(path);
            if (local == null ? cluster != null : !local.equals(cluster)) {
                disagreements.add(path + ": local gateway " + local + ", Kubernetes " + cluster);
            }
        }
        assertTrue(disagreements.isEmpty(), overlay + ": the gateways disagree:\n" + String.join("\n", disagreements));
        assertTrue(corpus.size() > 40, "the corpus is too small to mean much: " + corpus.size());
        System.out.printf("%s: %d paths routed alike by nginx and the HTTPRoutes%n", overlay, corpus.size());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRouteOfTheLocalGatewayHasItsTwin(String overlay) {
        GatewayRoutes gateway = new GatewayRoutes(Manifests.of(overlay).all(HTTPRoute.class));
        for (NginxRoutes.Location location : new NginxRoutes().locations) {
            if (location.upstream() == null) {
                continue;
            }
            String type = switch (location.modifier()) {
                case "=" -> "Exact";
                case "~" -> "RegularExpression";
                default -> "PathPrefix";
            };
            String value = type.equals("RegularExpression") && !location.path().endsWith("$")
                    ? location.path() + ".*" : location.path();
            assertTrue(gateway.matches.contains(new GatewayRoutes.Match(type, value, location.upstream())),
                    overlay + ": " + location.source() + " (" + location.modifier() + " " + location.path() + " -> "
                            + location.upstream() + ") has no HTTPRoute twin");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void routesHangOnTheGatewaySendToExistingServicesAndDoCorsAsTheLocalGateway(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Gateway gateway = manifests.all(Gateway.class).get(0);
        gateway.getSpec().getListeners().stream().filter(listener -> listener.getTls() != null)
                .flatMap(listener -> listener.getTls().getCertificateRefs().stream()).forEach(certificate -> {
                    Pods.requireSecretKey(certificate.getName(), "tls.crt", overlay + " Gateway");
                    Pods.requireSecretKey(certificate.getName(), "tls.key", overlay + " Gateway");
                });
        Map<String, String> cors = localCors();
        for (HTTPRoute route : manifests.all(HTTPRoute.class)) {
            String name = overlay + " HTTPRoute " + route.getMetadata().getName();
            assertTrue(route.getSpec().getParentRefs().stream()
                    .anyMatch(p -> p.getName().equals(gateway.getMetadata().getName())), name + " hangs on no Gateway");
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                rule.getBackendRefs().forEach(ref -> {
                    Service service = manifests.one(Service.class, ref.getName());
                    assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getPort().equals(ref.getPort())),
                            name + " sends to port " + ref.getPort() + " of " + ref.getName());
                });
                HTTPCORSFilter filter = rule.getFilters().stream().map(HTTPRouteFilter::getCors)
                        .filter(java.util.Objects::nonNull).findFirst()
                        .orElseThrow(() -> new AssertionError(name + " answers no CORS"));
                assertEquals(List.of("*"), filter.getAllowOrigins(), name + ": any origin, as the local gateway");
                assertEquals(split(cors.get("methods")), filter.getAllowMethods(), name);
                assertEquals(split(cors.get("headers")), filter.getAllowHeaders(), name);
                assertEquals(split(cors.get("expose")), filter.getExposeHeaders(), name);
                assertEquals(Integer.valueOf(cors.get("max-age")), filter.getMaxAge(), name);
                assertTrue(rule.getFilters().stream().anyMatch(f -> f.getRequestHeaderModifier() != null
                                && f.getRequestHeaderModifier().getRemove().contains("X-OpenEvent-Internal")),
                        name + " must strip a client-sent X-OpenEvent-Internal, as proxy.conf does");
            }
        }
    }

    /** The CORS values of deploy/gateway/cors-maps.conf and cors.conf. */
    static Map<String, String> localCors() {
        String maps = Repository.read("deploy/gateway/cors-maps.conf");
        Matcher expose = Pattern.compile("Access-Control-Expose-Headers \"([^\"]*)\"")
                .matcher(Repository.read("deploy/gateway/cors.conf"));
        assertTrue(expose.find(), "cors.conf exposes no headers");
        return Map.of("methods", preflightValue(maps, "cors_preflight_methods"),
                "headers", preflightValue(maps, "cors_preflight_headers"),
                "max-age", preflightValue(maps, "cors_preflight_max_age"), "expose", expose.group(1));
    }

    private static String preflightValue(String maps, String variable) {
        Matcher map = Pattern.compile("\\$" + variable + "\\s*\\{[^}]*?OPTIONS\\s+\"([^\"]*)\"", Pattern.DOTALL)
                .matcher(maps);
        assertTrue(map.find(), "cors-maps.conf has no OPTIONS value for $" + variable);
        return map.group(1);
    }

    private static List<String> split(String list) {
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The paths both gateways are compared on: every request the frontend was seen to make, sample paths of every
     * location (including nginx's string-prefix cases such as /v1/speakers-calls), the internal routes, and the
     * collections of every resource type common's ResourceOwners knows.
     */
    static Set<String> corpus(NginxRoutes nginx) {
        Set<String> paths = new LinkedHashSet<>();
        Matcher request = Pattern.compile("^### [A-Z]+ `([^`]+)`", Pattern.MULTILINE).matcher(frontendRequests());
        while (request.find()) {
            paths.add(request.group(1).replace("{id}", SAMPLE_ID).replace("{identifier}", "b5a3c1d2")
                    .replace("{uuid}", "3f2a9c4e-0000-4000-8000-000000000001"));
        }
        for (NginxRoutes.Location location : nginx.locations) {
            switch (location.modifier()) {
                case "=" -> paths.add(location.path());
                case "~" -> paths.addAll(samples(location.path()));
                default -> {
                    String p = location.path();
                    if (p.endsWith("/")) {
                        paths.addAll(List.of(p, p + SAMPLE_ID, p + SAMPLE_ID + "/relationships/event"));
                    } else {
                        paths.addAll(List.of(p, p + "/", p + "/" + SAMPLE_ID, p + "-calls/" + SAMPLE_ID, p + "x"));
                    }
                }
            }
        }
        paths.addAll(List.of("/internal/events/42/schedule-version", "/internal/users/42", "/v1/users-events-roles",
                "/v1/events/42/speakers-call", "/v1/events/42/export/ical", "/v1/events/42/exports", "/v1/events/"));
        Matcher type = Pattern.compile("Map\\.entry\\(\"([a-z-]+)\",")
                .matcher(Repository.read("common/src/main/java/org/openevent/common/contract/ResourceOwners.java"));
        while (type.find()) {
            paths.add("/v1/" + type.group(1) + "s");
            paths.add("/v1/" + type.group(1) + "s/" + SAMPLE_ID);
            paths.add("/v1/events/" + SAMPLE_ID + "/" + type.group(1) + "s");
        }
        return paths;
    }

    /**
     * Paths a route's regex matches: {@code [^/]+} and {@code [^/.]+} become an id, each alternative of a group is taken in turn (and none for an optional group), and
     * an alternative that ends the path ({@code $}) or starts a query string is kept as the bare path.
     */
    static List<String> samples(String regex) {
        List<String> results = new ArrayList<>(List.of(""));
        String rest = regex.startsWith("^") ? regex.substring(1) : regex;
        while (!rest.isEmpty()) {
            List<String> options;
            if (rest.startsWith("[^/]+") || rest.startsWith("[^/]*")) {
                options = List.of(SAMPLE_ID);
                rest = rest.substring(5);
            } else if (rest.startsWith("[^/.]+")) {
                options = List.of(SAMPLE_ID);
                rest = rest.substring(6);
            } else if (rest.startsWith("(")) {
                int close = rest.indexOf(')');
                options = Arrays.stream(rest.substring(1, close).split("\\|"))
                        .map(alternative -> alternative.equals("$") || alternative.equals("\\?") ? ""
                                : alternative.replace("[^/.]*", SAMPLE_ID).replace("[^/.]+", SAMPLE_ID)
                                        .replace("[^/]+", SAMPLE_ID).replace("\\", ""))
                        .toList();
                rest = rest.substring(close + 1);
                if (rest.startsWith("?")) {
                    options = java.util.stream.Stream.concat(java.util.stream.Stream.of(""), options.stream()).toList();
                    rest = rest.substring(1);
                }
            } else if (rest.startsWith("\\")) {
                options = List.of(rest.substring(1, 2));
                rest = rest.substring(2);
            } else if (rest.equals("$") || rest.equals(".*")) {
                break;
            } else if ("[]*+?.|{}".indexOf(rest.charAt(0)) >= 0) {
                throw new AssertionError("Teach GatewayTests.samples the regex construct at '" + rest + "' of " + regex);
            } else {
                options = List.of(rest.substring(0, 1));
                rest = rest.substring(1);
            }
            List<String> next = new ArrayList<>();
            for (String prefix : results) {
                for (String option : options) {
                    next.add(prefix + option);
                }
            }
            results = next;
        }
        List<String> extended = new ArrayList<>(results);
        results.forEach(path -> extended.add(path + (path.endsWith("/") ? "" : "/") + SAMPLE_ID));
        return extended;
    }

    /** The frontend's observed requests (shared/reference beside the checkout), or nothing where it is absent. */
    private static String frontendRequests() {
        var path = Repository.ROOT.resolveSibling("shared/reference/frontend-requests.md");
        if (!java.nio.file.Files.exists(path)) {
            System.out.println("GatewayTests: " + path + " is absent; comparing on the other paths only");
            return "";
        }
        try {
            return java.nio.file.Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
