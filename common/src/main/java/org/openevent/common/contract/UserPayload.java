package org.openevent.common.contract;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Public snapshot of a user account: no e-mail address, no password hash. {@code tokenGeneration} rises whenever
 * the account's older tokens must stop working (password change, block, deletion, logout everywhere); every
 * service refuses tokens that carry an older generation.
 */
public record UserPayload(long id, String publicName, List<String> roles, boolean verified, boolean blocked,
                          boolean superAdmin, boolean admin, boolean salesAdmin, boolean marketer,
                          long tokenGeneration, OffsetDateTime createdAt, OffsetDateTime lastAccessedAt,
                          OffsetDateTime deletedAt) {
}
