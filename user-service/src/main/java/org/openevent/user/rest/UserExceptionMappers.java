package org.openevent.user.rest;

import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.exception.ConstraintViolationException;
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
        return conflict(e.getMessage());
    }

    /** The only unique index a request can hit is the live address's: a concurrent sign-up took it first. */
    @ServerExceptionMapper
    public Response uniqueViolation(ConstraintViolationException e) {
        return conflict("Email already exists");
    }

    private static Response conflict(String detail) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", 409);
        error.put("title", "Conflict");
        error.put("detail", detail);
        error.put("source", Map.of("pointer", "/data/attributes/email"));
        return Response.status(409).type(JsonApi.MEDIA_TYPE)
                .entity(Map.of("errors", List.of(error), "jsonapi", JsonApi.VERSION))
                .build();
    }
}
