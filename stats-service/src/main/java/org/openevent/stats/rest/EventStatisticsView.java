package org.openevent.stats.rest;

/** Attributes of the {@code admin-statistics-event} singleton. */
public record EventStatisticsView(long draft, long published, long past) {
}
