-- An open form's row carries the last update of its chat that was handled, so that a
-- redelivered answer is recognised without a ProcessedUpdate row of its own; and one
-- counter of role changes lets each instance keep people's roles in memory until
-- anyone's roles change (src/bot/forms/state-store.ts, src/store/access-version.ts).

-- AlterTable
ALTER TABLE "ConversationState" ADD COLUMN "lastUpdateId" BIGINT;

-- CreateTable
CREATE TABLE "AccessVersion" (
    "id" INTEGER NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "AccessVersion_pkey" PRIMARY KEY ("id")
);

-- InsertRow
INSERT INTO "AccessVersion" ("id", "version") VALUES (1, 0);
