-- Two instances on one database: an open form's row carries a version (its writes are
-- conditional on it) and a hold by the update being handled; one lease row says which
-- instance drains the outbox (src/store/form-state.ts, src/outbox/sender-lease.ts).

-- AlterTable
ALTER TABLE "ConversationState" ADD COLUMN "version" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "ConversationState" ADD COLUMN "heldUntil" BIGINT;

-- CreateTable
CREATE TABLE "SenderLease" (
    "name" TEXT NOT NULL PRIMARY KEY,
    "holder" TEXT NOT NULL,
    "expiresAt" BIGINT NOT NULL
);
