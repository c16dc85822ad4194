-- Review of reports and minutes, closed months, hand-overs (issue 5).
-- SQLite may add a column with a foreign key when its default is NULL, so the
-- tables are altered in place rather than copied.

-- AlterTable
ALTER TABLE "Report" ADD COLUMN "reviewState" TEXT NOT NULL DEFAULT 'PENDING';
ALTER TABLE "Report" ADD COLUMN "reviewedById" INTEGER REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Report" ADD COLUMN "reviewedAt" DATETIME;
ALTER TABLE "Report" ADD COLUMN "reviewNote" TEXT;
ALTER TABLE "Report" ADD COLUMN "lateCorrection" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Report" ADD COLUMN "correctionReason" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "reviewState" TEXT NOT NULL DEFAULT 'PENDING';
ALTER TABLE "Meeting" ADD COLUMN "reviewedById" INTEGER REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Meeting" ADD COLUMN "reviewedAt" DATETIME;
ALTER TABLE "Meeting" ADD COLUMN "reviewNote" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "lateCorrection" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Meeting" ADD COLUMN "correctionReason" TEXT;

-- CreateTable
CREATE TABLE "PeriodLock" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "closedBy" BIGINT NOT NULL,
    "closedAt" DATETIME NOT NULL,
    CONSTRAINT "PeriodLock_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "unitId" INTEGER NOT NULL,
    "fromUserId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT,
    "createdAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    CONSTRAINT "Delegation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Delegation_fromUserId_fkey" FOREIGN KEY ("fromUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PeriodLock_unitId_year_month_key" ON "PeriodLock"("unitId", "year", "month");

-- CreateIndex
CREATE INDEX "Delegation_unitId_idx" ON "Delegation"("unitId");
