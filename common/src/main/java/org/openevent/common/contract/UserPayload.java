package org.openevent.common.contract;

import java.time.OffsetDateTime;
import java.util.List;

/** Public snapshot of a user account: no e-mail address, no password hash. */
public record UserPayload(long id, String publicName, List<String> roles, OffsetDateTime createdAt,
                          OffsetDateTime deletedAt) {
}
