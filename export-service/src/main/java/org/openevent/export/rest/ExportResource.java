package org.openevent.export.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.security.Caller;
import org.openevent.export.service.ExportService;

/** Starts exports and serves their files; plain JSON and files, as the original server's export routes. */
@Path("/v1")
public class ExportResource {

    private final ExportService service;
    private final Caller caller;

    public ExportResource(ExportService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    /** Queues an iCalendar export and answers at once with the URL of the task to poll. */
    @GET
    @Path("/events/{reference}/export/ical")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<TaskUrl> exportIcal(@PathParam("reference") String reference) {
        return caller.resolve()
                .flatMap(who -> service.requestIcal(who, reference))
                .map(task -> new TaskUrl(TaskResource.PATH + "/" + task.id));
    }

    /**
     * The rendered file of a finished export: for a valid signed link (what browsers follow), otherwise for
     * the requester or an admin.
     */
    @GET
    @Path("/exports/{taskId}/{fileName}")
    public Uni<Response> download(@PathParam("taskId") String taskId, @PathParam("fileName") String fileName,
                                  @QueryParam("expires") String expires, @QueryParam("signature") String signature) {
        return service.signedFile(taskId, fileName, expires, signature)
                .flatMap(signed -> signed != null ? Uni.createFrom().item(signed)
                        : caller.resolve().flatMap(who -> service.file(who, taskId, fileName)))
                .map(file -> Response.ok(file.content)
                        .header("Content-Type", file.contentType)
                        .header("Content-Disposition", "attachment; filename=\"" + file.fileName + "\"")
                        .header("Cache-Control", "private, no-store")
                        .build());
    }

    /** The answer of an export start: {@code {"task_url": "/v1/tasks/<id>"}}. */
    public record TaskUrl(@JsonProperty("task_url") String taskUrl) {
    }
}
