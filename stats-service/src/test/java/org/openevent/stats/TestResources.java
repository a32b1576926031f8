package org.openevent.stats;

import io.quarkus.test.common.QuarkusTestResource;
import org.openevent.common.testing.OwnerStandIn;

/**
 * The stand-ins every test of this module runs against: event-service's internal snapshot route, and empty test
 * topics (the database is emptied at start, so the topics must be too for a replay to match the figures).
 */
@QuarkusTestResource(OwnerStandIn.class)
@QuarkusTestResource(FreshTopics.class)
public final class TestResources {

    private TestResources() {
    }
}
