package org.openevent.common.messaging;

import jakarta.enterprise.context.ApplicationScoped;

/** Projected probe rows. */
@ApplicationScoped
public class ProbeRowRepository implements ProjectionRepository<ProbeRow> {
}
