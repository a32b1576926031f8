package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.session.domain.Microlocation;

/** Rooms of events. */
@ApplicationScoped
public class MicrolocationRepository implements PanacheRepositoryBase<Microlocation, Long> {
}
