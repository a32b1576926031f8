package org.openevent.user.rest;

import jakarta.ws.rs.Path;
import org.openevent.common.resource.ResourceEngine;
import org.openevent.common.rest.JsonApiEndpoint;
import org.openevent.common.security.Caller;

/** {@code /v1/mails}: the admin's mail log. */
@Path("/v1/mails")
public class MailEndpoint extends JsonApiEndpoint {

    public MailEndpoint(ResourceEngine engine, Caller caller) {
        super(engine, caller, "mail");
    }
}
