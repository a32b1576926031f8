package org.openevent.common.jsonapi.query;

import java.util.Map;

/** A compiled HQL condition and the values bound to its named parameters. */
public record Where(String clause, Map<String, Object> parameters) {
}
