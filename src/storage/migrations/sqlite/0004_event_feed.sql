-- Live updates: on SQLite one instance reads new events by id (ids grow in
-- commit order under its single writer), so there is nothing to announce.
-- The number is kept so both engines share their migration history.
SELECT 1;
