package org.openevent.common.jsonapi;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Hand-written routes of the guard's tests: a raw text body (as the login route reads it) and a bound record. */
@Path("/test/echo")
public class EchoEndpoint {

    /** A record bound from JSON, as user-service binds its attributes. */
    public record Named(String name) {
    }

    @POST
    @Path("text")
    @Produces(MediaType.TEXT_PLAIN)
    public String text(String body) {
        return body;
    }

    /** Something Jackson cannot bind (an interface): a server-side mistake, answered as an error document. */
    public interface Unbindable {
        String name();
    }

    @POST
    @Path("unbindable")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String unbindable(Unbindable value) {
        return value.name();
    }

    @POST
    @Path("record")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String record(Named named) {
        return named.name();
    }
}
