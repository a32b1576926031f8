package org.openevent.export.calendar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

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
        Bytes out = new Bytes(unfolded.length() + unfolded.length() / 20 + 16);
        int start = 0;
        while (start < unfolded.length()) {
            int end = unfolded.indexOf("\r\n", start);
            String line = end < 0 ? unfolded.substring(start) : unfolded.substring(start, end);
            out.foldLine(line);
            start = end < 0 ? unfolded.length() : end + 2;
        }
        return out.toByteArray();
    }

    /** Writes one unfolded content line, folded at 75 octets, with its CRLF. */
    public static void foldLine(String line, ByteArrayOutputStream out) {
        Bytes bytes = new Bytes(line.length() + 8);
        bytes.foldLine(line);
        out.writeBytes(bytes.toByteArray());
    }

    /** An unsynchronized growing byte buffer that writes folded lines. */
    public static final class Bytes {
        private byte[] buffer;
        private int size;

        public Bytes(int capacity) {
            buffer = new byte[Math.max(16, capacity)];
        }

        /**
         * The line as UTF-8 (unpaired surrogates become U+FFFD), cut before any octet that would make a physical
         * line longer than 75; a cut only falls before the first octet of a code point.
         */
        public void foldLine(String line) {
            byte[] utf8 = encode(line);
            int from = 0;
            int room = MAX_OCTETS;
            while (utf8.length - from > room) {
                int cut = from + room;
                while ((utf8[cut] & 0xC0) == 0x80) {
                    cut--;
                }
                write(utf8, from, cut - from);
                write(FOLD, 0, FOLD.length);
                from = cut;
                room = MAX_OCTETS - 1;
            }
            write(utf8, from, utf8.length - from);
            write(CRLF, 0, CRLF.length);
        }

        public void write(byte[] bytes) {
            write(bytes, 0, bytes.length);
        }

        void write(byte[] bytes, int offset, int length) {
            if (size + length > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + length));
            }
            System.arraycopy(bytes, offset, buffer, size, length);
            size += length;
        }

        public byte[] toByteArray() {
            return Arrays.copyOf(buffer, size);
        }
    }

    private static final byte[] FOLD = {'\r', '\n', ' '};
    private static final byte[] CRLF = {'\r', '\n'};

    private static byte[] encode(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (Character.isSurrogate(line.charAt(i))) {
                return replaceUnpaired(line).getBytes(StandardCharsets.UTF_8);
            }
        }
        return line.getBytes(StandardCharsets.UTF_8);
    }

    private static String replaceUnpaired(String line) {
        StringBuilder out = new StringBuilder(line.length());
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < line.length() && Character.isLowSurrogate(line.charAt(i + 1))) {
                out.append(c).append(line.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
