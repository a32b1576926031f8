-- Reconciliation: the latest snapshot of every aggregate, found by replaying the topics from the beginning (the same
-- JSON rows the apply functions take), and the figures recounted from them declaratively, independently of the
-- incremental code, for comparison with the maintained ones. One reconciliation runs at a time (an advisory lock).
CREATE TABLE replay_event (
    id         bigint PRIMARY KEY,
    version    bigint  NOT NULL,
    state      text,
    ends_at    timestamptz,
    created_at timestamptz,
    deleted    boolean NOT NULL,
    type_id    bigint,
    topic_id   bigint,
    group_id   bigint,
    grants     jsonb   NOT NULL
);

CREATE TABLE replay_session (
    id           bigint PRIMARY KEY,
    version      bigint   NOT NULL,
    event_id     bigint,
    state        text,
    submitted_at timestamptz,
    deleted      boolean  NOT NULL,
    speaker_ids  bigint[] NOT NULL
);

CREATE TABLE replay_speaker (
    id       bigint PRIMARY KEY,
    version  bigint  NOT NULL,
    event_id bigint,
    deleted  boolean NOT NULL
);

CREATE TABLE replay_user (
    id          bigint PRIMARY KEY,
    version     bigint  NOT NULL,
    super_admin boolean NOT NULL,
    admin       boolean NOT NULL,
    verified    boolean NOT NULL,
    created_at  timestamptz,
    deleted     boolean NOT NULL
);

CREATE TABLE replay_group (
    id      bigint PRIMARY KEY,
    version bigint  NOT NULL,
    deleted boolean NOT NULL
);

CREATE TABLE replay_follow (
    id       bigint PRIMARY KEY,
    version  bigint  NOT NULL,
    group_id bigint,
    user_id  bigint,
    deleted  boolean NOT NULL
);

CREATE TABLE replay_taxonomy (
    kind    text    NOT NULL,
    id      bigint  NOT NULL,
    version bigint  NOT NULL,
    name    text,
    deleted boolean NOT NULL,
    PRIMARY KEY (kind, id)
);

CREATE TABLE replay_mail (
    mail_id text PRIMARY KEY,
    sent_at timestamptz NOT NULL
);

-- The recounted figures of the last reconciliation, and their comparison with the maintained ones.
CREATE TABLE replay_figure (
    scope  bigint NOT NULL,
    figure text   NOT NULL,
    value  bigint NOT NULL,
    PRIMARY KEY (scope, figure)
);

CREATE TABLE replay_comparison (
    scope      bigint NOT NULL,
    figure     text   NOT NULL,
    maintained bigint NOT NULL,
    rebuilt    bigint NOT NULL,
    PRIMARY KEY (scope, figure)
);

-- Keeps the newest snapshot of each aggregate in a batch of rows of one kind (events, sessions, ...).
CREATE FUNCTION replay_keep(aggregates text, batch jsonb) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    CASE aggregates
    WHEN 'events' THEN
        INSERT INTO replay_event AS t
        SELECT DISTINCT ON (r.id) r.id, r.version, r.state, r.ends_at, r.created_at, r.deleted, r.type_id, r.topic_id,
               r.group_id, coalesce(r.grants, '[]')
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, state text, ends_at timestamptz,
                                            created_at timestamptz, deleted boolean, type_id bigint, topic_id bigint,
                                            group_id bigint, grants jsonb)
        ORDER BY r.id, r.version DESC
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, state = excluded.state, ends_at = excluded.ends_at,
            created_at = excluded.created_at, deleted = excluded.deleted, type_id = excluded.type_id,
            topic_id = excluded.topic_id, group_id = excluded.group_id, grants = excluded.grants
        WHERE excluded.version > t.version;
    WHEN 'sessions' THEN
        INSERT INTO replay_session AS t
        SELECT DISTINCT ON (r.id) r.id, r.version, r.event_id, r.state, r.submitted_at, r.deleted,
               ARRAY(SELECT jsonb_array_elements_text(coalesce(r.speaker_ids, '[]'))::bigint)
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, event_id bigint, state text,
                                            submitted_at timestamptz, deleted boolean, speaker_ids jsonb)
        ORDER BY r.id, r.version DESC
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, event_id = excluded.event_id,
            state = excluded.state, submitted_at = excluded.submitted_at, deleted = excluded.deleted,
            speaker_ids = excluded.speaker_ids
        WHERE excluded.version > t.version;
    WHEN 'speakers' THEN
        INSERT INTO replay_speaker AS t
        SELECT DISTINCT ON (r.id) r.id, r.version, r.event_id, r.deleted
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, event_id bigint, deleted boolean)
        ORDER BY r.id, r.version DESC
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, event_id = excluded.event_id,
            deleted = excluded.deleted
        WHERE excluded.version > t.version;
    WHEN 'users' THEN
        INSERT INTO replay_user AS t
        SELECT DISTINCT ON (r.id) r.id, r.version, r.super_admin, r.admin, r.verified, r.created_at, r.deleted
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, super_admin boolean, admin boolean,
                                            verified boolean, created_at timestamptz, deleted boolean)
        ORDER BY r.id, r.version DESC
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, super_admin = excluded.super_admin,
            admin = excluded.admin, verified = excluded.verified, created_at = excluded.created_at,
            deleted = excluded.deleted
        WHERE excluded.version > t.version;
    WHEN 'groups' THEN
        INSERT INTO replay_group AS t
        SELECT DISTINCT ON (r.id) r.id, r.version, r.deleted
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, deleted boolean)
        ORDER BY r.id, r.version DESC
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted
        WHERE excluded.version > t.version;
    WHEN 'follows' THEN
        INSERT INTO replay_follow AS t
        SELECT DISTINCT ON (r.id) r.id, r.version, r.group_id, r.user_id, r.deleted
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, group_id bigint, user_id bigint,
                                            deleted boolean)
        ORDER BY r.id, r.version DESC
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, group_id = excluded.group_id,
            user_id = excluded.user_id, deleted = excluded.deleted
        WHERE excluded.version > t.version;
    WHEN 'taxonomy' THEN
        INSERT INTO replay_taxonomy AS t
        SELECT DISTINCT ON (r.kind, r.id) r.kind, r.id, r.version, r.name, r.deleted
        FROM jsonb_to_recordset(batch) AS r(kind text, id bigint, version bigint, name text, deleted boolean)
        ORDER BY r.kind, r.id, r.version DESC
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, name = excluded.name,
            deleted = excluded.deleted
        WHERE excluded.version > t.version;
    WHEN 'mails' THEN
        INSERT INTO replay_mail
        SELECT DISTINCT ON (r.mail_id) r.mail_id, r.sent_at
        FROM jsonb_to_recordset(batch) AS r(mail_id text, sent_at timestamptz)
        ORDER BY r.mail_id
        ON CONFLICT (mail_id) DO NOTHING;
    END CASE;
END
$$;

CREATE FUNCTION replay_clear() RETURNS void LANGUAGE sql AS $$
    TRUNCATE replay_event, replay_session, replay_speaker, replay_user, replay_group, replay_follow, replay_taxonomy,
             replay_mail, replay_figure, replay_comparison
$$;

-- Every figure as the definitions say it should be at {@code at}, counted from the replayed snapshots.
CREATE FUNCTION stats_recount(at timestamptz) RETURNS TABLE (scope bigint, figure text, value bigint)
    LANGUAGE sql STABLE AS $$
    WITH live_event AS (SELECT * FROM replay_event WHERE NOT deleted),
         live_session AS (SELECT * FROM replay_session WHERE NOT deleted),
         live_user AS (SELECT * FROM replay_user WHERE NOT deleted),
         live_group AS (SELECT * FROM replay_group WHERE NOT deleted),
         speaker_state AS (
             SELECT DISTINCT sp.id, sp.event_id, s.state
             FROM live_session s CROSS JOIN unnest(s.speaker_ids) AS linked(speaker_id)
             JOIN replay_speaker sp ON sp.id = linked.speaker_id AND NOT sp.deleted)
    SELECT 0::bigint, 'events.' || CASE WHEN state = 'draft' THEN 'draft'
                                      WHEN ends_at IS NULL OR ends_at > at THEN 'published'
                                      ELSE 'past' END, count(*)
    FROM live_event GROUP BY 2
    UNION ALL SELECT 0, 'events.created@' || stat_day(created_at), count(*)
    FROM replay_event WHERE created_at IS NOT NULL GROUP BY 2
    UNION ALL SELECT 0, 'event-type@' || type_id, count(*) FROM live_event WHERE type_id IS NOT NULL GROUP BY 2
    UNION ALL SELECT 0, 'event-topic@' || topic_id, count(*) FROM live_event WHERE topic_id IS NOT NULL GROUP BY 2
    UNION ALL SELECT event_id, 'sessions.' || state, count(*) FROM live_session GROUP BY 1, 2
    UNION ALL SELECT 0, 'sessions.' || s.state, count(*)
    FROM live_session s JOIN live_event e ON e.id = s.event_id GROUP BY 2
    UNION ALL SELECT 0, 'sessions.submitted@' || stat_day(submitted_at), count(*)
    FROM replay_session WHERE submitted_at IS NOT NULL GROUP BY 2
    UNION ALL SELECT event_id, 'speakers.' || state, count(*) FROM speaker_state GROUP BY 1, 2
    UNION ALL SELECT event_id, 'speakers.total', count(DISTINCT id) FROM speaker_state GROUP BY 1
    UNION ALL SELECT sp.event_id, 'speakers.without-session', count(*)
    FROM replay_speaker sp
    WHERE NOT sp.deleted AND NOT EXISTS (SELECT 1 FROM speaker_state x WHERE x.id = sp.id) GROUP BY 1
    UNION ALL SELECT 0, 'users.' || CASE WHEN super_admin THEN 'super-admin' WHEN admin THEN 'admin'
                                         WHEN verified THEN 'verified' ELSE 'unverified' END, count(*)
    FROM live_user GROUP BY 2
    UNION ALL SELECT 0, 'users.signed-up@' || stat_day(created_at), count(*)
    FROM replay_user WHERE created_at IS NOT NULL GROUP BY 2
    UNION ALL SELECT 0, 'users.' || replace(g ->> 'role', '_', '-'), count(DISTINCT u.id)
    FROM live_event e CROSS JOIN jsonb_array_elements(e.grants) g
    JOIN live_user u ON u.id = (g ->> 'user_id')::bigint
    WHERE g ->> 'role' IN ('owner', 'organizer', 'coorganizer', 'track_organizer') GROUP BY 2
    UNION ALL SELECT 0, 'groups.groups', count(*) FROM live_group
    UNION ALL SELECT 0, 'groups.group-events', count(*) FROM live_event e JOIN live_group g ON g.id = e.group_id
    UNION ALL SELECT 0, 'groups.followers', count(DISTINCT f.user_id)
    FROM replay_follow f JOIN live_group g ON g.id = f.group_id JOIN live_user u ON u.id = f.user_id
    WHERE NOT f.deleted
    UNION ALL SELECT 0, 'mails.sent@' || stat_hour(sent_at), count(*) FROM replay_mail GROUP BY 2
    UNION ALL SELECT 0, 'mails.' || v.name, count(m.mail_id)
    FROM (VALUES ('one-day', 1), ('three-days', 3), ('seven-days', 7), ('thirty-days', 30)) AS v(name, days)
    LEFT JOIN replay_mail m ON m.sent_at > at - make_interval(days => v.days) AND m.sent_at <= at
    GROUP BY v.name
$$;

-- The maintained figures, with the mail windows computed as the endpoint does.
CREATE FUNCTION stats_maintained(at timestamptz) RETURNS TABLE (scope bigint, figure text, value bigint)
    LANGUAGE sql STABLE AS $$
    SELECT f.scope, f.figure, f.value FROM stat_figure f
    UNION ALL SELECT 0, 'mails.' || w.name, w.mails FROM stats_mail_windows(at) w
$$;

-- Recounts into replay_figure and compares with the maintained figures (which the caller rolled over to {@code at}
-- first) into replay_comparison; yields the number of figures compared. Single mails older than 30 days are not
-- kept, so their hours are not compared.
CREATE FUNCTION stats_compare(at timestamptz) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE
    compared bigint;
BEGIN
    DELETE FROM replay_figure;
    DELETE FROM replay_comparison;
    INSERT INTO replay_figure SELECT r.scope, r.figure, r.value FROM stats_recount(at) r;
    INSERT INTO replay_comparison
    SELECT coalesce(m.scope, r.scope), coalesce(m.figure, r.figure), coalesce(m.value, 0), coalesce(r.value, 0)
    FROM (SELECT * FROM stats_maintained(at) x WHERE x.value <> 0) m
    FULL JOIN (SELECT * FROM replay_figure x WHERE x.value <> 0) r ON r.scope = m.scope AND r.figure = m.figure
    WHERE coalesce(m.figure, r.figure) NOT LIKE 'mails.sent@%'
       OR coalesce(m.figure, r.figure) > 'mails.sent@' || stat_hour(at - interval '30 days');
    GET DIAGNOSTICS compared = ROW_COUNT;
    RETURN compared;
END
$$;
