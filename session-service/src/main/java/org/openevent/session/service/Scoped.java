package org.openevent.session.service;

/** An entity together with the caller's access to its event, so the view can apply privacy rules. */
public record Scoped<E>(E entity, EventAccess access) {
}
