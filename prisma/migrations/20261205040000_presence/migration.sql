-- The instances on one database, each renewing its row while it runs: an instance alone
-- on it claims a form's update with the answer's one write (src/store/instance-presence.ts).

-- CreateTable
CREATE TABLE "InstancePresence" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "seenUntil" BIGINT NOT NULL
);
