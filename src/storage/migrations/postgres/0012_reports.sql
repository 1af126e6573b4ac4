-- Reports aggregate in the database: each clock keeps the working seconds
-- to its first response and to its resolution (kept by the SLA clocks;
-- older clocks are filled in by the SLA job), and indexes let a report over
-- a period read only its rows.

ALTER TABLE ticket_sla ADD COLUMN first_response_s BIGINT;
ALTER TABLE ticket_sla ADD COLUMN resolution_s BIGINT;

-- The SLA report reads every column it needs from this index alone.
CREATE INDEX ticket_sla_report ON ticket_sla (started_at, level_id, calendar, first_response_s,
  first_response_at, first_response_due, first_response_by, resolution_s, resolved_at,
  resolution_due, paused_since, ticket_id);

-- The intake report and the reports' ticket filters.
CREATE INDEX tickets_created ON tickets (created_at, channel, category, support_level);
