-- The e-mail channel (docs/mail.md).

-- Each user's language (ru, en) and time zone for mails and the app; empty
-- means the installation's default (mail.default_language, Europe/Moscow).
ALTER TABLE users ADD COLUMN language TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN time_zone TEXT NOT NULL DEFAULT '';

-- Every message received, stored raw in the blob store (sha256) before
-- anything else, with what the intake did with it: status accepted (it made
-- or joined ticket_id as message_ref), held (waiting for an operator:
-- reason), bounce, ignored (automatic mail naming no ticket), rejected.
-- A Message-ID is taken once: the same mail received twice is one row.
CREATE TABLE mail_inbound (
  id INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  source_key TEXT NOT NULL DEFAULT '',
  message_id TEXT NOT NULL DEFAULT '',
  sha256 TEXT NOT NULL,
  size INTEGER NOT NULL,
  from_address TEXT NOT NULL DEFAULT '',
  subject TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  ticket_id INTEGER REFERENCES tickets (id),
  message_ref INTEGER REFERENCES messages (id),
  received_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX mail_inbound_message_id ON mail_inbound (message_id) WHERE message_id <> '';
CREATE INDEX mail_inbound_ticket ON mail_inbound (ticket_id, id);
CREATE INDEX mail_inbound_message ON mail_inbound (message_ref);
CREATE INDEX mail_inbound_status ON mail_inbound (status, id);
CREATE INDEX mail_inbound_sender ON mail_inbound (from_address, received_at);

-- People copied on a ticket's mail: they may write to it and get its answers.
CREATE TABLE ticket_participants (
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  address TEXT NOT NULL COLLATE NOCASE,
  name TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  PRIMARY KEY (ticket_id, address)
);

-- Mail delivery of the one outbox: each notification for a user is mailed
-- (mail_status pending → sent, or failed after mail.give_up_hours; skipped
-- when nobody or nothing is to be mailed). The Message-ID is fixed at the
-- first attempt so a retry is the same mail. message_ref is the ticket
-- message a notification carries (a public reply and its attachments).
ALTER TABLE notifications ADD COLUMN message_ref INTEGER REFERENCES messages (id);
ALTER TABLE notifications ADD COLUMN mail_status TEXT NOT NULL DEFAULT 'pending';
ALTER TABLE notifications ADD COLUMN mail_attempts INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN mail_next_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE notifications ADD COLUMN mail_error TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN mail_reply TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN mail_message_id TEXT NOT NULL DEFAULT '';
-- What was queued before mail existed is not mailed now.
UPDATE notifications SET mail_status = 'skipped';
CREATE INDEX notifications_mail_due ON notifications (mail_status, mail_next_at, id);
CREATE INDEX notifications_mail_message_id ON notifications (mail_message_id);

-- Each mailbox's position and health (GET /api/v1/admin/mail).
CREATE TABLE mailboxes (
  name TEXT PRIMARY KEY,
  epoch TEXT NOT NULL DEFAULT '',
  last_poll_at INTEGER,
  last_error TEXT NOT NULL DEFAULT '',
  last_error_at INTEGER
);

-- Addresses whose mail bounced (staff see them; delivery goes on).
CREATE TABLE failing_addresses (
  address TEXT PRIMARY KEY COLLATE NOCASE,
  reason TEXT NOT NULL,
  ticket_id INTEGER REFERENCES tickets (id),
  at INTEGER NOT NULL
);

-- Kinds of mail a user turned off.
CREATE TABLE mail_opt_outs (
  user_id INTEGER NOT NULL REFERENCES users (id),
  kind TEXT NOT NULL,
  PRIMARY KEY (user_id, kind)
);

-- Secrets every instance shares, made once by this migration: "mail_reply"
-- signs the reply-to addresses of our mail (support+<ticket>.<tag>@…).
CREATE TABLE server_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
INSERT INTO server_secrets (name, value) VALUES ('mail_reply', lower(hex(randomblob(32))));
