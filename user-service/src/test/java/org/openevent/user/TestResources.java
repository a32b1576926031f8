package org.openevent.user;

import io.quarkus.test.common.QuarkusTestResource;
import org.openevent.common.testing.LocalSmtp;

/** The real components every test of this module runs against besides PostgreSQL and Kafka: an SMTP server. */
@QuarkusTestResource(LocalSmtp.class)
public final class TestResources {

    private TestResources() {
    }
}
