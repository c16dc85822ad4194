-- The instances on one database, each renewing its row while it runs: an instance alone
-- on it claims a form's update with the answer's one write (src/store/instance-presence.ts).

-- CreateTable
CREATE TABLE "InstancePresence" (
    "id" TEXT NOT NULL,
    "seenUntil" BIGINT NOT NULL,
    CONSTRAINT "InstancePresence_pkey" PRIMARY KEY ("id")
);
