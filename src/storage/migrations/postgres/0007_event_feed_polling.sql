-- Live updates no longer announce each event: every instance reads the
-- events table as it grows (storage/polling_event_feed.hpp). A NOTIFY in a
-- transaction takes a database-wide lock held until the commit is flushed,
-- so notifying transactions committed one at a time, across all instances.
DROP TRIGGER IF EXISTS events_notify ON events;
DROP FUNCTION IF EXISTS hd_notify_event();
