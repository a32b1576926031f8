package org.openevent.export.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.openevent.export.config.ExportConfig;

/**
 * The secret behind signed download links and personal feed tokens. Every replica must share it; without one
 * configured each process invents its own, so links and feed URLs only work on the process that made them.
 */
@ApplicationScoped
public class SigningKey {

    private static final Logger LOG = Logger.getLogger(SigningKey.class);

    private final byte[] key;

    public SigningKey(ExportConfig config) {
        this.key = config.downloadSigningKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(() -> {
            LOG.warn("openevent.export.download-signing-key is not set: signed download links and personal feed "
                    + "URLs only work on this process and change when it restarts");
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            return random;
        });
    }

    /** HMAC-SHA256 of {@code message} under a key derived for {@code purpose}, so uses never share a MAC. */
    public byte[] mac(String purpose, byte[] message) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] purposeKey = derive.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(purposeKey, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
