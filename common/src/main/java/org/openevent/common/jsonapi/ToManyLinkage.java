package org.openevent.common.jsonapi;

import jakarta.validation.Valid;
import java.util.List;

/** A to-many relationship in a request body: {@code {"data": [{"type": ..., "id": ...}]}}. */
public record ToManyLinkage(List<@Valid ResourceIdentifier> data) {
}
