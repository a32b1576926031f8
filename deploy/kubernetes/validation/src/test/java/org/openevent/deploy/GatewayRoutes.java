package org.openevent.deploy;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPPathMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteMatch;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The Kubernetes gateway's routing as Envoy Gateway (like Contour and NGINX Gateway Fabric) does it with the
 * rendered HTTPRoutes: an Exact match wins, then a RegularExpression matching the whole path, then the longest
 * PathPrefix, matched element by element (a trailing slash in the value is ignored, as the Gateway API specifies).
 */
final class GatewayRoutes {

    /** One path match and the Service its rule sends to. */
    record Match(String type, String value, String backend) {
    }

    final List<Match> matches = new ArrayList<>();

    GatewayRoutes(List<HTTPRoute> routes) {
        for (HTTPRoute route : routes) {
            for (HTTPRouteRule rule : route.getSpec().getRules()) {
                if (rule.getBackendRefs().size() != 1) {
                    throw new AssertionError(route.getMetadata().getName() + ": a rule sends to exactly one service");
                }
                String backend = rule.getBackendRefs().get(0).getName();
                for (HTTPRouteMatch match : rule.getMatches()) {
                    HTTPPathMatch path = match.getPath();
                    matches.add(new Match(path.getType(), path.getValue(), backend));
                }
            }
        }
    }

    /** The Service the path goes to, or null when no route claims it (the gateway answers 404). */
    String route(String path) {
        for (Match match : matches) {
            if (match.type().equals("Exact") && match.value().equals(path)) {
                return match.backend();
            }
        }
        Set<String> byRegex = matches.stream()
                .filter(m -> m.type().equals("RegularExpression") && Pattern.compile(m.value()).matcher(path).matches())
                .map(Match::backend).collect(Collectors.toSet());
        if (byRegex.size() > 1) {
            throw new AssertionError(path + " matches regexes of " + byRegex + ": their order is up to the gateway");
        }
        if (byRegex.size() == 1) {
            return byRegex.iterator().next();
        }
        Optional<Match> prefix = matches.stream()
                .filter(m -> m.type().equals("PathPrefix") && prefixMatches(m.value(), path))
                .max(Comparator.comparingInt(m -> m.value().length()));
        return prefix.map(Match::backend).orElse(null);
    }

    private static boolean prefixMatches(String value, String path) {
        String prefix = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        return path.equals(prefix) || path.startsWith(prefix.endsWith("/") ? prefix : prefix + "/");
    }
}
