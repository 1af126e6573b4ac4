-- Tickets running on business processes (docs/workflow.md). New tables keyed
-- by ticket; the tickets table keeps the coarse status, tier, group and
-- assignee that each process state maps to.

-- Every loaded version of a process definition, with its YAML text: a ticket
-- stays on the version it started with.
CREATE TABLE process_versions (
  process_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  source TEXT NOT NULL,
  file_name TEXT NOT NULL DEFAULT '',
  loaded_at INTEGER NOT NULL,
  PRIMARY KEY (process_id, version)
);

CREATE TABLE ticket_processes (
  ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id),
  process_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  state TEXT NOT NULL,
  previous_state TEXT NOT NULL DEFAULT '',
  seq INTEGER NOT NULL,
  entered_at INTEGER NOT NULL
);
CREATE INDEX ticket_processes_state ON ticket_processes (process_id, version, state);

-- The typed process fields of each ticket, as canonical text.
CREATE TABLE ticket_process_fields (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  name TEXT NOT NULL,
  value TEXT NOT NULL,
  PRIMARY KEY (ticket_id, name)
);

-- The path taken: every state entered, in order, with the state's owner
-- ("role:<id>" or "group:<id>"): who may read the ticket follows it.
CREATE TABLE ticket_process_steps (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  seq INTEGER NOT NULL,
  state TEXT NOT NULL,
  transition TEXT NOT NULL DEFAULT '',
  owner TEXT NOT NULL DEFAULT '',
  actor_id INTEGER REFERENCES users (id),
  at INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, seq)
);

-- Votes of approval steps (the RfC board), per visit of the voting state.
CREATE TABLE ticket_process_votes (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  seq INTEGER NOT NULL,
  voter_id INTEGER NOT NULL REFERENCES users (id),
  approve INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, seq, voter_id)
);

-- Notifications queued by transitions; mail delivery sets sent_at.
CREATE TABLE process_notifications (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  transition TEXT NOT NULL,
  target_kind TEXT NOT NULL,
  target TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX process_notifications_ticket ON process_notifications (ticket_id, id);
CREATE INDEX process_notifications_unsent ON process_notifications (sent_at, id);

-- The audit of admin actions that moved open tickets to another version.
CREATE TABLE process_migrations (
  id INTEGER PRIMARY KEY,
  process_id TEXT NOT NULL,
  from_version INTEGER NOT NULL,
  to_version INTEGER NOT NULL,
  state_map TEXT NOT NULL,
  actor_id INTEGER REFERENCES users (id),
  tickets INTEGER NOT NULL,
  at INTEGER NOT NULL
);
