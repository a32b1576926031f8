package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.session.domain.Track;

/** Tracks of events. */
@ApplicationScoped
public class TrackRepository implements PanacheRepositoryBase<Track, Long> {
}
