-- The PostgreSQL history starts here with every model of prisma/schema.prisma
-- (the SQLite migrations up to 20261123040000 in one step); later changes get
-- a migration in both folders. Checked against the schema by
-- test/unit/migrations-postgres.test.ts.

-- From 20261123000000_foundation
-- CreateTable
CREATE TABLE "User" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "telegramId" BIGINT NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT,
    "username" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "parentId" INTEGER,
    "createdBy" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Unit_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Unit" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "userId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Membership_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Membership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Invite" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "code" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "role" TEXT NOT NULL,
    "createdBy" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "usedBy" BIGINT,
    CONSTRAINT "Invite_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Report" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "candidates" INTEGER NOT NULL,
    "awarenessClass" INTEGER NOT NULL,
    "applicationsInReview" INTEGER NOT NULL,
    "admittedTeachers" INTEGER NOT NULL,
    "admittedPupils" INTEGER NOT NULL,
    "admittedStudents" INTEGER NOT NULL,
    "admittedOther" INTEGER NOT NULL,
    "madeFull" INTEGER NOT NULL,
    "removed" INTEGER NOT NULL,
    "removedReason" TEXT,
    "transferredIn" INTEGER NOT NULL,
    "transferredOut" INTEGER NOT NULL,
    "note" TEXT,
    "late" BOOLEAN NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "supersededAt" TIMESTAMP(3),
    CONSTRAINT "Report_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Report_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ConversationState" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "User_telegramId_key" ON "User"("telegramId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_code_key" ON "Unit"("code");

-- CreateIndex
CREATE INDEX "Unit_parentId_idx" ON "Unit"("parentId");

-- CreateIndex
CREATE INDEX "Membership_unitId_idx" ON "Membership"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_userId_unitId_role_key" ON "Membership"("userId", "unitId", "role");

-- CreateIndex
CREATE UNIQUE INDEX "Invite_code_key" ON "Invite"("code");

-- CreateIndex
CREATE INDEX "Invite_unitId_idx" ON "Invite"("unitId");

-- CreateIndex
CREATE INDEX "Report_year_month_supersededAt_idx" ON "Report"("year", "month", "supersededAt");

-- CreateIndex
CREATE UNIQUE INDEX "Report_unitId_year_month_version_key" ON "Report"("unitId", "year", "month", "version");

-- From 20261123010000_meetings
-- CreateTable
CREATE TABLE "Meeting" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "unitId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "heldOn" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "topic" TEXT,
    "place" TEXT NOT NULL,
    "chair" TEXT NOT NULL,
    "recorder" TEXT NOT NULL,
    "onRoll" INTEGER NOT NULL,
    "present" INTEGER NOT NULL,
    "absentExcused" INTEGER NOT NULL,
    "absentUnexcused" INTEGER NOT NULL,
    "content" TEXT NOT NULL,
    "conclusions" TEXT NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "supersededAt" TIMESTAMP(3),
    CONSTRAINT "Meeting_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Meeting_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAttachment" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "meetingId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "fileId" TEXT NOT NULL,
    "fileUniqueId" TEXT NOT NULL,
    "fileName" TEXT,
    "size" INTEGER,
    "position" INTEGER NOT NULL,
    CONSTRAINT "MeetingAttachment_meetingId_fkey" FOREIGN KEY ("meetingId") REFERENCES "Meeting" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Meeting_heldOn_supersededAt_idx" ON "Meeting"("heldOn", "supersededAt");

-- CreateIndex
CREATE UNIQUE INDEX "Meeting_unitId_kind_heldOn_version_key" ON "Meeting"("unitId", "kind", "heldOn", "version");

-- CreateIndex
CREATE INDEX "MeetingAttachment_meetingId_idx" ON "MeetingAttachment"("meetingId");

-- From 20261123020000_committees
-- CreateTable
CREATE TABLE "Quota" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "cohort" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    "updatedBy" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "Quota_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "at" TIMESTAMP(3) NOT NULL,
    "actorId" BIGINT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "details" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL,
    "updatedBy" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL
);

-- CreateTable
CREATE TABLE "GroupChat" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "chatId" BIGINT NOT NULL,
    "title" TEXT,
    "unitId" INTEGER NOT NULL,
    "active" BOOLEAN NOT NULL,
    "createdBy" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "GroupChat_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "JobRun" (
    "occasion" TEXT NOT NULL PRIMARY KEY,
    "kind" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "plannedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3)
);

-- CreateTable
CREATE TABLE "Delivery" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "occasion" TEXT NOT NULL,
    "chatId" BIGINT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "sentParts" INTEGER NOT NULL,
    "error" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    CONSTRAINT "Delivery_occasion_fkey" FOREIGN KEY ("occasion") REFERENCES "JobRun" ("occasion") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "Quota_year_idx" ON "Quota"("year");

-- CreateIndex
CREATE UNIQUE INDEX "Quota_unitId_year_cohort_key" ON "Quota"("unitId", "year", "cohort");

-- CreateIndex
CREATE INDEX "AuditEntry_at_idx" ON "AuditEntry"("at");

-- CreateIndex
CREATE UNIQUE INDEX "GroupChat_chatId_key" ON "GroupChat"("chatId");

-- CreateIndex
CREATE INDEX "GroupChat_unitId_idx" ON "GroupChat"("unitId");

-- CreateIndex
CREATE INDEX "Delivery_status_idx" ON "Delivery"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Delivery_occasion_chatId_key" ON "Delivery"("occasion", "chatId");

-- From 20261123030000_review
-- AlterTable
ALTER TABLE "Report" ADD COLUMN "reviewState" TEXT NOT NULL DEFAULT 'PENDING';
ALTER TABLE "Report" ADD COLUMN "reviewedById" INTEGER REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Report" ADD COLUMN "reviewedAt" TIMESTAMP(3);
ALTER TABLE "Report" ADD COLUMN "reviewNote" TEXT;
ALTER TABLE "Report" ADD COLUMN "lateCorrection" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Report" ADD COLUMN "correctionReason" TEXT;

-- AlterTable
ALTER TABLE "Meeting" ADD COLUMN "reviewState" TEXT NOT NULL DEFAULT 'PENDING';
ALTER TABLE "Meeting" ADD COLUMN "reviewedById" INTEGER REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "Meeting" ADD COLUMN "reviewedAt" TIMESTAMP(3);
ALTER TABLE "Meeting" ADD COLUMN "reviewNote" TEXT;
ALTER TABLE "Meeting" ADD COLUMN "lateCorrection" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "Meeting" ADD COLUMN "correctionReason" TEXT;

-- CreateTable
CREATE TABLE "PeriodLock" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "closedBy" BIGINT NOT NULL,
    "closedAt" TIMESTAMP(3) NOT NULL,
    CONSTRAINT "PeriodLock_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Delegation" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "unitId" INTEGER NOT NULL,
    "fromUserId" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "startsOn" TEXT NOT NULL,
    "endsOn" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    CONSTRAINT "Delegation_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Delegation_fromUserId_fkey" FOREIGN KEY ("fromUserId") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "PeriodLock_unitId_year_month_key" ON "PeriodLock"("unitId", "year", "month");

-- CreateIndex
CREATE INDEX "Delegation_unitId_idx" ON "Delegation"("unitId");

-- From 20261123040000_processed_updates
-- CreateTable
CREATE TABLE "ProcessedUpdate" (
    "updateId" BIGINT NOT NULL PRIMARY KEY,
    "receivedAt" TIMESTAMP(3) NOT NULL
);

-- CreateIndex
CREATE INDEX "ProcessedUpdate_receivedAt_idx" ON "ProcessedUpdate"("receivedAt");
