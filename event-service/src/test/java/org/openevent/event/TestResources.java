package org.openevent.event;

import io.quarkus.test.common.QuarkusTestResource;
import org.openevent.event.rest.SessionServiceStub;
import org.openevent.event.rest.UserServiceStub;

/**
 * The stand-ins every test of this module runs against: session-service's internal children route and
 * user-service's internal contact and user routes.
 */
@QuarkusTestResource(SessionServiceStub.class)
@QuarkusTestResource(UserServiceStub.class)
public final class TestResources {

    private TestResources() {
    }
}
