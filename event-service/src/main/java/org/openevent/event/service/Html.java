package org.openevent.event.service;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

/**
 * The original's HTML whitelist for rich texts (descriptions, codes of conduct): a few inline and list tags, links
 * that open in a new tab without passing rank, and inline styles limited to alignment, weight and decoration.
 */
public final class Html {

    private static final Safelist SAFELIST = new Safelist()
            .addTags("b", "strong", "span", "p", "em", "i", "u", "center", "sup", "sub", "ul", "ol", "li", "strike",
                    "br", "a")
            .addAttributes("a", "href")
            .addAttributes(":all", "style")
            .addProtocols("a", "href", "http", "https", "mailto")
            .addEnforcedAttribute("a", "rel", "nofollow")
            .addEnforcedAttribute("a", "target", "_blank");
    private static final Set<String> STYLES = Set.of("text-align", "font-weight", "text-decoration");

    private Html() {
    }

    /** The text with everything outside the whitelist removed; null stays null. */
    public static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        Document clean = new Cleaner(SAFELIST).clean(Jsoup.parseBodyFragment(html));
        for (Element styled : clean.select("[style]")) {
            String kept = java.util.Arrays.stream(styled.attr("style").split(";"))
                    .map(String::strip)
                    .filter(rule -> STYLES.contains(rule.split(":", 2)[0].strip().toLowerCase(Locale.ROOT))
                            && rule.contains(":") && !rule.toLowerCase(Locale.ROOT).contains("url("))
                    .collect(Collectors.joining("; "));
            if (kept.isEmpty()) {
                styled.removeAttr("style");
            } else {
                styled.attr("style", kept);
            }
        }
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }
}
