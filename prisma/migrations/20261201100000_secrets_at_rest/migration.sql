-- No secret at rest. Invite codes are kept as their SHA-256 only: the codes of
-- invites made before this are hashed right after it by src/db/migrate.ts
-- (SQLite has no sha256 function), in JavaScript, and the file is then vacuumed.
-- The webhook's secret is derived from the bot token (src/server/webhook-secret.ts)
-- instead of being kept in Setting.

-- DropIndex
DROP INDEX "Invite_code_key";

-- RenameColumn
ALTER TABLE "Invite" RENAME COLUMN "code" TO "codeHash";

-- CreateIndex
CREATE UNIQUE INDEX "Invite_codeHash_key" ON "Invite"("codeHash");

-- DeleteSetting
DELETE FROM "Setting" WHERE "key" = 'webhook.secretToken';
