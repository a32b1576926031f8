package org.openevent.common.contract;

/**
 * Asks user-service (the platform's mail sender) to send one e-mail. Any service publishes it through its outbox,
 * so a mail goes out only if the change that caused it committed. {@code kind} names the template family
 * (e.g. {@code verify-email}, {@code reset-password}, {@code role-invite}); {@code userId} is the recipient's
 * account when there is one. The address travels only on this topic, never on the public ones.
 */
public record MailRequestedPayload(String mailId, String kind, String to, String subject, String text, String html,
                                   Long userId) {
}
