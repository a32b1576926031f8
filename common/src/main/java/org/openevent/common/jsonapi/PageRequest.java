package org.openevent.common.jsonapi;

/**
 * A validated {@code page[number]} / {@code page[size]} pair (1-based page numbers). A size of 0 asks
 * for every row, as the Open Event Frontend does for dropdowns; that is served up to {@link #MAX_UNPAGED}.
 */
public record PageRequest(int number, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 1000;
    public static final int MAX_UNPAGED = 10_000;

    /** Parses raw query values; malformed or out-of-range values answer 400 naming the parameter. */
    public static PageRequest parse(String rawNumber, String rawSize) {
        int number = parseOr(rawNumber, 1, "page[number]");
        int size = parseOr(rawSize, DEFAULT_SIZE, "page[size]");
        if (number < 1) {
            throw ApiException.badRequest("page[number]", "page[number] must be 1 or more.");
        }
        if (size < 0 || size > MAX_SIZE) {
            throw ApiException.badRequest("page[size]", "page[size] must be between 0 (all) and " + MAX_SIZE + ".");
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

    public boolean unpaged() {
        return size == 0;
    }

    /** First row offset. */
    public int offset() {
        return unpaged() ? 0 : (number - 1) * size;
    }

    /** Rows to fetch: the page size, or the unpaged cap plus one so an overflow can be detected. */
    public int limit() {
        return unpaged() ? MAX_UNPAGED + 1 : size;
    }
}
