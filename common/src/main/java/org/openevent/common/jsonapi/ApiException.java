package org.openevent.common.jsonapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A failure that maps to a JSON:API error document with a 4xx (or 503) status. The factories below are the only
 * way services build one, so titles, wording and pointers stay uniform.
 */
public class ApiException extends RuntimeException {

    private static final String ATTRIBUTES = "/data/attributes/";
    private static final String RELATIONSHIPS = "/data/relationships/";

    private final int status;
    private final String title;
    private final String pointer;
    private final String parameter;
    private final List<ApiException> more;

    public ApiException(int status, String title, String detail, String pointer, String parameter) {
        this(status, title, detail, pointer, parameter, List.of());
    }

    private ApiException(int status, String title, String detail, String pointer, String parameter,
                         List<ApiException> more) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.pointer = pointer;
        this.parameter = parameter;
        this.more = more;
    }

    /** One answer carrying several errors of the same status (e.g. every invalid attribute at once). */
    public static ApiException all(List<ApiException> errors) {
        ApiException first = errors.get(0);
        return errors.size() == 1 ? first : new ApiException(first.status, first.title, first.getMessage(),
                first.pointer, first.parameter, List.copyOf(errors.subList(1, errors.size())));
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "Not Found", what + " not found.", null, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Access Forbidden", detail, null, null);
    }

    /** A 403 about one attribute, e.g. a state change the caller may not make. */
    public static ApiException forbiddenAttribute(String attribute, String detail) {
        return new ApiException(403, "Access Forbidden", detail, ATTRIBUTES + attribute, null);
    }

    public static ApiException unauthorized() {
        return unauthorized("Missing Authorization Header");
    }

    /** A 401 whose detail (also the body's top-level {@code error}) says what is wrong with the token. */
    public static ApiException unauthorized(String detail) {
        return new ApiException(401, "Unauthorized", detail, null, null);
    }

    public static ApiException badRequest(String parameter, String detail) {
        return new ApiException(400, "Invalid query parameter", detail, null, parameter);
    }

    /** A 400 about the request body as a whole, pointing into it. */
    public static ApiException badDocument(String pointer, String detail) {
        return new ApiException(400, "Bad Request", detail, pointer, null);
    }

    public static ApiException unprocessable(String pointer, String detail) {
        return new ApiException(422, "Validation error", detail, pointer, null);
    }

    /** A 422 pointing at {@code /data/attributes/<name>}. */
    public static ApiException attribute(String name, String detail) {
        return unprocessable(ATTRIBUTES + name, detail);
    }

    /** A 422 pointing at {@code /data/relationships/<name>}. */
    public static ApiException relationship(String name, String detail) {
        return unprocessable(RELATIONSHIPS + name, detail);
    }

    /** A 409 for a resource object of the wrong type. */
    public static ApiException incorrectType(String expected, String pointer) {
        return new ApiException(409, "Incorrect type", "Invalid type. Expected \"" + expected + "\".", pointer, null);
    }

    public static ApiException conflict(String pointer, String detail) {
        return new ApiException(409, "Conflict", detail, pointer, null);
    }

    /** A 412: the client's {@code If-Match} no longer names the current representation. */
    public static ApiException preconditionFailed() {
        return new ApiException(412, "Precondition Failed",
                "The resource has changed since it was read (If-Match does not match).", null, null);
    }

    /** A 429: the caller made too many attempts of something limited (logins, reset mails); later it works again. */
    public static ApiException tooManyRequests(String detail) {
        return new ApiException(429, "Request Limit Exceeded", detail, null, null);
    }

    /** A 503: something this answer depends on cannot be reached now; retrying later can succeed. */
    public static ApiException unavailable(String detail) {
        return new ApiException(503, "Service Unavailable", detail, null, null);
    }

    public int status() {
        return status;
    }

    public String pointer() {
        return pointer;
    }

    public List<ErrorObject> toErrorObjects() {
        List<ErrorObject> errors = new ArrayList<>(1 + more.size());
        errors.add(toErrorObject());
        more.forEach(e -> errors.add(e.toErrorObject()));
        return errors;
    }

    public ErrorObject toErrorObject() {
        Map<String, String> source = new HashMap<>();
        if (pointer != null) {
            source.put("pointer", pointer);
        }
        if (parameter != null) {
            source.put("parameter", parameter);
        }
        return new ErrorObject(String.valueOf(status), title, getMessage(), source.isEmpty() ? null : source);
    }
}
