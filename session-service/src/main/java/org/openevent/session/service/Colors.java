package org.openevent.session.service;

import java.util.Locale;

/** Hex colours of tracks: one stored shape, and a readable text colour on top. */
public final class Colors {

    /** {@code #RGB} or {@code #RRGGBB}. */
    public static final String HEX = "#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})";

    private Colors() {
    }

    /** Expands {@code #RGB} to {@code #rrggbb} and lower-cases. */
    public static String normalize(String color) {
        String hex = color.substring(1).toLowerCase(Locale.ROOT);
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        return "#" + hex;
    }

    /** Black or white, whichever reads better on the given background (relative luminance, WCAG). */
    public static String readableOn(String background) {
        String hex = normalize(background).substring(1);
        double luminance = 0.2126 * channel(hex, 0) + 0.7152 * channel(hex, 2) + 0.0722 * channel(hex, 4);
        // Contrast against black beats contrast against white above this luminance.
        return luminance > 0.179 ? "#000000" : "#ffffff";
    }

    private static double channel(String hex, int offset) {
        double value = Integer.parseInt(hex.substring(offset, offset + 2), 16) / 255.0;
        return value <= 0.03928 ? value / 12.92 : Math.pow((value + 0.055) / 1.055, 2.4);
    }
}
