-- Administrators revoke licences and coupons (with the reason, kept), and
-- edit categories in the app: an edited category is no longer overwritten
-- by the start-up directory file.

ALTER TABLE licences ADD COLUMN revoked_at BIGINT;
ALTER TABLE licences ADD COLUMN revoke_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE coupons ADD COLUMN revoked_at BIGINT;
ALTER TABLE coupons ADD COLUMN revoke_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE categories ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;
