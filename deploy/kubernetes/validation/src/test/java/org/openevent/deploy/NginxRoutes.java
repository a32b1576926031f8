package org.openevent.deploy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local gateway's routing as nginx does it: deploy/gateway/routes.conf and the exact locations of
 * nginx.conf.template. An exact location wins; otherwise the longest prefix, final when marked {@code ^~}; otherwise
 * the first regex (searched, in file order) that matches; otherwise that longest prefix; otherwise nothing (404).
 */
final class NginxRoutes {

    /** One location: its modifier ("", "=", "~", "^~"), path or regex, upstream (null: answered by nginx). */
    record Location(String modifier, String path, String upstream, String source) {
    }

    private static final Pattern LOCATION = Pattern.compile(
            "^\\s*location\\s+(=|~\\*|~|\\^~)?\\s*(\\S+)\\s*\\{(.*)}\\s*$");
    private static final Pattern PROXY = Pattern.compile("proxy_pass\\s+http://([A-Za-z0-9-]+)\\s*;");

    final List<Location> locations = new ArrayList<>();

    NginxRoutes() {
        read("deploy/gateway/routes.conf", false);
        read("deploy/gateway/nginx.conf.template", true);
    }

    private void read(String file, boolean exactOnly) {
        List<String> lines = Repository.lines(file);
        for (int i = 0; i < lines.size(); i++) {
            Matcher location = LOCATION.matcher(lines.get(i));
            if (!location.matches()) {
                continue;
            }
            String modifier = Optional.ofNullable(location.group(1)).orElse("");
            if (exactOnly && !modifier.equals("=")) {
                continue;
            }
            Matcher proxy = PROXY.matcher(location.group(3));
            String where = file.substring(file.lastIndexOf('/') + 1) + ":" + (i + 1);
            locations.add(new Location(modifier, location.group(2), proxy.find() ? proxy.group(1) : null, where));
        }
    }

    /** The upstream nginx sends the path to, or null when nginx answers itself (404). */
    String route(String path) {
        for (Location location : locations) {
            if (location.modifier().equals("=") && location.path().equals(path)) {
                return location.upstream();
            }
        }
        Optional<Location> prefix = locations.stream()
                .filter(l -> (l.modifier().isEmpty() || l.modifier().equals("^~")) && path.startsWith(l.path()))
                .max(Comparator.comparingInt(l -> l.path().length()));
        if (prefix.isPresent() && prefix.get().modifier().equals("^~")) {
            return prefix.get().upstream();
        }
        for (Location location : locations) {
            if (location.modifier().equals("~") && Pattern.compile(location.path()).matcher(path).find()) {
                return location.upstream();
            }
        }
        return prefix.map(Location::upstream).orElse(null);
    }
}
