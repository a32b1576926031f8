package org.openevent.stats.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.openevent.stats.service.Reconciliation;

/**
 * Starts a reconciliation ({@code stats-service/reconcile} calls it): behind the shared internal secret, never routed
 * by the gateway. It answers when the comparison is done, with every platform figure maintained against rebuilt.
 */
@Path("/internal/statistics/reconciliation")
public class ReconciliationEndpoint {

    private final Reconciliation reconciliation;

    public ReconciliationEndpoint(Reconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @POST
    @Blocking
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rebuild the statistics from the topics and report drift",
            description = "Replays openevent.events, .sessions, .users, .mails and .groups from the beginning, recounts"
                    + " every figure from the newest snapshot of each aggregate and compares it with the maintained"
                    + " one once the live consumers have processed what the replay read. 409 while another"
                    + " reconciliation runs.")
    public Reconciliation.Report reconcile() throws InterruptedException {
        return reconciliation.run();
    }
}
