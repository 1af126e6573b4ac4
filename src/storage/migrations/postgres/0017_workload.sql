-- The workload report counts each staff member's public replies in a period
-- inside the database: one range of this index per person, instead of every
-- public message of the period streamed past by time.
DROP INDEX messages_public;
CREATE INDEX messages_public_by_author ON messages (author_id, created_at, ticket_id)
  WHERE internal = 0;
