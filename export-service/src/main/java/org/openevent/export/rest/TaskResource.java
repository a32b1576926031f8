package org.openevent.export.rest;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestResponse;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.security.Caller;
import org.openevent.export.domain.ExportTask;
import org.openevent.export.service.DownloadLinks;
import org.openevent.export.service.ExportService;

/** Task polling in the original server's shape: WAITING, then SUCCESS with a download URL or FAILURE. */
@Path(TaskResource.PATH)
public class TaskResource {

    static final String PATH = "/v1/tasks";

    /** A {@code wait} preference among others ({@code respond-async, wait=10}); at most six digits of seconds. */
    private static final Pattern WAIT = Pattern.compile("(?:^|[,;]|\\s)wait\\s*=\\s*\"?(\\d{1,6})\"?(?:$|[,;\\s])",
            Pattern.CASE_INSENSITIVE);

    private final ExportService service;
    private final Caller caller;
    private final DownloadLinks links;

    public TaskResource(ExportService service, Caller caller, DownloadLinks links) {
        this.service = service;
        this.caller = caller;
        this.links = links;
    }

    /**
     * The task's state. With {@code Prefer: wait=N} (RFC 7240; seconds, cut to a limit) the answer waits until the
     * task is finished or N seconds have passed, so a client learns of the result at once instead of polling;
     * {@code Preference-Applied} then says so. Preferences it cannot read are ignored, as the RFC asks.
     */
    @GET
    @Path("/{id}")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<RestResponse<Map<String, Object>>> get(@PathParam("id") String id,
                                                       @HeaderParam("Prefer") String prefer) {
        Duration requested = requestedWait(prefer);
        Duration wait = requested == null ? null : service.taskWait(requested);
        return caller.resolve()
                .flatMap(who -> wait == null ? service.task(who, id) : service.awaitTask(who, id, wait))
                .map(task -> {
                    RestResponse.ResponseBuilder<Map<String, Object>> answer =
                            RestResponse.ResponseBuilder.ok(view(task));
                    if (wait != null) {
                        // The wait as applied: a longer one asked for was cut to the limit.
                        answer.header("Preference-Applied", "wait=" + wait.toSeconds());
                    }
                    return answer.build();
                });
    }

    /** The {@code wait} preference in seconds, or null when there is none that reads as a whole number. */
    static Duration requestedWait(String prefer) {
        if (prefer == null) {
            return null;
        }
        Matcher wait = WAIT.matcher(prefer);
        return wait.find() ? Duration.ofSeconds(Long.parseLong(wait.group(1))) : null;
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
