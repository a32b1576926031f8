package org.openevent.export.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import org.openevent.export.config.ExportConfig;

/**
 * Short-lived signed download links, absolute on the API's public base URL. Browsers follow a task's download URL
 * with a plain link that carries no Authorization header (and the frontend opens it as is, so a relative one would
 * land on the frontend's own origin): the URL itself proves the right to read the file until it expires.
 */
@ApplicationScoped
public class DownloadLinks {

    private static final String PURPOSE = "download-link";

    private final SigningKey key;
    private final ExportConfig config;
    private final Clock clock;

    public DownloadLinks(SigningKey key, ExportConfig config) {
        this.key = key;
        this.config = config;
        this.clock = Clock.systemUTC();
    }

    /** A path of this API as an absolute URL on its public base. */
    public String absolute(String path) {
        String base = config.apiBaseUrl();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
    }

    /** The absolute download URL of a task's file with {@code expires} and {@code signature}. */
    public String sign(String downloadPath, UUID taskId) {
        long expires = clock.instant().plus(config.downloadLinkTtl()).getEpochSecond();
        return absolute(downloadPath) + (downloadPath.contains("?") ? "&" : "?") + "expires=" + expires
                + "&signature=" + signature(taskId, expires);
    }

    /** True when the signature was made here for this task and has not expired. */
    public boolean verify(UUID taskId, String expires, String signature) {
        if (expires == null || signature == null || !expires.matches("\\d{1,12}")) {
            return false;
        }
        long expiry = Long.parseLong(expires);
        if (expiry < clock.instant().getEpochSecond()) {
            return false;
        }
        return MessageDigest.isEqual(signature(taskId, expiry).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(UUID taskId, long expires) {
        byte[] digest = key.mac(PURPOSE, (taskId + ":" + expires).getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
