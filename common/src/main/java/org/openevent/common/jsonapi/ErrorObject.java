package org.openevent.common.jsonapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** One JSON:API error object: status, title, detail and optional source pointer or parameter. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorObject(String status, String title, String detail, Map<String, String> source) {
}
