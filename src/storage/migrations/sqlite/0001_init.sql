-- The help desk's first schema. Times are INTEGER unix milliseconds (UTC);
-- booleans are INTEGER 0/1; enums are their stable string ids.

CREATE TABLE companies (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  share_tickets INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);

-- E-mail is unique regardless of case (PostgreSQL: citext).
CREATE TABLE users (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  company_id INTEGER REFERENCES companies (id),
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL
);
CREATE INDEX users_company ON users (company_id);

CREATE TABLE groups (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  tier INTEGER NOT NULL
);

CREATE TABLE categories (
  slug TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  group_id INTEGER REFERENCES groups (id),
  hint TEXT NOT NULL DEFAULT ''
);

-- number is the ticket number shown to people; it is set to the id in the
-- inserting transaction, so it is NULL only inside that transaction.
CREATE TABLE tickets (
  id INTEGER PRIMARY KEY,
  number INTEGER UNIQUE,
  subject TEXT NOT NULL,
  category TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  criticality TEXT NOT NULL,
  support_level TEXT NOT NULL,
  initiator_id INTEGER NOT NULL REFERENCES users (id),
  company_id INTEGER REFERENCES companies (id),
  assignee_id INTEGER REFERENCES users (id),
  group_id INTEGER REFERENCES groups (id),
  tier INTEGER NOT NULL,
  channel TEXT NOT NULL,
  sources_searched TEXT NOT NULL DEFAULT '',
  steps TEXT NOT NULL DEFAULT '',
  expected TEXT NOT NULL DEFAULT '',
  actual TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
-- The list queries (ports::TicketQuery) page by id within each filter.
CREATE INDEX tickets_initiator ON tickets (initiator_id, id);
CREATE INDEX tickets_company ON tickets (company_id, id);
CREATE INDEX tickets_assignee ON tickets (assignee_id, status, id);
CREATE INDEX tickets_group ON tickets (group_id, status, id);
CREATE INDEX tickets_tier ON tickets (tier, status, id);
CREATE INDEX tickets_status ON tickets (status, id);

CREATE TABLE messages (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  author_id INTEGER NOT NULL REFERENCES users (id),
  body TEXT NOT NULL,
  internal INTEGER NOT NULL DEFAULT 0,
  channel TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX messages_ticket ON messages (ticket_id, id);

CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  message_id INTEGER REFERENCES messages (id),
  uploaded_by INTEGER NOT NULL REFERENCES users (id),
  filename TEXT NOT NULL,
  content_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX attachments_ticket ON attachments (ticket_id, id);
CREATE INDEX attachments_message ON attachments (message_id);

-- The append-only history of each ticket.
CREATE TABLE events (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  actor_id INTEGER REFERENCES users (id),
  at INTEGER NOT NULL,
  kind TEXT NOT NULL,
  field TEXT NOT NULL DEFAULT '',
  old_value TEXT NOT NULL DEFAULT '',
  new_value TEXT NOT NULL DEFAULT '',
  internal INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX events_ticket ON events (ticket_id, id);
CREATE INDEX events_at ON events (at);

CREATE TABLE feedback (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  author_id INTEGER NOT NULL REFERENCES users (id),
  message_id INTEGER REFERENCES messages (id),
  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX feedback_ticket ON feedback (ticket_id, id);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE INDEX sessions_user ON sessions (user_id);
CREATE INDEX sessions_expires ON sessions (expires_at);

CREATE TABLE api_tokens (
  id INTEGER PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  user_id INTEGER NOT NULL REFERENCES users (id),
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE login_failures (
  id INTEGER PRIMARY KEY,
  key TEXT NOT NULL,
  at INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures (key, at);

CREATE TABLE idempotency_keys (
  user_id INTEGER NOT NULL REFERENCES users (id),
  key TEXT NOT NULL,
  request_hash TEXT NOT NULL,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  created_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, key)
);
