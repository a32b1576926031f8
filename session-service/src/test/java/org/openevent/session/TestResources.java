package org.openevent.session;

import io.quarkus.test.common.QuarkusTestResource;

/** The stand-ins every test of this module runs against: event-service's and user-service's internal routes. */
@QuarkusTestResource(ServiceStandIns.class)
public final class TestResources {

    private TestResources() {
    }
}
