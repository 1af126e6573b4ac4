-- Live SLA policy across instances (docs/sla.md "Changing levels and
-- calendars while serving"): calendars defined through the admin API, a
-- policy version every change of levels or calendars increments (each
-- instance compares it every few seconds and reloads when it moved), and the
-- due instant of each ticket's SLA clock on the ticket row so staff queues
-- sort by an index.

-- Calendar definitions (format helpdesk-calendar/1) stored by administrators;
-- they replace a shipped definition of the same id.
CREATE TABLE calendar_definitions (
  calendar_id TEXT PRIMARY KEY,
  content TEXT NOT NULL,
  updated_at INTEGER NOT NULL
);

-- One row (id 1) once anything changed; no row means version 0.
CREATE TABLE sla_policy (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
);

-- ticket_sla.next_due, kept by the SLA repository in the same transaction;
-- the largest integer when the ticket has no running clock (sorts last).
ALTER TABLE tickets ADD COLUMN sla_due INTEGER NOT NULL DEFAULT 9223372036854775807;
UPDATE tickets SET sla_due = COALESCE(
  (SELECT s.next_due FROM ticket_sla s WHERE s.ticket_id = tickets.id), 9223372036854775807);
CREATE INDEX tickets_sla_due ON tickets (sla_due, id);
