package org.openevent.common.jsonapi;

import jakarta.validation.Valid;

/** A to-one relationship in a request body: {@code {"data": {"type": ..., "id": ...}}} or null data. */
public record ToOneLinkage(@Valid ResourceIdentifier data) {
}
