package org.openevent.user.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Function;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.Changes;
import org.openevent.common.resource.ResourceRules;
import org.openevent.common.resource.ResourceType;
import org.openevent.user.domain.Mail;

/** The mail log ({@code /v1/mails}, the admin's "Mail Logs"): every mail the platform sent, for admins only. */
@ApplicationScoped
public class MailRules implements ResourceRules<Mail> {

    static final ResourceType<Mail> TYPE = ResourceType.define("mail", "mails", Mail.class, Mail::new)
            .string("recipient", m -> m.recipient, null)
            // When it went out (or was asked for, while pending); filters and sorts use the request time.
            .datetime("createdAt", Mail::time, null).wire("time")
            .string("kind", m -> m.kind, null).wire("action")
            .string("subject", m -> m.subject, null)
            .text("message", m -> m.message, null)
            .hardDelete()
            .defaultOrder("x.createdAt desc")
            .describedAs("A mail the platform sent; read-only, admins only.")
            .build();

    @Override
    public ResourceType<Mail> type() {
        return TYPE;
    }

    @Override
    public String visible(Access access, String alias, Function<Object, String> bind) {
        return access.isStaff() ? null : "1 = 0";
    }

    @Override
    public boolean canSee(Access access, Mail mail) {
        return access.isStaff();
    }

    @Override
    public void checkCreate(Access access, Changes<Mail> changes) {
        throw ApiException.forbidden("Mails are sent by the platform, not created here.");
    }

    @Override
    public void checkUpdate(Access access, Mail mail, Changes<Mail> changes) {
        throw ApiException.forbidden("The mail log cannot be changed.");
    }

    @Override
    public void checkDelete(Access access, Mail mail) {
        throw ApiException.forbidden("The mail log cannot be changed.");
    }
}
