package org.openevent.common.resource;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Collects the values of one HQL query as named parameters ({@code :v0}, {@code :v1}, ...). */
public final class Binder implements Function<Object, String> {

    private final Map<String, Object> parameters = new HashMap<>();

    /** Binds a value and returns its placeholder. */
    @Override
    public String apply(Object value) {
        String name = "v" + parameters.size();
        parameters.put(name, value);
        return ":" + name;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }
}
