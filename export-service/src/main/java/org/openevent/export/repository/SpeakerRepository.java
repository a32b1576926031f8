package org.openevent.export.repository;

import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.messaging.ProjectionRepository;
import org.openevent.export.domain.Speaker;

/** Projected speakers. */
@ApplicationScoped
public class SpeakerRepository implements ProjectionRepository<Speaker> {
}
