package org.openevent.session.service;

import java.util.List;

/** One page of an event's children, the total count before paging, and the caller's access. */
public record Listing<E>(List<E> items, long total, EventAccess access) {
}
