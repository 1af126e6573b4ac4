-- L1 assistance (docs/l1-assistance.md): the class proposed for a ticket's
-- L1 classification, at most one per ticket, with why (evidence: one item a
-- line), and the class an operator chose, which measures how often the
-- proposals are right.
CREATE TABLE ticket_l1_hints (
  ticket_id BIGINT PRIMARY KEY REFERENCES tickets (id),
  proposed_class TEXT NOT NULL,
  source TEXT NOT NULL,
  evidence TEXT NOT NULL,
  proposed_at BIGINT NOT NULL,
  decided_class TEXT,
  decided_at BIGINT
);

-- The report of a period reads its proposals in this order.
CREATE INDEX ticket_l1_hints_proposed ON ticket_l1_hints (proposed_at);
