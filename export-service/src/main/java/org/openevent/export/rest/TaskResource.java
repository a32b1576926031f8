package org.openevent.export.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.security.Caller;
import org.openevent.export.domain.ExportTask;
import org.openevent.export.service.DownloadLinks;
import org.openevent.export.service.ExportService;

/** Task polling in the original server's shape: WAITING, then SUCCESS with a download URL or FAILURE. */
@Path(TaskResource.PATH)
public class TaskResource {

    static final String PATH = "/v1/tasks";

    private final ExportService service;
    private final Caller caller;
    private final DownloadLinks links;

    public TaskResource(ExportService service, Caller caller, DownloadLinks links) {
        this.service = service;
        this.caller = caller;
        this.links = links;
    }

    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<Map<String, Object>> get(@PathParam("id") String id) {
        return caller.resolve()
                .flatMap(who -> service.task(who, id))
                .map(this::view);
    }

    Map<String, Object> view(ExportTask task) {
        Map<String, Object> body = new LinkedHashMap<>();
        // The frontend treats every state but WAITING, SUCCESS and FAILURE as a failure: rendering is still waiting.
        body.put("state", ExportTask.RENDERING.equals(task.state) ? ExportTask.WAITING : task.state);
        if (ExportTask.SUCCESS.equals(task.state)) {
            body.put("result", Map.of("download_url", links.sign(task.downloadUrl, task.id)));
        } else if (ExportTask.FAILURE.equals(task.state)) {
            // The original server reports a handled failure's reason as a plain string.
            body.put("result", task.error);
        }
        return body;
    }
}
