-- The agents' desk.

-- Who has a ticket open right now: each open ticket page announces itself
-- every few seconds; rows not refreshed for a while are stale and expired.
-- Shared through the database, so agents on different instances see each
-- other.
CREATE TABLE ticket_presence (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  user_id INTEGER NOT NULL REFERENCES users (id),
  typing INTEGER NOT NULL DEFAULT 0,
  since INTEGER NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, user_id)
);
CREATE INDEX ticket_presence_seen ON ticket_presence (seen_at);

-- Each person's named ticket lists: the query string of GET /api/v1/tickets.
CREATE TABLE saved_views (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  query TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  UNIQUE (user_id, name)
);
