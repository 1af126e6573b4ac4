-- The reports on how tickets end (compliance over time, tiers, requests for
-- change, satisfaction, workload) read indexes made for them.

-- Tickets opened in a period with every column the reports group or filter
-- by, so a report over a period never reads the tickets themselves (it
-- replaces the narrower index of 0012).
DROP INDEX tickets_created;
CREATE INDEX tickets_report ON tickets (created_at, channel, category, support_level, group_id,
  company_id, tier, status, assignee_id);

-- Tickets that left the first tier.
CREATE INDEX events_left_first_tier ON events (ticket_id) WHERE field = 'tier' AND old_value = '1';

-- Tickets that reached a state (the approval steps of requests for change).
CREATE INDEX ticket_process_steps_state ON ticket_process_steps (state, ticket_id);

-- Feedback given in a period.
CREATE INDEX feedback_created ON feedback (created_at, rating, ticket_id);

-- Public replies written in a period, by author.
CREATE INDEX messages_public ON messages (created_at, author_id, ticket_id) WHERE internal = 0;
