package org.openevent.export.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.messaging.ProjectionRepository;
import org.openevent.export.domain.Track;

/** Projected tracks. */
@ApplicationScoped
public class TrackRepository implements ProjectionRepository<Track> {
}
