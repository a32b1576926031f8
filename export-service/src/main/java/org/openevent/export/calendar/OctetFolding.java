package org.openevent.export.calendar;

import java.io.ByteArrayOutputStream;

/**
 * Folds content lines at 75 octets of UTF-8 as RFC 5545 section 3.1 demands. biweekly folds by characters,
 * so multibyte text would exceed the limit; here a fold never splits a code point.
 */
public final class OctetFolding {

    /** Longest content line in octets, excluding the CRLF. */
    public static final int MAX_OCTETS = 75;

    private OctetFolding() {
    }

    /** Folds every line of an unfolded CRLF-separated iCalendar text and returns it as UTF-8 bytes. */
    public static byte[] fold(String unfolded) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(unfolded.length() + unfolded.length() / 20 + 16);
        int start = 0;
        while (start < unfolded.length()) {
            int end = unfolded.indexOf("\r\n", start);
            String line = end < 0 ? unfolded.substring(start) : unfolded.substring(start, end);
            foldLine(line, out);
            start = end < 0 ? unfolded.length() : end + 2;
        }
        return out.toByteArray();
    }

    /** Writes one unfolded content line, folded at 75 octets, with its CRLF. */
    public static void foldLine(String line, ByteArrayOutputStream out) {
        int used = 0;
        int i = 0;
        while (i < line.length()) {
            int codePoint = line.codePointAt(i);
            if (Character.isSurrogate((char) codePoint)) {
                codePoint = 0xFFFD; // a lone surrogate cannot be encoded; use the replacement character
            }
            int width = utf8Length(codePoint);
            if (used + width > MAX_OCTETS) {
                out.write('\r');
                out.write('\n');
                out.write(' ');
                used = 1;
            }
            writeUtf8(codePoint, width, out);
            used += width;
            i += Character.isSupplementaryCodePoint(codePoint) ? 2 : 1;
        }
        out.write('\r');
        out.write('\n');
    }

    private static void writeUtf8(int codePoint, int width, ByteArrayOutputStream out) {
        switch (width) {
            case 1 -> out.write(codePoint);
            case 2 -> {
                out.write(0xC0 | (codePoint >> 6));
                out.write(0x80 | (codePoint & 0x3F));
            }
            case 3 -> {
                out.write(0xE0 | (codePoint >> 12));
                out.write(0x80 | ((codePoint >> 6) & 0x3F));
                out.write(0x80 | (codePoint & 0x3F));
            }
            default -> {
                out.write(0xF0 | (codePoint >> 18));
                out.write(0x80 | ((codePoint >> 12) & 0x3F));
                out.write(0x80 | ((codePoint >> 6) & 0x3F));
                out.write(0x80 | (codePoint & 0x3F));
            }
        }
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
