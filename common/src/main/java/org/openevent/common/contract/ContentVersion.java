package org.openevent.common.contract;

/** An event's committed content version at one service: it changes with every change that service can render. */
public record ContentVersion(long eventId, long version) {
}
