package org.openevent.common.jsonapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The single error document shape every service answers with. Authentication failures also carry the
 * original server's top-level {@code error} string, which the Open Event Frontend shows on login.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorDocument(List<ErrorObject> errors, Map<String, String> jsonapi, String error) {

    public ErrorDocument(List<ErrorObject> errors, Map<String, String> jsonapi) {
        this(errors, jsonapi, null);
    }
}
