package org.openevent.user.service;

import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.openevent.common.contract.MailRequestedPayload;
import org.openevent.common.contract.MailSentPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.messaging.Envelope;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.messaging.PoisonMessageException;
import org.openevent.common.persistence.Transactions;
import org.openevent.user.domain.Mail;
import org.openevent.user.repository.MailRepository;

/**
 * The platform's mail sender: records each requested mail (once per mail id), hands it to the SMTP server with no
 * transaction open, then marks it sent and announces {@code mail.sent} (no address) for statistics. A crash between
 * sending and marking sends the mail again on redelivery: at least once, never lost.
 */
@ApplicationScoped
public class MailSender {

    private final MailRepository mails;
    private final ReactiveMailer mailer;
    private final Outbox outbox;

    public MailSender(MailRepository mails, ReactiveMailer mailer, Outbox outbox) {
        this.mails = mails;
        this.mailer = mailer;
        this.outbox = outbox;
    }

    /** Sends one requested mail unless it was sent already. */
    public Uni<Void> send(Envelope envelope, MailRequestedPayload mail) {
        check(mail);
        return Transactions.run(() -> mails.record(mail)).flatMap(state -> {
            if (Mail.SENT.equals(state)) {
                return Uni.createFrom().voidItem();
            }
            io.quarkus.mailer.Mail message = io.quarkus.mailer.Mail.withText(mail.to(), mail.subject(), mail.text());
            if (mail.html() != null) {
                message.setHtml(mail.html());
            }
            return mailer.send(message).flatMap(sent -> Transactions.run(() -> mails.markSent(mail.mailId())
                    .flatMap(marked -> !marked ? Uni.createFrom().voidItem()
                            : outbox.publish(Topics.MAILS, MessageTypes.MAIL_SENT, "mail", mail.mailId(), 2,
                            new MailSentPayload(mail.mailId(), mail.kind(), mail.userId(),
                                    OffsetDateTime.now(ZoneOffset.UTC))))));
        });
    }

    private static void check(MailRequestedPayload mail) {
        if (mail.mailId() == null || mail.mailId().isBlank() || mail.mailId().length() > 64 || mail.to() == null
                || !mail.to().matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+") || mail.to().length() > 254
                || mail.kind() == null || mail.kind().isBlank() || mail.kind().length() > 64
                || mail.subject() == null || mail.subject().length() > 255 || mail.text() == null) {
            throw new PoisonMessageException("Mail request " + mail.mailId() + " lacks a valid id, address, kind, "
                    + "subject or text", null);
        }
    }
}
