package org.openevent.export.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestMulti;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.jsonapi.EntityTags;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.common.security.Caller;
import org.openevent.export.calendar.Format;
import org.openevent.export.domain.ExportFile;
import org.openevent.export.service.Assembler;
import org.openevent.export.service.ExportService;

/** Starts exports and serves their files; plain JSON and files, as the original server's export routes. */
@Path("/v1")
public class ExportResource {

    private final ExportService service;
    private final Assembler assembler;
    private final Caller caller;
    private final Streams streams;

    public ExportResource(ExportService service, Assembler assembler, Caller caller, Streams streams) {
        this.service = service;
        this.assembler = assembler;
        this.caller = caller;
        this.streams = streams;
    }

    /**
     * Queues an export ({@code ical}, {@code xcal}, {@code jcal} or {@code pentabarf}) and answers at once with the
     * URL of the task to poll. Unknown formats are 404, as routes that do not exist.
     */
    @GET
    @Path("/events/{reference}/export/{format}")
    @Produces({MediaType.APPLICATION_JSON, JsonApi.MEDIA_TYPE})
    public Uni<TaskUrl> export(@PathParam("reference") String reference, @PathParam("format") String format) {
        Format chosen = Format.byTaskName(format).orElse(null);
        if (chosen == null) {
            return Uni.createFrom().failure(ApiException.notFound("Export format '" + format + "'"));
        }
        return caller.resolve()
                .flatMap(who -> service.request(who, reference, chosen))
                .map(task -> new TaskUrl(TaskResource.PATH + "/" + task.id));
    }

    /**
     * The rendered file of a finished export, streamed: for a valid signed link (what browsers follow), otherwise
     * for the requester or an admin. Files never change, so their ETag is their id.
     */
    @GET
    @Path("/exports/{taskId}/{fileName}")
    public RestMulti<byte[]> download(@PathParam("taskId") String taskId, @PathParam("fileName") String fileName,
                                      @QueryParam("expires") String expires,
                                      @QueryParam("signature") String signature,
                                      @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Uni<ExportFile> file = service.signedFile(taskId, fileName, expires, signature)
                .flatMap(signed -> signed != null ? Uni.createFrom().item(signed)
                        : caller.resolve().flatMap(who -> service.file(who, taskId, fileName)));
        return streams.answer(file.map(found -> {
            String etag = "\"" + found.id() + "\"";
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put(HttpHeaders.ETAG, List.of(etag));
            headers.put(HttpHeaders.CACHE_CONTROL, List.of("private, max-age=31536000, immutable"));
            if (EntityTags.matches(ifNoneMatch, etag)) {
                return Streams.Answer.notModified(headers);
            }
            headers.put(HttpHeaders.CONTENT_TYPE, List.of(found.contentType()));
            headers.put("Content-Disposition", List.of("attachment; filename=\"" + found.fileName() + "\""));
            // The plan knows the size: a length instead of chunks lets clients read in one go and show progress.
            headers.put(HttpHeaders.CONTENT_LENGTH, List.of(String.valueOf(found.plan().size())));
            return new Streams.Answer(200, headers, assembler.stream(found.plan()));
        }));
    }

    /** The answer of an export start: {@code {"task_url": "/v1/tasks/<id>"}}. */
    public record TaskUrl(@JsonProperty("task_url") String taskUrl) {
    }
}
