package org.openevent.e2e.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code conformance/bodies.json}: sample bodies by route, with their placeholders filled in. */
final class Samples {

    static final String RESOURCE = "/conformance/bodies.json";

    private final JsonNode samples;
    private final String run;
    private final AtomicInteger counter = new AtomicInteger();

    private Samples(JsonNode samples, String run) {
        this.samples = samples;
        this.run = run;
    }

    static Samples load(String run) {
        try (InputStream in = Samples.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new Samples(Answer.JSON.readTree(in), run);
        } catch (IOException e) {
            throw new IllegalStateException(RESOURCE + " is not JSON", e);
        }
    }

    boolean has(String routeKey) {
        return samples.has(routeKey);
    }

    /** The sample of a route with {@code placeholders} and a fresh {unique} filled in. */
    Optional<String> body(String routeKey, Map<String, String> placeholders) {
        JsonNode sample = samples.get(routeKey);
        if (sample == null) {
            return Optional.empty();
        }
        String text = sample.toString().replace("{unique}", unique());
        for (Map.Entry<String, String> placeholder : placeholders.entrySet()) {
            text = text.replace("{" + placeholder.getKey() + "}", placeholder.getValue());
        }
        return Optional.of(text);
    }

    /** A suffix no earlier run or request used. */
    String unique() {
        return run + "-" + counter.incrementAndGet();
    }
}
