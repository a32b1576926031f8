package org.openevent.session.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.session.domain.SessionType;

/** Session types of events. */
@ApplicationScoped
public class SessionTypeRepository implements PanacheRepositoryBase<SessionType, Long> {
}
