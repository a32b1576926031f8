package org.openevent.user.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.openevent.common.contract.MailRequestedPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.messaging.Outbox;
import org.openevent.user.config.AuthConfig;
import org.openevent.user.config.MailConfig;
import org.openevent.user.domain.User;
import org.openevent.user.repository.AccountTokenRepository;

/**
 * The account mails: verification links (sign-up, new address, on request), password reset links and the notice of
 * a changed password. Each is a single-use, expiring token stored as a hash plus a {@code mail.requested} message
 * in the outbox, written in the caller's transaction: a mail goes out only if the change that caused it committed,
 * and never from inside the request.
 */
@ApplicationScoped
public class Mails {

    public static final String VERIFY = "verify-email";
    public static final String RESET = "reset-password";
    public static final String PASSWORD_CHANGED = "password-changed";

    private final Outbox outbox;
    private final AccountTokenRepository tokens;
    private final AuthConfig auth;
    private final MailConfig config;

    public Mails(Outbox outbox, AccountTokenRepository tokens, AuthConfig auth, MailConfig config) {
        this.outbox = outbox;
        this.tokens = tokens;
        this.auth = auth;
        this.config = config;
    }

    /** A link that verifies the account's current address; older verification links stop working. */
    public Uni<Void> verification(User user) {
        String token = TokenIssuer.randomToken();
        String link = link("/verify", token);
        return tokens.voidAll(user.id, VERIFY)
                .flatMap(ignored -> tokens.create(TokenIssuer.hash(token), user.id, VERIFY, user.email,
                        expiry(auth.verificationTtl())))
                .flatMap(ignored -> request(user, VERIFY, "Account verification - " + config.appName(),
                        "Hello " + greeting(user) + ",\n\nplease confirm your e-mail address by opening this link:\n\n"
                                + link + "\n\nThe link works once and expires in " + describe(auth.verificationTtl())
                                + ". If you did not create an account with " + config.appName()
                                + ", ignore this mail.\n", link));
    }

    /** A single-use link that sets a new password; older reset links stop working. */
    public Uni<Void> reset(User user) {
        String token = TokenIssuer.randomToken();
        String link = link("/reset-password", token);
        return tokens.voidAll(user.id, RESET)
                .flatMap(ignored -> tokens.create(TokenIssuer.hash(token), user.id, RESET, user.email,
                        expiry(auth.resetTtl())))
                .flatMap(ignored -> request(user, RESET, "Reset your password - " + config.appName(),
                        "Hello " + greeting(user) + ",\n\nsomeone asked to reset the password of your account. To "
                                + "choose a new one, open this link:\n\n" + link + "\n\nThe link works once and expires "
                                + "in " + describe(auth.resetTtl()) + ". If it was not you, ignore this mail: your "
                                + "password stays as it is.\n", link));
    }

    /** Tells the account's owner that its password changed (and that every session was signed out). */
    public Uni<Void> passwordChanged(User user) {
        return request(user, PASSWORD_CHANGED, "Your password was changed - " + config.appName(),
                "Hello " + greeting(user) + ",\n\nthe password of your " + config.appName() + " account was just "
                        + "changed, and every device signed in with the old one was signed out. If this was not you, "
                        + "reset your password at once.\n", null);
    }

    private Uni<Void> request(User user, String kind, String subject, String text, String link) {
        String mailId = UUID.randomUUID().toString();
        String html = "<p>" + escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>";
        if (link != null) {
            html = html.replace(escape(link), "<a href=\"" + escape(link) + "\">" + escape(link) + "</a>");
        }
        return outbox.publish(Topics.MAILS, MessageTypes.MAIL_REQUESTED, "mail", mailId, 1,
                new MailRequestedPayload(mailId, kind, user.email, subject, text, html, user.id));
    }

    private String link(String path, String token) {
        String base = config.frontendUrl().replaceAll("/+$", "");
        return base + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private static OffsetDateTime expiry(Duration ttl) {
        return OffsetDateTime.now(ZoneOffset.UTC).plus(ttl);
    }

    private static String greeting(User user) {
        String name = user.displayName();
        return name == null ? "there" : name;
    }

    private static String describe(Duration ttl) {
        if (ttl.toDays() >= 1) {
            return ttl.toDays() + (ttl.toDays() == 1 ? " day" : " days");
        }
        if (ttl.toHours() >= 1) {
            return ttl.toHours() + (ttl.toHours() == 1 ? " hour" : " hours");
        }
        return ttl.toMinutes() + " minutes";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
