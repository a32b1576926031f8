package org.openevent.export.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.openevent.export.config.ExportConfig;

/**
 * Short-lived signed download links. Browsers follow a task's download URL with a plain link that carries
 * no Authorization header, so the URL itself proves the right to read the file until it expires.
 */
@ApplicationScoped
public class DownloadLinks {

    private static final Logger LOG = Logger.getLogger(DownloadLinks.class);

    private final byte[] key;
    private final ExportConfig config;
    private final Clock clock;

    public DownloadLinks(ExportConfig config) {
        this.config = config;
        this.clock = Clock.systemUTC();
        this.key = config.downloadSigningKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            LOG.warn("openevent.export.download-signing-key is not set: signed download links only work on this replica");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
    }

    /** Adds {@code expires} and {@code signature} to a task's download path. */
    public String sign(String downloadUrl, UUID taskId) {
        long expires = clock.instant().plus(config.downloadLinkTtl()).getEpochSecond();
        return downloadUrl + (downloadUrl.contains("?") ? "&" : "?") + "expires=" + expires + "&signature="
                + signature(taskId, expires);
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
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((taskId + ":" + expires).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
