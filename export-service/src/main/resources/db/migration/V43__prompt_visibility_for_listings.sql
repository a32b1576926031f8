-- Plans list an event's sessions and their current fragments by index-only scans, which stay index-only only on
-- pages the visibility map marks all-visible, and only a vacuum marks them. By default autovacuum waits for inserts
-- or changes of 20% of a table: with 880,000 fragments stored, the 10,000 a fresh render of one event adds (and
-- the 10,000 session rows a change of its zone or place rewrites) stayed unvacuumed, and every later plan of that
-- event fetched each of them from the heap (10,000 heap fetches; 22 ms for the listing instead of 16). At 1% the
-- event's next plans are index-only again within about a minute; vacuuming freshly written pages is cheap.
ALTER TABLE session_fragment SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);
ALTER TABLE session SET (autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_vacuum_scale_factor = 0.01);
