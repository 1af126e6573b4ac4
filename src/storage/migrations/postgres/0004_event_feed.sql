-- Live updates across instances (docs/operations.md): every committed event
-- is announced on the channel hd_events with its id as the payload. NOTIFY
-- inside a transaction is delivered only when the transaction commits, and
-- not at all when it rolls back, so listeners never hear of an event that
-- is not stored.
CREATE FUNCTION hd_notify_event() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('hd_events', NEW.id::text);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER events_notify AFTER INSERT ON events
  FOR EACH ROW EXECUTE FUNCTION hd_notify_event();
