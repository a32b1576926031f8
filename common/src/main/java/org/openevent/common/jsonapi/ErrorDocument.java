package org.openevent.common.jsonapi;

import java.util.List;
import java.util.Map;

/** The single error document shape every service answers with. */
public record ErrorDocument(List<ErrorObject> errors, Map<String, String> jsonapi) {

    public static ErrorDocument of(ErrorObject error) {
        return new ErrorDocument(List.of(error), JsonApi.VERSION);
    }
}
