-- What a public event document or list can show here: the event, its children, and the vocabularies. Each change
-- also raises row -1, by which lists of events are kept (only here: the row serializes the commits that raise it,
-- and event-service's writes are few).
CREATE FUNCTION raise_every_event_content_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO event_content_version AS v (event_id, version) VALUES (-1, 1)
        ON CONFLICT (event_id) DO UPDATE SET version = v.version + 1;
    RETURN NULL;
END $$;

DO $$
DECLARE
    child text;
    global text;
BEGIN
    CREATE CONSTRAINT TRIGGER content_version AFTER INSERT OR UPDATE OR DELETE ON event
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_event_content_version('id');
    CREATE CONSTRAINT TRIGGER every_event_content_version AFTER INSERT OR UPDATE OR DELETE ON event
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_every_event_content_version();
    FOREACH child IN ARRAY ARRAY['event_copyright', 'event_role', 'role_invite', 'social_link', 'speakers_call',
                                 'sponsor', 'ticket'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER content_version AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION '
                       'raise_event_content_version(''event_id'')', child);
        EXECUTE format('CREATE CONSTRAINT TRIGGER every_event_content_version AFTER INSERT OR UPDATE OR DELETE '
                       'ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION '
                       'raise_every_event_content_version()', child);
    END LOOP;
    FOREACH global IN ARRAY ARRAY['event_image_size', 'event_sub_topic', 'event_topic', 'event_type', 'groups', 'page',
                                  'role', 'setting', 'speaker_image_size', 'user_follow_group'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER content_version AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_event_content_version()',
                       global);
        EXECUTE format('CREATE CONSTRAINT TRIGGER every_event_content_version AFTER INSERT OR UPDATE OR DELETE '
                       'ON %I DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION '
                       'raise_every_event_content_version()', global);
    END LOOP;
END $$;
