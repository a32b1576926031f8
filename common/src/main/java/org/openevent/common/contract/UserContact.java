package org.openevent.common.contract;

/** A user's address as user-service tells other services on {@code /internal} only (e.g. to match invitations). */
public record UserContact(long id, String email, boolean verified) {
}
