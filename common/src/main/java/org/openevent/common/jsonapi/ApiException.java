package org.openevent.common.jsonapi;

import java.util.HashMap;
import java.util.Map;

/** A failure that maps to one JSON:API error object with a 4xx status. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String title;
    private final String pointer;
    private final String parameter;

    public ApiException(int status, String title, String detail, String pointer, String parameter) {
        super(detail);
        this.status = status;
        this.title = title;
        this.pointer = pointer;
        this.parameter = parameter;
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, "Not Found", what + " not found.", null, null);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(403, "Access Forbidden", detail, null, null);
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

    public static ApiException unprocessable(String pointer, String detail) {
        return new ApiException(422, "Validation error", detail, pointer, null);
    }

    public static ApiException conflict(String pointer, String detail) {
        return new ApiException(409, "Conflict", detail, pointer, null);
    }

    public int status() {
        return status;
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
