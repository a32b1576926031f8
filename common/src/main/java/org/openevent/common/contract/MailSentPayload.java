package org.openevent.common.contract;

import java.time.OffsetDateTime;

/** A mail user-service has handed to the SMTP server (no address, no body): what statistics count. */
public record MailSentPayload(String mailId, String kind, Long userId, OffsetDateTime sentAt) {
}
