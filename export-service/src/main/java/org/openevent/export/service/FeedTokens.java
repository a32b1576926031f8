package org.openevent.export.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Base64;
import org.openevent.export.repository.FeedTokenRepository;

/**
 * Secret, revocable personal feed tokens. A token is an HMAC (under the service's signing key) of the user and a
 * random nonce; the database holds the nonce and the token's SHA-256 only, so neither the table nor the key alone
 * yields a working feed URL. Rotating draws a new nonce (old URLs stop working); revoking deletes it.
 */
@ApplicationScoped
public class FeedTokens {

    private static final String PURPOSE = "personal-feed-token";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final FeedTokenRepository repository;
    private final SigningKey key;

    public FeedTokens(FeedTokenRepository repository, SigningKey key) {
        this.repository = repository;
        this.key = key;
    }

    /** A user's token and since when it is valid. */
    public record Issued(String token, OffsetDateTime createdAt) {
    }

    /** The user's token, made on first use. */
    public Uni<Issued> current(long userId) {
        return repository.find(userId).flatMap(stored -> {
            if (stored != null) {
                return issued(userId, stored);
            }
            byte[] nonce = nonce();
            return repository.insertIfAbsent(userId, nonce, hash(token(userId, nonce)))
                    .flatMap(ignored -> repository.find(userId))
                    .flatMap(created -> issued(userId, created));
        });
    }

    /** A new token for the user; the previous one stops working. */
    public Uni<Issued> rotate(long userId) {
        byte[] nonce = nonce();
        return repository.replace(userId, nonce, hash(token(userId, nonce)))
                .flatMap(ignored -> repository.find(userId))
                .flatMap(stored -> issued(userId, stored));
    }

    /** Revokes the user's token; the next {@link #current} makes a new one. */
    public Uni<Void> revoke(long userId) {
        return repository.delete(userId);
    }

    /** The user a token belongs to, or null for a malformed, unknown, rotated or revoked one. */
    public Uni<Long> owner(String token) {
        if (token == null || !token.matches("[A-Za-z0-9_-]{43}")) {
            return Uni.createFrom().nullItem();
        }
        return repository.owner(hash(token));
    }

    private Uni<Issued> issued(long userId, FeedTokenRepository.Stored stored) {
        String token = token(userId, stored.nonce());
        byte[] hash = hash(token);
        Uni<Void> synced = Arrays.equals(hash, stored.tokenHash()) ? Uni.createFrom().voidItem()
                : repository.rehash(userId, hash);
        return synced.replaceWith(new Issued(token, stored.createdAt()));
    }

    private String token(long userId, byte[] nonce) {
        byte[] mac = key.mac(PURPOSE, (userId + ":" + Base64.getEncoder().encodeToString(nonce))
                .getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static byte[] nonce() {
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
