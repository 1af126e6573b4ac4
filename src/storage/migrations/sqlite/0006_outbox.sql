-- One outbox for every notification (docs/notifications.md): SLA warnings and
-- breaches, the business process's notify actions, coupons. A row is one
-- notification for one user, resolved when it was queued; the app shows a
-- user's rows (read_at when read) and mail delivery drains the unsent ones
-- (sent_at when sent). `audience` says how it was addressed ("user:12",
-- "role:tester", "group:administration").
ALTER TABLE notifications ADD COLUMN audience TEXT NOT NULL DEFAULT '';
ALTER TABLE notifications ADD COLUMN read_at INTEGER;
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_ticket ON notifications (ticket_id, id);

-- Notifications queued by the process before: one row per user they named.
INSERT INTO notifications (kind, user_id, ticket_id, subject, body, audience, created_at, sent_at)
SELECT 'process', u.id, p.ticket_id,
       'Ticket #' || CAST(p.ticket_id AS TEXT) || ': ' || p.transition, '',
       p.target_kind || ':' || p.target, p.created_at, p.sent_at
FROM process_notifications p
JOIN users u ON (p.target_kind = 'role' AND u.role = p.target AND u.disabled = 0)
             OR (p.target_kind = 'user' AND CAST(u.id AS TEXT) = p.target)
ORDER BY p.id, u.id;
INSERT INTO notifications (kind, user_id, ticket_id, subject, body, audience, created_at, sent_at)
SELECT 'process', NULL, p.ticket_id,
       'Ticket #' || CAST(p.ticket_id AS TEXT) || ': ' || p.transition, '',
       p.target_kind || ':' || p.target, p.created_at, p.sent_at
FROM process_notifications p WHERE p.target_kind = 'group'
ORDER BY p.id;

DROP TABLE process_notifications;
