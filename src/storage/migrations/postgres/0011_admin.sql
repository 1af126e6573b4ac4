-- Administration: what each audited change changed, and who is in which
-- staff group.

-- Each change's field, old and new value (storage/repos/notification_repo.cpp
-- encodes them); the indexes serve the audit page's filters.
ALTER TABLE audit_log ADD COLUMN changes TEXT NOT NULL DEFAULT '';
CREATE INDEX audit_log_action ON audit_log (action, id);
CREATE INDEX audit_log_subject ON audit_log (subject, id);
CREATE INDEX audit_log_actor ON audit_log (actor_id, id);

-- A group's members route its notifications and fill their "my groups"
-- queue; a person may be in several groups.
CREATE TABLE group_members (
  group_id BIGINT NOT NULL REFERENCES groups (id),
  user_id BIGINT NOT NULL REFERENCES users (id),
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX group_members_user ON group_members (user_id);
