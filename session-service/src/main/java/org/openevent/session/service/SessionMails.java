package org.openevent.session.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.openevent.common.contract.MailRequestedPayload;
import org.openevent.common.contract.MessageTypes;
import org.openevent.common.contract.Topics;
import org.openevent.common.jsonapi.ApiException;
import org.openevent.common.messaging.Outbox;
import org.openevent.common.persistence.Transactions;
import org.openevent.common.projection.ProjectedEventRole;
import org.openevent.common.resource.Access;
import org.openevent.common.resource.AccessResolver;
import org.openevent.common.resource.Check;
import org.openevent.common.resource.Roles;
import org.openevent.common.resource.Texts;
import org.openevent.common.security.CallerIdentity;
import org.openevent.session.client.UserContacts;
import org.openevent.session.domain.Session;
import org.openevent.session.domain.Speaker;

/**
 * Mails about a session's state: the default texts per state ({@code GET /v1/sessions/mails}, which the frontend's
 * notify dialog starts from) and sending them ({@code POST /v1/sessions/{id}/notify}) to the session's speakers whose
 * address is not overridden, the event's owner and any bcc addresses, through the platform's mail sender.
 */
@ApplicationScoped
public class SessionMails {

    static final int MAX_SUBJECT = 250;
    static final int MAX_MESSAGE = 5_000;
    static final int MAX_BCC = 50;

    private static final String CLOSING = "<br/><br/>The status and details of your submission are on its page "
            + "{session_cfs_link} (sign in to see it); the event's page is {event_link}.<br/><br/>{app_name}";

    /** Default subject and message per state; placeholders in braces are filled in when sent. */
    public static final Map<String, Object> TEMPLATES = templates();

    private final AccessResolver resolver;
    private final UserContacts contacts;
    private final Outbox outbox;

    public SessionMails(AccessResolver resolver, UserContacts contacts, Outbox outbox) {
        this.resolver = resolver;
        this.contacts = contacts;
        this.outbox = outbox;
    }

    private static Map<String, Object> templates() {
        Map<String, Object> mails = new LinkedHashMap<>();
        mails.put("recipient", "Speaker");
        mails.put("pending", mail("Your submission \"{session_name}\" for {event_name} was received",
                "Hello,<br/><br/>the organizers of {event_name} received your submission \"{session_name}\". It "
                        + "is now pending their review."));
        mails.put("accepted", mail("Accepted: your submission \"{session_name}\" for {event_name}",
                "Hello,<br/><br/>good news: your submission \"{session_name}\" for {event_name} was accepted. The "
                        + "organizers will schedule it; please confirm your participation with them if they ask."));
        mails.put("confirmed", mail("Confirmed: your session \"{session_name}\" at {event_name}",
                "Hello,<br/><br/>your session \"{session_name}\" at {event_name} is confirmed. Please tell the "
                        + "organizers if anything about your participation changes."));
        mails.put("rejected", mail("Your submission \"{session_name}\" for {event_name} was not accepted",
                "Hello,<br/><br/>we are sorry: your submission \"{session_name}\" for {event_name} was not "
                        + "accepted. Please contact the organizers with any questions."));
        mails.put("canceled", mail("Canceled: your session \"{session_name}\" at {event_name}",
                "Hello,<br/><br/>your session \"{session_name}\" at {event_name} was canceled by the organizers."));
        mails.put("withdrawn", mail("Withdrawn: your session \"{session_name}\" at {event_name}",
                "Hello,<br/><br/>your session \"{session_name}\" at {event_name} was withdrawn."));
        return Map.copyOf(mails);
    }

    private static Map<String, String> mail(String subject, String message) {
        return Map.of("subject", subject, "message", message + CLOSING);
    }

    /** Mails the session's people about its state; the subject and message default to the state's texts. */
    public Uni<Map<String, Object>> notify(CallerIdentity caller, long sessionId, JsonNode body) {
        caller.requireUser();
        Request request = Request.read(body);
        return Panache.withSession(() -> Session.<Session>findById(sessionId).flatMap(session -> {
            if (session == null || session.isDeleted()) {
                throw ApiException.notFound("Session");
            }
            return resolver.forEvent(caller, session.eventId, access -> true).flatMap(access -> {
                if (!access.eventVisible() || !SessionRules.sees(access, session)) {
                    throw ApiException.notFound("Session");
                }
                if (!access.isCoorganizer() && !session.belongsTo(caller.userId())) {
                    throw ApiException.forbidden("Only the session's proposer, its speakers or an organizer may "
                            + "notify about it.");
                }
                return recipients(session, access).map(to -> new Prepared(session, access, to));
            });
        })).flatMap(prepared -> ownerAddress(prepared.access()).flatMap(owner -> Transactions.run(() -> {
            Set<String> to = new LinkedHashSet<>(prepared.to());
            owner.ifPresent(to::add);
            to.addAll(request.bcc());
            String subject = fill(request.subject() != null ? request.subject() : template(prepared, "subject"),
                    prepared);
            String message = fill(request.message() != null ? request.message() : template(prepared, "message"),
                    prepared);
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String address : to) {
                String mailId = UUID.randomUUID().toString();
                chain = chain.flatMap(ignored -> outbox.publish(Topics.MAILS, MessageTypes.MAIL_REQUESTED, "mail",
                        mailId, 1, new MailRequestedPayload(mailId, "session-state", address, subject, null, message,
                                null)));
            }
            return chain.flatMap(ignored -> Session.update("mailSent = true where id = ?1", sessionId))
                    .replaceWith(Map.<String, Object>of("success", true));
        })));
    }

    private static Uni<List<String>> recipients(Session session, Access access) {
        return Speaker.<Speaker>list("deletedAt is null and emailOverridden = false and email is not null and id in "
                        + "(select l.speakerId from SessionSpeaker l where l.sessionId = ?1)", session.id)
                .map(speakers -> speakers.stream().map(speaker -> speaker.email).distinct().toList());
    }

    /** The event owner's address, asked from user-service (bounded): outside any transaction. */
    private Uni<Optional<String>> ownerAddress(Access access) {
        return Panache.withSession(() -> ProjectedEventRole.<ProjectedEventRole>find("eventId = ?1 and role = ?2",
                        access.eventId(), Roles.OWNER).firstResult())
                .flatMap(owner -> owner == null ? Uni.createFrom().item(Optional.<String>empty())
                        : contacts.of(owner.userId).map(contact -> Optional.of(contact.email())));
    }

    private static String template(Prepared prepared, String part) {
        Object mails = TEMPLATES.get(prepared.session().state);
        if (!(mails instanceof Map<?, ?> texts)) {
            throw ApiException.unprocessable("/data", "There is no default mail for a session in state \""
                    + prepared.session().state + "\"; send a subject and a message.");
        }
        return (String) texts.get(part);
    }

    private static String fill(String text, Prepared prepared) {
        String identifier = prepared.access().event().identifier();
        return text.replace("{event_name}", String.valueOf(prepared.access().event().name()))
                .replace("{session_name}", prepared.session().title)
                .replace("{session_cfs_link}", "/e/" + identifier + "/cfs/session/" + prepared.session().id)
                .replace("{event_link}", "/e/" + identifier)
                .replace("{frontend_link}", "/")
                .replace("{app_name}", "Open Event");
    }

    private record Prepared(Session session, Access access, List<String> to) {
    }

    /** The notify body: optional subject (≤ 250), message (≤ 5,000) and bcc addresses; anything else is a 422. */
    private record Request(String subject, String message, List<String> bcc) {

        static Request read(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw ApiException.unprocessable("/data", "Data in incorrect format");
            }
            String subject = text(body, "subject", MAX_SUBJECT);
            String message = text(body, "message", MAX_MESSAGE);
            List<String> bcc = new ArrayList<>();
            JsonNode addresses = body.path("bcc");
            if (!addresses.isMissingNode() && !addresses.isNull()) {
                if (!addresses.isArray() || addresses.size() > MAX_BCC) {
                    throw ApiException.unprocessable("/bcc", "bcc takes a list of at most " + MAX_BCC + " addresses.");
                }
                for (JsonNode address : addresses) {
                    if (!address.isTextual() || Check.email().problem(address.asText().trim()) != null) {
                        throw ApiException.unprocessable("/bcc", "Not a valid email address.");
                    }
                    bcc.add(address.asText().trim());
                }
            }
            return new Request(subject, message, bcc);
        }

        private static String text(JsonNode body, String member, int max) {
            JsonNode value = body.path(member);
            if (value.isMissingNode() || value.isNull()) {
                return null;
            }
            if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > max
                    || !Texts.storable(value.asText())) {
                throw ApiException.unprocessable("/" + member, member + " must be text of at most " + max
                        + " characters.");
            }
            return value.asText();
        }
    }
}
