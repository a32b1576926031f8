package org.openevent.export.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a calendar file is assembled from stored session fragments: {@code head}, then the fragments in order with
 * {@code separator} between consecutive ones and, where the format groups them (Pentabarf days and rooms), a prefix
 * before some, then {@code tail}; {@code fragmentBytes} is the fragments' total length. A plan costs a few bytes per
 * session, so a file of any size is kept and streamed without ever being held in memory.
 */
public record Plan(byte[] head, byte[] separator, long[] fragmentIds, Map<Integer, byte[]> prefixes, byte[] tail,
                   long fragmentBytes) {

    /** What goes before fragment {@code index}: its own prefix, else the separator (nothing before the first). */
    public byte[] prefix(int index) {
        byte[] special = prefixes.get(index);
        if (special != null) {
            return special;
        }
        return index == 0 ? new byte[0] : separator;
    }

    /** The file's size in bytes, or -1 when its fragments' total length was not recorded (older files). */
    public long size() {
        if (fragmentBytes < 0) {
            return -1;
        }
        // As prefix(i) for every i, counted from the prefixes alone: no work per fragment.
        long separators = Math.max(0, fragmentIds.length - 1);
        long size = head.length + tail.length + fragmentBytes;
        for (Map.Entry<Integer, byte[]> prefix : prefixes.entrySet()) {
            size += prefix.getValue().length;
            if (prefix.getKey() >= 1 && prefix.getKey() < fragmentIds.length) {
                separators--;
            }
        }
        return size + separators * separator.length;
    }

    /** The prefixes as stored: per entry the fragment index, the length and the bytes. */
    public byte[] encodedPrefixes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<Integer, byte[]> prefix : new TreeMap<>(prefixes).entrySet()) {
            out.writeBytes(ByteBuffer.allocate(8).putInt(prefix.getKey()).putInt(prefix.getValue().length).array());
            out.writeBytes(prefix.getValue());
        }
        return out.toByteArray();
    }

    public static Map<Integer, byte[]> decodePrefixes(byte[] encoded) {
        Map<Integer, byte[]> prefixes = new TreeMap<>();
        ByteBuffer in = ByteBuffer.wrap(encoded);
        while (in.remaining() >= 8) {
            int index = in.getInt();
            byte[] bytes = new byte[in.getInt()];
            in.get(bytes);
            prefixes.put(index, bytes);
        }
        return prefixes;
    }
}
