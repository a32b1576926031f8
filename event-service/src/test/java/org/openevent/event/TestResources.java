package org.openevent.event;

import io.quarkus.test.common.QuarkusTestResource;
import org.openevent.event.rest.SessionServiceStub;

/** The stand-ins every test of this module runs against: session-service's internal children route. */
@QuarkusTestResource(SessionServiceStub.class)
public final class TestResources {

    private TestResources() {
    }
}
