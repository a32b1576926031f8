package org.openevent.common.security;

/**
 * What decides whether an account's tokens are still good: its token generation (tokens carrying an older one are
 * revoked), whether it is blocked or deleted, and the snapshot version this knowledge comes from.
 */
public record AccountState(long userId, long tokenGeneration, boolean blocked, boolean deleted, long version) {
}
