package org.openevent.common.jsonapi;

/** A validated {@code page[number]} / {@code page[size]} pair (1-based page numbers). */
public record PageRequest(int number, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Parses raw query values; malformed or out-of-range values answer 400 naming the parameter. */
    public static PageRequest parse(String rawNumber, String rawSize) {
        int number = parseOr(rawNumber, 1, "page[number]");
        int size = parseOr(rawSize, DEFAULT_SIZE, "page[size]");
        if (number < 1) {
            throw ApiException.badRequest("page[number]", "page[number] must be 1 or more.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ApiException.badRequest("page[size]", "page[size] must be between 1 and " + MAX_SIZE + ".");
        }
        return new PageRequest(number, size);
    }

    private static int parseOr(String raw, int fallback, String parameter) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(parameter, parameter + " must be an integer.");
        }
    }

    /** Zero-based index for Panache paging. */
    public int index() {
        return number - 1;
    }
}
