-- The backlog report: the open tickets counted at the end of each day of the
-- installation's time zone, by everything the report groups and filters by
-- (service/reports/backlog_snapshots.cpp fills it in after each day ends).

CREATE TABLE backlog_days (
  day TEXT NOT NULL,
  status TEXT NOT NULL,
  tier INTEGER NOT NULL,
  group_id BIGINT,
  support_level TEXT NOT NULL,
  category TEXT NOT NULL,
  company_id BIGINT,
  tickets BIGINT NOT NULL
);
-- The report reads a range of days from this index alone.
CREATE INDEX backlog_days_day ON backlog_days (day, status, tier, group_id, support_level,
  category, company_id, tickets);
