package org.openevent.stats.domain;

/**
 * The kinds of aggregates the statistics keep a last applied state of; {@link #key()} names their apply function
 * ({@code stats_apply_<key>}) and their replay table.
 */
public enum Aggregate {
    EVENTS, SESSIONS, SPEAKERS, USERS, GROUPS, FOLLOWS, TAXONOMY, MAILS;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
