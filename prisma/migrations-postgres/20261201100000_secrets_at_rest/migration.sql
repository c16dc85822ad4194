-- No secret at rest. Invite codes are kept as their SHA-256 only: the codes of
-- invites made before this are hashed right after it by src/db/migrate.ts, in
-- JavaScript (pgcrypto may not be installed), in the same transaction.
-- The webhook's secret is derived from the bot token (src/server/webhook-secret.ts)
-- instead of being kept in Setting.

-- RenameColumn
ALTER TABLE "Invite" RENAME COLUMN "code" TO "codeHash";

-- RenameIndex
ALTER INDEX "Invite_code_key" RENAME TO "Invite_codeHash_key";

-- DeleteSetting
DELETE FROM "Setting" WHERE "key" = 'webhook.secretToken';
