-- Support levels in practice (docs/sla.md): licences, partner status,
-- special-request coupons, the SLA clock of each ticket with the level
-- version it was opened under, SLA alerts, the notification outbox, job
-- leases, imported holiday sources and the audit of administrators' actions.
-- Dates are TEXT 'YYYY-MM-DD'; times INTEGER unix milliseconds (UTC).

-- A licence belongs to a user or to a company (exactly one is set).
CREATE TABLE licences (
  id INTEGER PRIMARY KEY,
  user_id INTEGER REFERENCES users (id),
  company_id INTEGER REFERENCES companies (id),
  edition TEXT NOT NULL,
  support TEXT NOT NULL,
  limited INTEGER NOT NULL DEFAULT 0,
  activated_on TEXT NOT NULL,
  expires_on TEXT,
  created_at INTEGER NOT NULL,
  CHECK ((user_id IS NULL) <> (company_id IS NULL))
);
CREATE INDEX licences_user ON licences (user_id);
CREATE INDEX licences_company ON licences (company_id);

CREATE TABLE licence_renewals (
  id INTEGER PRIMARY KEY,
  licence_id INTEGER NOT NULL REFERENCES licences (id),
  renewed_on TEXT NOT NULL,
  previous_expires_on TEXT,
  new_expires_on TEXT,
  at INTEGER NOT NULL
);
CREATE INDEX licence_renewals_licence ON licence_renewals (licence_id, id);

-- Partner status: holder_kind 'user' or 'company'.
CREATE TABLE partners (
  holder_kind TEXT NOT NULL,
  holder_id INTEGER NOT NULL,
  level TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (holder_kind, holder_id)
);

CREATE TABLE coupons (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  user_id INTEGER REFERENCES users (id),
  company_id INTEGER REFERENCES companies (id),
  licence_id INTEGER REFERENCES licences (id),
  origin TEXT NOT NULL,
  issued_by INTEGER REFERENCES users (id),
  issued_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  used_at INTEGER,
  ticket_id INTEGER REFERENCES tickets (id)
);
CREATE INDEX coupons_user ON coupons (user_id);

-- Every recorded definition of a level's clock; the highest version of a
-- level is its current one.
CREATE TABLE sla_level_versions (
  id INTEGER PRIMARY KEY,
  level_id TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  first_response_s INTEGER NOT NULL,
  next_response_s INTEGER,
  resolution_s INTEGER,
  calendar TEXT NOT NULL,
  warning_percent INTEGER NOT NULL,
  escalate_group TEXT NOT NULL DEFAULT '',
  escalate_criticality TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  created_by INTEGER REFERENCES users (id),
  created_at INTEGER NOT NULL,
  UNIQUE (level_id, version)
);

CREATE TABLE ticket_sla (
  ticket_id INTEGER PRIMARY KEY REFERENCES tickets (id),
  level_id TEXT NOT NULL,
  level_version_id INTEGER NOT NULL REFERENCES sla_level_versions (id),
  level_reason TEXT NOT NULL,
  calendar TEXT NOT NULL,
  coupon_id INTEGER REFERENCES coupons (id),
  started_at INTEGER NOT NULL,
  first_response_due INTEGER,
  first_response_at INTEGER,
  first_response_by INTEGER REFERENCES users (id),
  next_response_due INTEGER,
  resolution_due INTEGER,
  resolved_at INTEGER,
  paused_since INTEGER,
  paused_remaining_s INTEGER NOT NULL DEFAULT 0,
  next_target TEXT,
  next_due INTEGER,
  next_alert_at INTEGER,
  updated_at INTEGER NOT NULL
);
CREATE INDEX ticket_sla_next_due ON ticket_sla (next_due, ticket_id);
CREATE INDEX ticket_sla_next_alert ON ticket_sla (next_alert_at);

-- Warnings and breaches raised, once per ticket, target and kind.
CREATE TABLE sla_alerts (
  id INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES tickets (id),
  target TEXT NOT NULL,
  kind TEXT NOT NULL,
  due_at INTEGER NOT NULL,
  at INTEGER NOT NULL,
  UNIQUE (ticket_id, target, kind)
);

-- The outbox: notifications waiting to be sent (mail delivery sets sent_at).
CREATE TABLE notifications (
  id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  user_id INTEGER REFERENCES users (id),
  ticket_id INTEGER REFERENCES tickets (id),
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at INTEGER
);
CREATE INDEX notifications_unsent ON notifications (sent_at, id);

-- Periodic jobs and their leases: an instance runs a job only while it holds
-- the lease, so many instances can share one database.
CREATE TABLE jobs (
  name TEXT PRIMARY KEY,
  lease_owner TEXT NOT NULL DEFAULT '',
  lease_until INTEGER NOT NULL DEFAULT 0,
  last_run_at INTEGER,
  runs INTEGER NOT NULL DEFAULT 0
);

-- Holiday sources imported with `helpdesk calendar import`.
CREATE TABLE calendar_sources (
  calendar_id TEXT NOT NULL,
  name TEXT NOT NULL,
  content TEXT NOT NULL,
  imported_at INTEGER NOT NULL,
  PRIMARY KEY (calendar_id, name)
);

-- Administrators' actions on licences, partners, coupons and levels.
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  actor_id INTEGER REFERENCES users (id),
  action TEXT NOT NULL,
  subject TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '',
  at INTEGER NOT NULL
);
CREATE INDEX audit_log_at ON audit_log (at);
