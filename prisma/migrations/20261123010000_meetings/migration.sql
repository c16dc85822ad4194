-- CreateTable
CREATE TABLE "Meeting" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
    "submittedAt" DATETIME NOT NULL,
    "supersededAt" DATETIME,
    CONSTRAINT "Meeting_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "Meeting_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "MeetingAttachment" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
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
