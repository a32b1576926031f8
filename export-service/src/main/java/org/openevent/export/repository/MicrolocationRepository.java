package org.openevent.export.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.messaging.ProjectionRepository;
import org.openevent.export.domain.Microlocation;

/** Projected rooms. */
@ApplicationScoped
public class MicrolocationRepository implements ProjectionRepository<Microlocation> {
}
