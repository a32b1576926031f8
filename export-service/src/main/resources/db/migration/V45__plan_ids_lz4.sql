-- A file's plan lists one fragment id per session (80 KB for 10,000 sessions). PostgreSQL's default compression
-- (pglz) took about 5 ms to store that list, lz4 under 1 ms, at a similar size; a server built without lz4 keeps
-- the default.
DO $$
BEGIN
    ALTER TABLE export_file ALTER COLUMN fragment_ids SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
    RAISE NOTICE 'lz4 is not available; export_file.fragment_ids keeps the default compression';
END $$;
