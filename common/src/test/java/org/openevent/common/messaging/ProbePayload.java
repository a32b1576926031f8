package org.openevent.common.messaging;

import java.time.OffsetDateTime;

/** The snapshot the probe consumer applies; {@code failTimes} makes its first attempts fail like a lost database. */
public record ProbePayload(long id, String name, int failTimes, OffsetDateTime deletedAt) {
}
