package org.openevent.session;

import io.quarkus.test.common.QuarkusTestResource;
import org.openevent.common.testing.OwnerStandIn;

/** The stand-ins every test of this module runs against: event-service's internal snapshot route. */
@QuarkusTestResource(OwnerStandIn.class)
public final class TestResources {

    private TestResources() {
    }
}
