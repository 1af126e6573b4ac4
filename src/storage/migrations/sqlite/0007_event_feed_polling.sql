-- Live updates read the events table as it grows on both engines; on
-- PostgreSQL this migration drops the per-event NOTIFY trigger of 0004.
-- The number is kept so both engines share their migration history.
SELECT 1;
