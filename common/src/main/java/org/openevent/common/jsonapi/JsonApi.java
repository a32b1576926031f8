package org.openevent.common.jsonapi;

import java.util.Map;

/** Constants of the JSON:API dialect spoken by the Open Event server. */
public final class JsonApi {

    public static final String MEDIA_TYPE = "application/vnd.api+json";
    public static final Map<String, String> VERSION = Map.of("version", "1.0");
    public static final String API_PREFIX = "/v1";

    private JsonApi() {
    }
}
