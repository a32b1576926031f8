package org.openevent.export.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.messaging.ProjectionRepository;
import org.openevent.export.domain.SessionType;

/** Projected session types. */
@ApplicationScoped
public class SessionTypeRepository implements ProjectionRepository<SessionType> {
}
