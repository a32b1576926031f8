package org.openevent.stats.domain;

/** One figure (scope 0: the platform's, otherwise the event's) as maintained and as recounted from the topics. */
public record ComparedFigure(long scope, String figure, long maintained, long rebuilt) {
}
