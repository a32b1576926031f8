-- What session-service renders into event documents: the projected event, the schedule and what hangs off it.
DO $$
DECLARE
    child text;
BEGIN
    CREATE CONSTRAINT TRIGGER content_version AFTER INSERT OR UPDATE OR DELETE ON event_projection
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_event_content_version('id');
    FOREACH child IN ARRAY ARRAY['event_projection_role', 'exhibitor', 'feedback', 'microlocation', 'session',
                                 'session_type', 'speaker', 'speaker_invite', 'track', 'user_favourite_session',
                                 'video_stream'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER content_version AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION '
                       'raise_event_content_version(''event_id'')', child);
    END LOOP;
    FOREACH child IN ARRAY ARRAY['session_speaker', 'exhibitor_session'] LOOP
        EXECUTE format('CREATE CONSTRAINT TRIGGER content_version AFTER INSERT OR UPDATE OR DELETE ON %I '
                       'DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION '
                       'raise_event_content_version(''session_id'', ''session'')', child);
    END LOOP;
END $$;
