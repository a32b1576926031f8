package org.openevent.e2e.conformance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway's routing table as nginx applies it: which upstream a path reaches, read from
 * {@code deploy/gateway/routes.conf} and the locations of {@code nginx.conf.template}, matched the way nginx
 * matches locations (exact, then the longest prefix unless it is {@code ^~}, then regexes in file order).
 */
final class GatewayRoutes {

    private static final Pattern LOCATION = Pattern.compile("location\\s+(=|\\^~|~\\*|~)?\\s*(\\S+)\\s*\\{");
    private static final Pattern PROXY = Pattern.compile("proxy_pass\\s+http://([\\w-]+)");
    private static final Pattern RETURN = Pattern.compile("return\\s+(\\d{3})");

    private final List<Location> locations = new ArrayList<>();

    /** One location: its modifier ("" for a plain prefix), its pattern and where it sends requests. */
    record Location(String modifier, String pattern, String target) {
    }

    static GatewayRoutes load() {
        GatewayRoutes routes = new GatewayRoutes();
        // nginx.conf.template includes routes.conf before its own locations.
        routes.read(Platform.REPOSITORY.resolve("deploy/gateway/routes.conf"));
        routes.read(Platform.REPOSITORY.resolve("deploy/gateway/nginx.conf.template"));
        return routes;
    }

    private void read(Path file) {
        String text;
        try {
            text = Files.readString(file).replaceAll("(?m)#.*$", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher location = LOCATION.matcher(text);
        while (location.find()) {
            String block = block(text, location.end());
            Matcher proxy = PROXY.matcher(block);
            Matcher answer = RETURN.matcher(block);
            String target = proxy.find() ? proxy.group(1) : answer.find() ? "return " + answer.group(1) : "other";
            locations.add(new Location(location.group(1) == null ? "" : location.group(1), location.group(2), target));
        }
    }

    /** The text up to the brace closing the block that starts at {@code start}. */
    private static String block(String text, int start) {
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }

    /** Where the gateway sends {@code path} (decoded, no query): an upstream name, or e.g. "return 404". */
    String targetOf(String path) {
        for (Location location : locations) {
            if (location.modifier().equals("=") && location.pattern().equals(path)) {
                return location.target();
            }
        }
        Location longest = null;
        for (Location location : locations) {
            if ((location.modifier().isEmpty() || location.modifier().equals("^~"))
                    && path.startsWith(location.pattern())
                    && (longest == null || location.pattern().length() > longest.pattern().length())) {
                longest = location;
            }
        }
        if (longest != null && longest.modifier().equals("^~")) {
            return longest.target();
        }
        for (Location location : locations) {
            if (location.modifier().startsWith("~")) {
                int flags = location.modifier().equals("~*") ? Pattern.CASE_INSENSITIVE : 0;
                if (Pattern.compile(location.pattern(), flags).matcher(path).find()) {
                    return location.target();
                }
            }
        }
        return longest == null ? "none" : longest.target();
    }
}
