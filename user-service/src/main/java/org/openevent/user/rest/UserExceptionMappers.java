package org.openevent.user.rest;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.openevent.common.jsonapi.JsonApi;
import org.openevent.user.service.EmailTakenException;

/** Error shapes specific to accounts. */
public class UserExceptionMappers {

    /**
     * A taken e-mail address. The status is a JSON number, as the original server's ConflictError sent it:
     * the frontend's sign-up form compares {@code errors[0].status === 409}.
     */
    @ServerExceptionMapper
    public Response emailTaken(EmailTakenException e) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", 409);
        error.put("title", "Conflict");
        error.put("detail", e.getMessage());
        error.put("source", Map.of("pointer", "/data/attributes/email"));
        return Response.status(409).type(JsonApi.MEDIA_TYPE)
                .entity(Map.of("errors", List.of(error), "jsonapi", JsonApi.VERSION))
                .build();
    }
}
