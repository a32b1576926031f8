package org.openevent.common.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/** A write endpoint as services have them: the change's message goes into the outbox in the request's transaction. */
@Path("/probes")
public class ProbeResource {

    private final Outbox outbox;

    public ProbeResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @POST
    @Path("/{id}")
    public Uni<Void> upsert(@PathParam("id") long id, @QueryParam("name") String name) {
        return Panache.withTransaction(() -> outbox.publish(IdempotentConsumerTests.TOPIC, ProbeConsumer.UPSERTED,
                "probe", id, 1, new ProbePayload(id, name, 0, null)));
    }
}
