package org.openevent.common.jsonapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.openevent.common.security.CallerIdentity;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into the one JSON:API error document shape, never leaking internals. */
public class JsonApiExceptionMappers {

    private static final Logger LOG = Logger.getLogger(JsonApiExceptionMappers.class);

    @ServerExceptionMapper
    public Response apiException(ApiException e) {
        return respond(e.status(), e.toErrorObjects());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<ErrorObject> errors = e.getConstraintViolations().stream()
                .map(v -> new ErrorObject("422", "Validation error", v.getMessage(), Map.of("pointer", pointerOf(v))))
                .toList();
        return respond(422, errors);
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e) {
        return respond(422, List.of(new ErrorObject("422", "Validation error",
                "Not a valid value for this field.", Map.of("pointer", pointerOf(e)))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(422, List.of(new ErrorObject("422", "Validation error",
                    "Not a valid value for this field.", Map.of("pointer", pointerOf(mapping)))));
        }
        return respond(400, List.of(new ErrorObject("400", "Bad Request", "The request body is not valid JSON.", null)));
    }

    /** PostgreSQL refused a value (SQLSTATE class 22, e.g. a NUL byte in text): the client's data, not our fault. */
    @ServerExceptionMapper
    public Response dataException(org.hibernate.exception.DataException e) {
        return respond(422, List.of(new ErrorObject("422", "Validation error",
                "A value is not acceptable to the database (for example it contains a NUL character).", null)));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e) {
        return respond(401, List.of(ApiException.unauthorized().toErrorObject()));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return respond(401, List.of(ApiException.unauthorized(CallerIdentity.describe(e)).toErrorObject()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(403, List.of(ApiException.forbidden("You are not allowed to do this.").toErrorObject()));
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e);
        }
        String detail = switch (status) {
            case 415 -> "Content-Type header must be " + JsonApi.MEDIA_TYPE;
            case 406 -> "The Accept header must allow " + JsonApi.MEDIA_TYPE;
            case 404 -> "Not found.";
            case 405 -> "This method is not allowed here.";
            default -> e.getMessage();
        };
        return respond(status, List.of(new ErrorObject(String.valueOf(status), titleFor(status), detail, null)));
    }

    /**
     * Jackson's own mapper for a binding it cannot perform answers an empty 500; ours answers the error document
     * every other failure gets.
     */
    @ServerExceptionMapper
    public Response invalidDefinition(com.fasterxml.jackson.databind.exc.InvalidDefinitionException e) {
        return unexpected(e);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 100)
    public Response unexpected(Throwable e) {
        if (isUniqueViolation(e)) {
            // Two requests raced for the same unique thing and the rules' own checks ran before either committed.
            return respond(409, List.of(new ErrorObject("409", "Conflict",
                    "This conflicts with what another request wrote at the same time; reload and try again.", null)));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled error %s", errorId);
        return respond(500, List.of(new ErrorObject("500", "Unknown error",
                "An unexpected error occurred. Reference: " + errorId, null)));
    }

    /** Whether a unique constraint of the database refused the write (SQLSTATE 23505), wrapped however deep. */
    static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && ("23505".equals(violation.getSQLState()) || violation.getKind()
                    == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** An error document answer with the given status. */
    public static Response respond(int status, List<ErrorObject> errors) {
        String error = status == 401 && !errors.isEmpty() ? errors.get(0).detail() : null;
        return Response.status(status).type(JsonApi.MEDIA_TYPE)
                .entity(new ErrorDocument(errors, JsonApi.VERSION, error)).build();
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Access Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 409 -> "Conflict";
            case 415 -> "Unsupported Media Type";
            case 422 -> "Validation error";
            case 429 -> "Too Many Requests";
            default -> "Error";
        };
    }

    /** Maps a Bean Validation path such as {@code create.body.data.attributes.startsAt} to a JSON pointer. */
    static String pointerOf(ConstraintViolation<?> violation) {
        StringBuilder pointer = new StringBuilder();
        boolean inBody = false;
        for (Path.Node node : violation.getPropertyPath()) {
            String name = node.getName();
            if (name == null) {
                continue;
            }
            if (!inBody && name.equals("data")) {
                inBody = true;
            }
            if (inBody) {
                pointer.append('/').append(dasherize(name));
            }
        }
        return pointer.isEmpty() ? "/data" : pointer.toString();
    }

    static String pointerOf(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            pointer.append('/').append(ref.getFieldName() != null ? ref.getFieldName() : String.valueOf(ref.getIndex()));
        }
        return pointer.isEmpty() ? "/data" : pointer.toString();
    }

    /** camelCase to the dasherized wire form. */
    public static String dasherize(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (char c : name.toCharArray()) {
            if (Character.isUpperCase(c)) {
                out.append('-').append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
