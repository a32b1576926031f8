-- Statistics maintained incrementally from the domain messages, so that a read is a handful of row lookups.
--
-- Every figure lives in stat_figure: scope 0 holds the platform's figures, scope <event id> an event's own. Each
-- aggregate's last applied state is kept (stat_event, stat_session, ...) together with what it currently contributes
-- ("counted_*" columns, bucket, kind), so a newer snapshot moves it between figures exactly once and an older or
-- repeated one changes nothing. The apply functions take a JSON array of snapshots: the consumers pass one per
-- message, bulk loaders (deploy/bench) pass thousands; both run the same code.
--
-- Locking: an applier locks rows in one global order (sessions < speakers < events < groups < users < figures,
-- each kind by id) and recomputes a derived value only after it holds the row that value belongs to, so concurrent
-- consumers of different topics serialize where their effects meet and never deadlock.

-- The shared event projection (common's ProjectedEvent) replaces the first, statistics-only one: access to an
-- event's statistics is decided on it, with event-service as the owner fallback (read-your-writes).
DROP TABLE event_projection;
CREATE TABLE event_projection (
    id                        bigint PRIMARY KEY,
    identifier                varchar(64),
    name                      text,
    description               text,
    state                     varchar(16),
    privacy                   varchar(16),
    timezone                  varchar(64),
    starts_at                 timestamptz,
    ends_at                   timestamptz,
    location_name             text,
    latitude                  double precision,
    longitude                 double precision,
    owner_name                text,
    schedule_published_on     timestamptz,
    sessions_speakers_enabled boolean NOT NULL DEFAULT false,
    sponsors_enabled          boolean NOT NULL DEFAULT false,
    event_type_id             bigint,
    event_topic_id            bigint,
    created_at                timestamptz,
    deleted_at                timestamptz,
    version                   bigint  NOT NULL,
    applied_at                timestamptz
);
CREATE UNIQUE INDEX event_projection_identifier ON event_projection (identifier);

CREATE TABLE event_projection_role (
    event_id bigint      NOT NULL,
    user_id  bigint      NOT NULL,
    role     varchar(32) NOT NULL,
    PRIMARY KEY (event_id, user_id, role)
);
CREATE INDEX event_projection_role_user ON event_projection_role (user_id, role);

-- ------------------------------------------------------------------------------------------------ figures

-- Names: events.draft|published|past, events.created@<day>, event-type@<id>, event-topic@<id>, sessions.<state>,
-- sessions.submitted@<day>, speakers.<state>|total|without-session (per event), users.<kind>|<role>,
-- users.signed-up@<day>, groups.groups|group-events|followers, mails.sent@<hour>. Days and hours are UTC.
CREATE TABLE stat_figure (
    scope  bigint NOT NULL,
    figure text   NOT NULL,
    value  bigint NOT NULL,
    PRIMARY KEY (scope, figure)
);

CREATE TYPE stat_delta AS (scope bigint, figure text, delta bigint);

-- Adds deltas to figures; the rows are locked in key order, so appliers never deadlock on them.
CREATE FUNCTION stat_add(deltas stat_delta[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO stat_figure AS f (scope, figure, value)
    SELECT d.scope, d.figure, sum(d.delta) FROM unnest(deltas) d
    GROUP BY d.scope, d.figure HAVING sum(d.delta) <> 0
    ORDER BY d.scope, d.figure
    ON CONFLICT (scope, figure) DO UPDATE SET value = f.value + excluded.value
$$;

CREATE FUNCTION stat_day(at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD')
$$;

CREATE FUNCTION stat_hour(at timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24')
$$;

-- ------------------------------------------------------------------------------------------------ last applied states

-- version 0 marks a placeholder: a row other aggregates needed to lock before the aggregate's own snapshot arrived.
CREATE TABLE stat_event (
    id          bigint PRIMARY KEY,
    version     bigint  NOT NULL DEFAULT 0,
    live        boolean NOT NULL DEFAULT false,
    -- what the event counts as in events.*: draft, published (not ended when last looked at), past; null when deleted
    bucket      text,
    ends_at     timestamptz,
    created_day text,
    type_id     bigint,
    topic_id    bigint,
    group_id    bigint
);
-- Published events by end: the ones that ended since the last roll-over are counted as past when read.
CREATE INDEX stat_event_due ON stat_event (ends_at) WHERE bucket = 'published';

-- The counted role grants of each event's last applied snapshot.
CREATE TABLE stat_event_grant (
    event_id bigint NOT NULL,
    user_id  bigint NOT NULL,
    role     text   NOT NULL,
    PRIMARY KEY (event_id, user_id, role)
);
CREATE INDEX stat_event_grant_user ON stat_event_grant (user_id);

CREATE TABLE stat_session (
    id            bigint PRIMARY KEY,
    version       bigint NOT NULL DEFAULT 0,
    event_id      bigint,
    state         text,   -- null when deleted
    submitted_day text
);

CREATE TABLE stat_session_speaker (
    session_id bigint NOT NULL,
    speaker_id bigint NOT NULL,
    PRIMARY KEY (session_id, speaker_id)
);
CREATE INDEX stat_session_speaker_speaker ON stat_session_speaker (speaker_id);

CREATE TABLE stat_speaker (
    id              bigint PRIMARY KEY,
    version         bigint  NOT NULL DEFAULT 0,
    event_id        bigint,
    live            boolean NOT NULL DEFAULT false,
    counted_event   bigint,
    counted_states  text[]  NOT NULL DEFAULT '{}',
    counted_without boolean NOT NULL DEFAULT false
);

CREATE TABLE stat_user (
    id               bigint PRIMARY KEY,
    version          bigint  NOT NULL DEFAULT 0,
    live             boolean NOT NULL DEFAULT false,
    kind             text,   -- super-admin, admin, verified, unverified; null when deleted
    signup_day       text,
    counted_roles    text[]  NOT NULL DEFAULT '{}',
    counted_follower boolean NOT NULL DEFAULT false
);

CREATE TABLE stat_group (
    id      bigint PRIMARY KEY,
    version bigint  NOT NULL DEFAULT 0,
    live    boolean NOT NULL DEFAULT false,
    events  bigint  NOT NULL DEFAULT 0   -- live events that belong to the group
);

CREATE TABLE stat_follow (
    id       bigint PRIMARY KEY,
    version  bigint  NOT NULL DEFAULT 0,
    group_id bigint,
    user_id  bigint,
    live     boolean NOT NULL DEFAULT false
);
CREATE INDEX stat_follow_user ON stat_follow (user_id);
CREATE INDEX stat_follow_group ON stat_follow (group_id);

CREATE TABLE stat_taxonomy (
    kind    text    NOT NULL,   -- event-type, event-topic
    id      bigint  NOT NULL,
    version bigint  NOT NULL,
    name    text,
    live    boolean NOT NULL,
    PRIMARY KEY (kind, id)
);

-- Mails of the last 31 days, for exact window edges; older ones live on only in their hour's figure.
CREATE TABLE stat_mail (
    mail_id text PRIMARY KEY,
    sent_at timestamptz NOT NULL
);
CREATE INDEX stat_mail_sent ON stat_mail (sent_at);

-- ------------------------------------------------------------------------------------------------ derived flags

-- Recomputes the speakers' contributions (the states they have live sessions in, or none) after the caller changed
-- their sessions or themselves; locks them first. Returns the deltas of their events' speaker figures.
CREATE FUNCTION stat_speaker_flags(speakers bigint[]) RETURNS stat_delta[] LANGUAGE plpgsql AS $$
DECLARE
    deltas stat_delta[];
BEGIN
    IF cardinality(speakers) = 0 THEN
        RETURN '{}';
    END IF;
    INSERT INTO stat_speaker (id) SELECT s FROM unnest(speakers) s ORDER BY s ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_speaker WHERE id = ANY (speakers) ORDER BY id FOR UPDATE;
    WITH states AS (
        SELECT l.speaker_id, array_agg(DISTINCT x.state ORDER BY x.state) AS states
        FROM stat_session_speaker l JOIN stat_session x ON x.id = l.session_id AND x.state IS NOT NULL
        WHERE l.speaker_id = ANY (speakers)
        GROUP BY l.speaker_id
    ), fresh AS (
        SELECT sp.id, sp.counted_event AS old_event, sp.counted_states AS old_states,
               sp.counted_without AS old_without,
               CASE WHEN sp.live THEN sp.event_id END AS new_event,
               CASE WHEN sp.live THEN coalesce(st.states, '{}') ELSE '{}' END AS new_states
        FROM stat_speaker sp LEFT JOIN states st ON st.speaker_id = sp.id
        WHERE sp.id = ANY (speakers)
    ), changed AS (
        UPDATE stat_speaker sp
        SET counted_event = f.new_event, counted_states = f.new_states,
            counted_without = f.new_event IS NOT NULL AND cardinality(f.new_states) = 0
        FROM fresh f
        WHERE sp.id = f.id AND (sp.counted_event IS DISTINCT FROM f.new_event OR sp.counted_states <> f.new_states
                                OR sp.counted_without <> (f.new_event IS NOT NULL AND cardinality(f.new_states) = 0))
        RETURNING f.*, sp.counted_without AS new_without
    )
    SELECT coalesce(array_agg(d), '{}') INTO deltas FROM (
        SELECT ROW(c.old_event, 'speakers.' || s, -1)::stat_delta AS d FROM changed c, unnest(c.old_states) s
        UNION ALL SELECT ROW(c.new_event, 'speakers.' || s, 1)::stat_delta FROM changed c, unnest(c.new_states) s
        UNION ALL SELECT ROW(c.old_event, 'speakers.total', -1)::stat_delta FROM changed c
                  WHERE cardinality(c.old_states) > 0
        UNION ALL SELECT ROW(c.new_event, 'speakers.total', 1)::stat_delta FROM changed c
                  WHERE cardinality(c.new_states) > 0
        UNION ALL SELECT ROW(c.old_event, 'speakers.without-session', -1)::stat_delta FROM changed c WHERE c.old_without
        UNION ALL SELECT ROW(c.new_event, 'speakers.without-session', 1)::stat_delta FROM changed c WHERE c.new_without
    ) x;
    RETURN deltas;
END
$$;

-- Recomputes the users' contributions (the event roles they hold on live events, whether they follow a live group;
-- nothing for deleted or unknown users) after the caller changed what they depend on; locks them first.
CREATE FUNCTION stat_user_flags(users bigint[]) RETURNS stat_delta[] LANGUAGE plpgsql AS $$
DECLARE
    deltas stat_delta[];
BEGIN
    IF cardinality(users) = 0 THEN
        RETURN '{}';
    END IF;
    INSERT INTO stat_user (id) SELECT u FROM unnest(users) u ORDER BY u ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_user WHERE id = ANY (users) ORDER BY id FOR UPDATE;
    WITH roles AS (
        SELECT g.user_id, array_agg(DISTINCT g.role ORDER BY g.role) AS roles
        FROM stat_event_grant g JOIN stat_event e ON e.id = g.event_id AND e.live
        WHERE g.user_id = ANY (users)
        GROUP BY g.user_id
    ), following AS (
        SELECT DISTINCT f.user_id
        FROM stat_follow f JOIN stat_group gr ON gr.id = f.group_id AND gr.live
        WHERE f.user_id = ANY (users) AND f.live
    ), fresh AS (
        SELECT u.id, u.counted_roles AS old_roles, u.counted_follower AS old_follower,
               CASE WHEN u.live THEN coalesce(r.roles, '{}') ELSE '{}' END AS new_roles,
               u.live AND fo.user_id IS NOT NULL AS new_follower
        FROM stat_user u LEFT JOIN roles r ON r.user_id = u.id LEFT JOIN following fo ON fo.user_id = u.id
        WHERE u.id = ANY (users)
    ), changed AS (
        UPDATE stat_user u SET counted_roles = f.new_roles, counted_follower = f.new_follower
        FROM fresh f
        WHERE u.id = f.id AND (u.counted_roles <> f.new_roles OR u.counted_follower <> f.new_follower)
        RETURNING f.*
    )
    SELECT coalesce(array_agg(d), '{}') INTO deltas FROM (
        SELECT ROW(0, 'users.' || replace(r, '_', '-'), -1)::stat_delta AS d FROM changed c, unnest(c.old_roles) r
        UNION ALL SELECT ROW(0, 'users.' || replace(r, '_', '-'), 1)::stat_delta FROM changed c, unnest(c.new_roles) r
        UNION ALL SELECT ROW(0, 'groups.followers', -1)::stat_delta FROM changed c WHERE c.old_follower
        UNION ALL SELECT ROW(0, 'groups.followers', 1)::stat_delta FROM changed c WHERE c.new_follower
    ) x;
    RETURN deltas;
END
$$;

-- ------------------------------------------------------------------------------------------------ events

CREATE TYPE stat_event_change AS (
    id        bigint,
    was_live  boolean,
    is_live   boolean,
    old_bucket text,
    new_bucket text,
    old_day   text,
    new_day   text,
    old_type  bigint,
    new_type  bigint,
    old_topic bigint,
    new_topic bigint,
    old_group bigint,
    new_group bigint,
    grants    jsonb
);

-- Snapshots: {id, version, state, ends_at, created_at, deleted, type_id, topic_id, group_id, grants: [{user_id, role}]}.
CREATE FUNCTION stats_apply_events(batch jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    changes stat_event_change[];
    deltas  stat_delta[];
    users   bigint[];
    groups  bigint[];
BEGIN
    INSERT INTO stat_event (id)
    SELECT DISTINCT r.id FROM jsonb_to_recordset(batch) AS r(id bigint) ORDER BY r.id
    ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_event
    WHERE id IN (SELECT r.id FROM jsonb_to_recordset(batch) AS r(id bigint)) ORDER BY id FOR UPDATE;

    WITH incoming AS (
        SELECT DISTINCT ON (r.id) r.*
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, state text, ends_at timestamptz,
                                            created_at timestamptz, deleted boolean, type_id bigint, topic_id bigint,
                                            group_id bigint, grants jsonb)
        ORDER BY r.id, r.version DESC
    ), before AS (
        SELECT e.* FROM stat_event e JOIN incoming i ON i.id = e.id AND i.version > e.version
    ), after AS (
        UPDATE stat_event e
        SET version = i.version, live = NOT i.deleted,
            bucket = CASE WHEN i.deleted THEN NULL
                          WHEN i.state = 'draft' THEN 'draft'
                          WHEN i.ends_at IS NULL OR i.ends_at > now() THEN 'published'
                          ELSE 'past' END,
            ends_at = i.ends_at, created_day = stat_day(i.created_at),
            type_id = i.type_id, topic_id = i.topic_id, group_id = i.group_id
        FROM incoming i
        WHERE e.id = i.id AND i.version > e.version
        RETURNING e.*, coalesce(i.grants, '[]') AS grants
    )
    SELECT coalesce(array_agg(ROW(a.id, b.live, a.live, b.bucket, a.bucket, b.created_day, a.created_day,
                                  b.type_id, a.type_id, b.topic_id, a.topic_id, b.group_id, a.group_id,
                                  a.grants)::stat_event_change), '{}')
    INTO changes FROM before b JOIN after a ON a.id = b.id;
    IF cardinality(changes) = 0 THEN
        RETURN 0;
    END IF;

    -- Role grants: the holders of the old and of the new grants are recomputed below.
    SELECT coalesce(array_agg(DISTINCT x.user_id ORDER BY x.user_id), '{}') INTO users FROM (
        SELECT g.user_id FROM stat_event_grant g WHERE g.event_id IN (SELECT c.id FROM unnest(changes) c)
        UNION SELECT (g ->> 'user_id')::bigint FROM unnest(changes) c, jsonb_array_elements(c.grants) g
    ) x;
    DELETE FROM stat_event_grant WHERE event_id IN (SELECT c.id FROM unnest(changes) c);
    INSERT INTO stat_event_grant (event_id, user_id, role)
    SELECT DISTINCT c.id, (g ->> 'user_id')::bigint, g ->> 'role'
    FROM unnest(changes) c, jsonb_array_elements(c.grants) g
    WHERE g ->> 'role' IN ('owner', 'organizer', 'coorganizer', 'track_organizer');

    -- The event's own figures, and its sessions entering or leaving the platform's figures with its liveness.
    SELECT coalesce(array_agg(d), '{}') INTO deltas FROM (
        SELECT ROW(0, 'events.' || c.old_bucket, -1)::stat_delta AS d FROM unnest(changes) c
        WHERE c.old_bucket IS NOT NULL
        UNION ALL SELECT ROW(0, 'events.' || c.new_bucket, 1)::stat_delta FROM unnest(changes) c
        WHERE c.new_bucket IS NOT NULL
        UNION ALL SELECT ROW(0, 'events.created@' || c.old_day, -1)::stat_delta FROM unnest(changes) c
        WHERE c.old_day IS NOT NULL
        UNION ALL SELECT ROW(0, 'events.created@' || c.new_day, 1)::stat_delta FROM unnest(changes) c
        WHERE c.new_day IS NOT NULL
        UNION ALL SELECT ROW(0, 'event-type@' || c.old_type, -1)::stat_delta FROM unnest(changes) c
        WHERE c.was_live AND c.old_type IS NOT NULL
        UNION ALL SELECT ROW(0, 'event-type@' || c.new_type, 1)::stat_delta FROM unnest(changes) c
        WHERE c.is_live AND c.new_type IS NOT NULL
        UNION ALL SELECT ROW(0, 'event-topic@' || c.old_topic, -1)::stat_delta FROM unnest(changes) c
        WHERE c.was_live AND c.old_topic IS NOT NULL
        UNION ALL SELECT ROW(0, 'event-topic@' || c.new_topic, 1)::stat_delta FROM unnest(changes) c
        WHERE c.is_live AND c.new_topic IS NOT NULL
        UNION ALL SELECT ROW(0, f.figure, CASE WHEN c.is_live THEN f.value ELSE -f.value END)::stat_delta
        FROM unnest(changes) c JOIN stat_figure f ON f.scope = c.id AND f.figure LIKE 'sessions.%'
        WHERE c.was_live <> c.is_live
    ) x;

    -- Groups count their live events; a live group's count is part of groups.group-events.
    SELECT coalesce(array_agg(DISTINCT x.g ORDER BY x.g), '{}') INTO groups FROM (
        SELECT c.old_group AS g FROM unnest(changes) c WHERE c.was_live AND c.old_group IS NOT NULL
        UNION SELECT c.new_group FROM unnest(changes) c WHERE c.is_live AND c.new_group IS NOT NULL
    ) x;
    IF cardinality(groups) > 0 THEN
        INSERT INTO stat_group (id) SELECT g FROM unnest(groups) g ORDER BY g ON CONFLICT (id) DO NOTHING;
        PERFORM 1 FROM stat_group WHERE id = ANY (groups) ORDER BY id FOR UPDATE;
        WITH moves AS (
            SELECT x.g, sum(x.d) AS d FROM (
                SELECT c.old_group AS g, -1 AS d FROM unnest(changes) c WHERE c.was_live AND c.old_group IS NOT NULL
                UNION ALL SELECT c.new_group, 1 FROM unnest(changes) c WHERE c.is_live AND c.new_group IS NOT NULL
            ) x GROUP BY x.g HAVING sum(x.d) <> 0
        ), moved AS (
            UPDATE stat_group g SET events = g.events + m.d FROM moves m WHERE g.id = m.g RETURNING g.live, m.d
        )
        SELECT deltas || coalesce(array_agg(ROW(0, 'groups.group-events', m.d)::stat_delta)
                                  FILTER (WHERE m.live), '{}')
        INTO deltas FROM moved m;
    END IF;

    PERFORM stat_add(deltas || stat_user_flags(users));
    RETURN cardinality(changes);
END
$$;

-- Published events still counted as not ended whose end is at or before {@code at}: those that ended since the last
-- roll-over, a handful found through stat_event_due. The planner cannot know that (it judges by the ends of all
-- events) and would start parallel workers for it, which costs more than the scan. PL/pgSQL keeps the plan.
CREATE FUNCTION stats_ended_since_roll_over(at timestamptz) RETURNS bigint LANGUAGE plpgsql STABLE
    SET max_parallel_workers_per_gather = 0 AS $$
BEGIN
    RETURN (SELECT count(*) FROM stat_event WHERE bucket = 'published' AND ends_at <= at);
END
$$;

-- Moves the published events that ended up to {@code at} into the past (run periodically; reads count the ones that
-- ended since as past already), and forgets single mails older than 31 days. Returns the number of events moved.
CREATE FUNCTION stats_roll_over(at timestamptz) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    moved integer;
BEGIN
    WITH due AS (
        SELECT id FROM stat_event WHERE bucket = 'published' AND ends_at <= at ORDER BY id FOR UPDATE
    ), rolled AS (
        UPDATE stat_event e SET bucket = 'past' FROM due
        WHERE e.id = due.id AND e.bucket = 'published' AND e.ends_at <= at RETURNING 1
    )
    SELECT count(*) INTO moved FROM rolled;
    IF moved > 0 THEN
        PERFORM stat_add(ARRAY[ROW(0, 'events.published', -moved)::stat_delta,
                               ROW(0, 'events.past', moved)::stat_delta]);
    END IF;
    DELETE FROM stat_mail WHERE sent_at < at - interval '31 days';
    RETURN moved;
END
$$;

-- ------------------------------------------------------------------------------------------------ sessions, speakers

CREATE TYPE stat_session_change AS (
    id        bigint,
    old_event bigint,
    new_event bigint,
    old_state text,
    new_state text,
    old_day   text,
    new_day   text,
    speakers  jsonb
);

-- Snapshots: {id, version, event_id, state, submitted_at, deleted, speaker_ids: [...]}.
CREATE FUNCTION stats_apply_sessions(batch jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    changes  stat_session_change[];
    deltas   stat_delta[];
    speakers bigint[];
    events   bigint[];
BEGIN
    INSERT INTO stat_session (id)
    SELECT DISTINCT r.id FROM jsonb_to_recordset(batch) AS r(id bigint) ORDER BY r.id
    ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_session
    WHERE id IN (SELECT r.id FROM jsonb_to_recordset(batch) AS r(id bigint)) ORDER BY id FOR UPDATE;

    WITH incoming AS (
        SELECT DISTINCT ON (r.id) r.*
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, event_id bigint, state text,
                                            submitted_at timestamptz, deleted boolean, speaker_ids jsonb)
        ORDER BY r.id, r.version DESC
    ), before AS (
        SELECT s.* FROM stat_session s JOIN incoming i ON i.id = s.id AND i.version > s.version
    ), after AS (
        UPDATE stat_session s
        SET version = i.version, event_id = i.event_id, state = CASE WHEN i.deleted THEN NULL ELSE i.state END,
            submitted_day = stat_day(i.submitted_at)
        FROM incoming i
        WHERE s.id = i.id AND i.version > s.version
        RETURNING s.*, coalesce(i.speaker_ids, '[]') AS speakers
    )
    SELECT coalesce(array_agg(ROW(a.id, b.event_id, a.event_id, b.state, a.state, b.submitted_day, a.submitted_day,
                                  a.speakers)::stat_session_change), '{}')
    INTO changes FROM before b JOIN after a ON a.id = b.id;
    IF cardinality(changes) = 0 THEN
        RETURN 0;
    END IF;

    -- Speakers of the old and the new links recompute the states they have live sessions in.
    SELECT coalesce(array_agg(DISTINCT x.speaker_id ORDER BY x.speaker_id), '{}') INTO speakers FROM (
        SELECT l.speaker_id FROM stat_session_speaker l WHERE l.session_id IN (SELECT c.id FROM unnest(changes) c)
        UNION SELECT s::bigint FROM unnest(changes) c, jsonb_array_elements_text(c.speakers) s
    ) x;
    DELETE FROM stat_session_speaker WHERE session_id IN (SELECT c.id FROM unnest(changes) c);
    INSERT INTO stat_session_speaker (session_id, speaker_id)
    SELECT DISTINCT c.id, s::bigint FROM unnest(changes) c, jsonb_array_elements_text(c.speakers) s;
    deltas := stat_speaker_flags(speakers);

    -- Sessions count in their event's figures, and in the platform's while that event is live.
    SELECT coalesce(array_agg(DISTINCT x.e ORDER BY x.e), '{}') INTO events FROM (
        SELECT c.old_event AS e FROM unnest(changes) c WHERE c.old_state IS NOT NULL
        UNION SELECT c.new_event FROM unnest(changes) c WHERE c.new_state IS NOT NULL
    ) x;
    INSERT INTO stat_event (id) SELECT e FROM unnest(events) e ORDER BY e ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_event WHERE id = ANY (events) ORDER BY id FOR UPDATE;
    WITH moves AS (
        SELECT c.old_event AS event_id, 'sessions.' || c.old_state AS figure, -1 AS d FROM unnest(changes) c
        WHERE c.old_state IS NOT NULL
        UNION ALL SELECT c.new_event, 'sessions.' || c.new_state, 1 FROM unnest(changes) c
        WHERE c.new_state IS NOT NULL
    )
    SELECT deltas || coalesce(array_agg(d), '{}') INTO deltas FROM (
        SELECT ROW(m.event_id, m.figure, m.d)::stat_delta AS d FROM moves m
        UNION ALL SELECT ROW(0, m.figure, m.d)::stat_delta FROM moves m JOIN stat_event e ON e.id = m.event_id AND e.live
        UNION ALL SELECT ROW(0, 'sessions.submitted@' || c.old_day, -1)::stat_delta FROM unnest(changes) c
        WHERE c.old_day IS NOT NULL
        UNION ALL SELECT ROW(0, 'sessions.submitted@' || c.new_day, 1)::stat_delta FROM unnest(changes) c
        WHERE c.new_day IS NOT NULL
    ) x;

    PERFORM stat_add(deltas);
    RETURN cardinality(changes);
END
$$;

-- Snapshots: {id, version, event_id, deleted}.
CREATE FUNCTION stats_apply_speakers(batch jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
BEGIN
    INSERT INTO stat_speaker (id)
    SELECT DISTINCT r.id FROM jsonb_to_recordset(batch) AS r(id bigint) ORDER BY r.id
    ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_speaker
    WHERE id IN (SELECT r.id FROM jsonb_to_recordset(batch) AS r(id bigint)) ORDER BY id FOR UPDATE;

    WITH incoming AS (
        SELECT DISTINCT ON (r.id) r.*
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, event_id bigint, deleted boolean)
        ORDER BY r.id, r.version DESC
    ), after AS (
        UPDATE stat_speaker sp SET version = i.version, event_id = i.event_id, live = NOT i.deleted
        FROM incoming i
        WHERE sp.id = i.id AND i.version > sp.version
        RETURNING sp.id
    )
    SELECT coalesce(array_agg(a.id ORDER BY a.id), '{}') INTO changed FROM after a;
    IF cardinality(changed) = 0 THEN
        RETURN 0;
    END IF;
    PERFORM stat_add(stat_speaker_flags(changed));
    RETURN cardinality(changed);
END
$$;

-- ------------------------------------------------------------------------------------------------ users, mails

CREATE TYPE stat_user_change AS (
    id      bigint,
    old_kind text,
    new_kind text,
    old_day text,
    new_day text,
    flipped boolean
);

-- Snapshots: {id, version, super_admin, admin, verified, created_at, deleted}.
CREATE FUNCTION stats_apply_users(batch jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    changes stat_user_change[];
    deltas  stat_delta[];
BEGIN
    INSERT INTO stat_user (id)
    SELECT DISTINCT r.id FROM jsonb_to_recordset(batch) AS r(id bigint) ORDER BY r.id
    ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_user
    WHERE id IN (SELECT r.id FROM jsonb_to_recordset(batch) AS r(id bigint)) ORDER BY id FOR UPDATE;

    WITH incoming AS (
        SELECT DISTINCT ON (r.id) r.*
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, super_admin boolean, admin boolean,
                                            verified boolean, created_at timestamptz, deleted boolean)
        ORDER BY r.id, r.version DESC
    ), before AS (
        SELECT u.* FROM stat_user u JOIN incoming i ON i.id = u.id AND i.version > u.version
    ), after AS (
        UPDATE stat_user u
        SET version = i.version, live = NOT i.deleted,
            kind = CASE WHEN i.deleted THEN NULL
                        WHEN i.super_admin THEN 'super-admin'
                        WHEN i.admin THEN 'admin'
                        WHEN i.verified THEN 'verified'
                        ELSE 'unverified' END,
            signup_day = stat_day(i.created_at)
        FROM incoming i
        WHERE u.id = i.id AND i.version > u.version
        RETURNING u.*
    )
    SELECT coalesce(array_agg(ROW(a.id, b.kind, a.kind, b.signup_day, a.signup_day,
                                  a.live <> b.live)::stat_user_change), '{}')
    INTO changes FROM before b JOIN after a ON a.id = b.id;
    IF cardinality(changes) = 0 THEN
        RETURN 0;
    END IF;

    SELECT coalesce(array_agg(d), '{}') INTO deltas FROM (
        SELECT ROW(0, 'users.' || c.old_kind, -1)::stat_delta AS d FROM unnest(changes) c WHERE c.old_kind IS NOT NULL
        UNION ALL SELECT ROW(0, 'users.' || c.new_kind, 1)::stat_delta FROM unnest(changes) c
        WHERE c.new_kind IS NOT NULL
        UNION ALL SELECT ROW(0, 'users.signed-up@' || c.old_day, -1)::stat_delta FROM unnest(changes) c
        WHERE c.old_day IS NOT NULL
        UNION ALL SELECT ROW(0, 'users.signed-up@' || c.new_day, 1)::stat_delta FROM unnest(changes) c
        WHERE c.new_day IS NOT NULL
    ) x;
    PERFORM stat_add(deltas || stat_user_flags(ARRAY(SELECT c.id FROM unnest(changes) c WHERE c.flipped
                                                     ORDER BY c.id)));
    RETURN cardinality(changes);
END
$$;

-- Sent mails: {mail_id, sent_at}; a mail counts once, however often it is reported.
CREATE FUNCTION stats_apply_mails(batch jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    deltas stat_delta[];
BEGIN
    WITH incoming AS (
        SELECT DISTINCT ON (r.mail_id) r.*
        FROM jsonb_to_recordset(batch) AS r(mail_id text, sent_at timestamptz)
        ORDER BY r.mail_id
    ), counted AS (
        INSERT INTO stat_mail (mail_id, sent_at) SELECT i.mail_id, i.sent_at FROM incoming i
        ON CONFLICT (mail_id) DO NOTHING RETURNING sent_at
    )
    SELECT coalesce(array_agg(ROW(0, 'mails.sent@' || stat_hour(c.sent_at), 1)::stat_delta), '{}')
    INTO deltas FROM counted c;
    PERFORM stat_add(deltas);
    RETURN cardinality(deltas);
END
$$;

-- Mails sent in the last 1, 3, 7 and 30 days before {@code at} (sent_at in (at - N days, at]): whole hours from the
-- hour figures, the two partial hours at the window's edges from the single mails.
CREATE FUNCTION stats_mail_windows(at timestamptz) RETURNS TABLE (name text, mails bigint) LANGUAGE sql STABLE AS $$
    SELECT v.name,
           (SELECT count(*) FROM stat_mail m
            WHERE m.sent_at > w.since AND m.sent_at < date_trunc('hour', w.since) + interval '1 hour')
           + (SELECT coalesce(sum(f.value), 0)::bigint FROM stat_figure f
              WHERE f.scope = 0 AND f.figure >= 'mails.sent@' || stat_hour(date_trunc('hour', w.since) + interval '1 hour')
                AND f.figure < 'mails.sent@' || stat_hour(at))
           + (SELECT count(*) FROM stat_mail m WHERE m.sent_at >= date_trunc('hour', at) AND m.sent_at <= at)
    FROM (VALUES ('one-day', 1), ('three-days', 3), ('seven-days', 7), ('thirty-days', 30)) AS v(name, days),
         LATERAL (SELECT at - make_interval(days => v.days) AS since) w
    ORDER BY v.days
$$;

-- ------------------------------------------------------------------------------------------------ groups, follows, taxonomy

-- Snapshots: {id, version, deleted}. A group whose liveness flips recomputes its followers, found after its row is
-- locked, so a follow committed meanwhile is among them (follows share-lock their group before they recompute).
CREATE FUNCTION stats_apply_groups(batch jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    deltas    stat_delta[];
    changed   integer;
    followers bigint[];
BEGIN
    INSERT INTO stat_group (id)
    SELECT DISTINCT r.id FROM jsonb_to_recordset(batch) AS r(id bigint) ORDER BY r.id
    ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_group
    WHERE id IN (SELECT r.id FROM jsonb_to_recordset(batch) AS r(id bigint)) ORDER BY id FOR UPDATE;

    WITH incoming AS (
        SELECT DISTINCT ON (r.id) r.*
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, deleted boolean)
        ORDER BY r.id, r.version DESC
    ), before AS (
        SELECT g.* FROM stat_group g JOIN incoming i ON i.id = g.id AND i.version > g.version
    ), after AS (
        UPDATE stat_group g SET version = i.version, live = NOT i.deleted
        FROM incoming i
        WHERE g.id = i.id AND i.version > g.version
        RETURNING g.*
    ), flipped AS (
        SELECT a.id, a.live, a.events FROM before b JOIN after a ON a.id = b.id WHERE a.live <> b.live
    )
    SELECT (SELECT count(*) FROM after),
           coalesce((SELECT array_agg(d) FROM (
               SELECT ROW(0, 'groups.groups', CASE WHEN f.live THEN 1 ELSE -1 END)::stat_delta AS d FROM flipped f
               UNION ALL SELECT ROW(0, 'groups.group-events', CASE WHEN f.live THEN f.events ELSE -f.events END)::stat_delta
               FROM flipped f) x), '{}'),
           coalesce((SELECT array_agg(DISTINCT fo.user_id ORDER BY fo.user_id) FROM stat_follow fo
                     WHERE fo.live AND fo.group_id IN (SELECT f.id FROM flipped f)), '{}')
    INTO changed, deltas, followers;
    PERFORM stat_add(deltas || stat_user_flags(followers));
    RETURN changed;
END
$$;

-- Snapshots: {id, version, group_id, user_id, deleted}. The followed groups are share-locked before the followers
-- are recomputed: a group changing its liveness at the same time finds its followers only after this commits.
CREATE FUNCTION stats_apply_follows(batch jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    users   bigint[];
    groups  bigint[];
    changed integer;
BEGIN
    INSERT INTO stat_follow (id)
    SELECT DISTINCT r.id FROM jsonb_to_recordset(batch) AS r(id bigint) ORDER BY r.id
    ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_follow
    WHERE id IN (SELECT r.id FROM jsonb_to_recordset(batch) AS r(id bigint)) ORDER BY id FOR UPDATE;

    WITH incoming AS (
        SELECT DISTINCT ON (r.id) r.*
        FROM jsonb_to_recordset(batch) AS r(id bigint, version bigint, group_id bigint, user_id bigint,
                                            deleted boolean)
        ORDER BY r.id, r.version DESC
    ), before AS (
        SELECT f.* FROM stat_follow f JOIN incoming i ON i.id = f.id AND i.version > f.version
    ), after AS (
        UPDATE stat_follow f SET version = i.version, group_id = i.group_id, user_id = i.user_id, live = NOT i.deleted
        FROM incoming i
        WHERE f.id = i.id AND i.version > f.version
        RETURNING f.*
    )
    SELECT (SELECT count(*) FROM after),
           coalesce((SELECT array_agg(DISTINCT x.u ORDER BY x.u) FROM (
               SELECT b.user_id AS u FROM before b WHERE b.user_id IS NOT NULL
               UNION SELECT a.user_id FROM after a) x), '{}'),
           coalesce((SELECT array_agg(DISTINCT x.g ORDER BY x.g) FROM (
               SELECT b.group_id AS g FROM before b WHERE b.group_id IS NOT NULL
               UNION SELECT a.group_id FROM after a) x), '{}')
    INTO changed, users, groups;
    INSERT INTO stat_group (id) SELECT g FROM unnest(groups) g ORDER BY g ON CONFLICT (id) DO NOTHING;
    PERFORM 1 FROM stat_group WHERE id = ANY (groups) ORDER BY id FOR SHARE;
    PERFORM stat_add(stat_user_flags(users));
    RETURN changed;
END
$$;

-- Snapshots: {kind, id, version, name, deleted}; names for the event type and topic lists.
CREATE FUNCTION stats_apply_taxonomy(batch jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    changed integer;
BEGIN
    WITH incoming AS (
        SELECT DISTINCT ON (r.kind, r.id) r.*
        FROM jsonb_to_recordset(batch) AS r(kind text, id bigint, version bigint, name text, deleted boolean)
        ORDER BY r.kind, r.id, r.version DESC
    ), applied AS (
        INSERT INTO stat_taxonomy AS t (kind, id, version, name, live)
        SELECT i.kind, i.id, i.version, i.name, NOT i.deleted FROM incoming i ORDER BY i.kind, i.id
        ON CONFLICT (kind, id) DO UPDATE SET version = excluded.version, name = excluded.name, live = excluded.live
        WHERE excluded.version > t.version
        RETURNING 1
    )
    SELECT count(*) INTO changed FROM applied;
    RETURN changed;
END
$$;

-- ------------------------------------------------------------------------------------------------ per-event statistics

-- One row per event known to the shared projection (so a just-created event has statistics at once), with the
-- figures of its live sessions and speakers; served as the kit's event-statistics-general resource. (scope, figure)
-- is unique, so max() picks the one value.
CREATE VIEW event_general_statistics AS
SELECT e.id, e.identifier, e.version, e.created_at, e.deleted_at,
       coalesce(f.sessions_draft, 0)       AS sessions_draft,
       coalesce(f.sessions_pending, 0)     AS sessions_pending,
       coalesce(f.sessions_accepted, 0)    AS sessions_accepted,
       coalesce(f.sessions_confirmed, 0)   AS sessions_confirmed,
       coalesce(f.sessions_rejected, 0)    AS sessions_rejected,
       coalesce(f.sessions_withdrawn, 0)   AS sessions_withdrawn,
       coalesce(f.sessions_canceled, 0)    AS sessions_canceled,
       coalesce(f.speakers_draft, 0)       AS speakers_draft,
       coalesce(f.speakers_pending, 0)     AS speakers_pending,
       coalesce(f.speakers_accepted, 0)    AS speakers_accepted,
       coalesce(f.speakers_confirmed, 0)   AS speakers_confirmed,
       coalesce(f.speakers_rejected, 0)    AS speakers_rejected,
       coalesce(f.speakers_withdrawn, 0)   AS speakers_withdrawn,
       coalesce(f.speakers_canceled, 0)    AS speakers_canceled,
       coalesce(f.speakers_total, 0)       AS speakers_total,
       coalesce(f.speakers_without, 0)     AS speakers_without_session
FROM event_projection e
LEFT JOIN LATERAL (
    SELECT max(value) FILTER (WHERE figure = 'sessions.draft')            AS sessions_draft,
           max(value) FILTER (WHERE figure = 'sessions.pending')          AS sessions_pending,
           max(value) FILTER (WHERE figure = 'sessions.accepted')         AS sessions_accepted,
           max(value) FILTER (WHERE figure = 'sessions.confirmed')        AS sessions_confirmed,
           max(value) FILTER (WHERE figure = 'sessions.rejected')         AS sessions_rejected,
           max(value) FILTER (WHERE figure = 'sessions.withdrawn')        AS sessions_withdrawn,
           max(value) FILTER (WHERE figure = 'sessions.canceled')         AS sessions_canceled,
           max(value) FILTER (WHERE figure = 'speakers.draft')            AS speakers_draft,
           max(value) FILTER (WHERE figure = 'speakers.pending')          AS speakers_pending,
           max(value) FILTER (WHERE figure = 'speakers.accepted')         AS speakers_accepted,
           max(value) FILTER (WHERE figure = 'speakers.confirmed')        AS speakers_confirmed,
           max(value) FILTER (WHERE figure = 'speakers.rejected')         AS speakers_rejected,
           max(value) FILTER (WHERE figure = 'speakers.withdrawn')        AS speakers_withdrawn,
           max(value) FILTER (WHERE figure = 'speakers.canceled')         AS speakers_canceled,
           max(value) FILTER (WHERE figure = 'speakers.total')            AS speakers_total,
           max(value) FILTER (WHERE figure = 'speakers.without-session')  AS speakers_without
    FROM stat_figure WHERE scope = e.id
) f ON true
WHERE e.identifier IS NOT NULL;
