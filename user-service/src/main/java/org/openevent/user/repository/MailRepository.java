package org.openevent.user.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.openevent.common.contract.MailRequestedPayload;
import org.openevent.common.persistence.NativeSql;
import org.openevent.user.domain.Mail;

/** The mail log: one row per requested mail, keyed by the requester's mail id so redeliveries add nothing. */
@ApplicationScoped
public class MailRepository implements PanacheRepositoryBase<Mail, Long> {

    /** Records a requested mail unless it is known; the state it is in now (pending or sent). */
    public Uni<String> record(MailRequestedPayload mail) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        INSERT INTO mail (mail_id, kind, recipient, subject, message, html, user_id, state, version,
                                          created_at)
                        VALUES (:mailId, :kind, :to, :subject, :text, :html, :user, 'pending', 1, now())
                        ON CONFLICT (mail_id) DO NOTHING""")
                .setParameter("mailId", mail.mailId()).setParameter("kind", mail.kind())
                .setParameter("to", mail.to()).setParameter("subject", mail.subject())
                .setParameter("text", mail.text()).setParameter("html", mail.html())
                .setParameter("user", mail.userId()).executeUpdate()
                .flatMap(ignored -> NativeSql.value(session, "SELECT state FROM mail WHERE mail_id = $1",
                        mail.mailId()))
                .map(String.class::cast));
    }

    /** Marks the mail sent; true when this call did (so only one caller announces it). */
    public Uni<Boolean> markSent(String mailId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                        UPDATE mail SET state = 'sent', sent_at = now(), version = version + 1
                        WHERE mail_id = :mailId AND state <> 'sent'""")
                .setParameter("mailId", mailId).executeUpdate()).map(updated -> updated > 0);
    }
}
