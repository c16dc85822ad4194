-- Requests for figures by a date (/yeucau): a committee's questions sent to every branch
-- of a unit's subtree, the branches it went to, and each branch's answers in versions
-- (src/domain/request.ts).

-- CreateTable
CREATE TABLE "InfoRequest" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "title" TEXT NOT NULL,
    "unitId" INTEGER NOT NULL,
    "createdById" INTEGER NOT NULL,
    "questions" TEXT NOT NULL,
    "dueOn" TEXT NOT NULL,
    "dueTime" TEXT,
    "template" TEXT,
    "prefillFromYear" INTEGER,
    "revision" INTEGER NOT NULL DEFAULT 1,
    "status" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "sentAt" TIMESTAMP(3),
    "closedAt" TIMESTAMP(3),
    "remindedOn" TEXT,
    CONSTRAINT "InfoRequest_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "InfoRequest_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestTarget" (
    "requestId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,

    CONSTRAINT "RequestTarget_pkey" PRIMARY KEY ("requestId", "unitId"),
    CONSTRAINT "RequestTarget_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "InfoRequest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RequestTarget_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "RequestAnswer" (
    "id" SERIAL NOT NULL PRIMARY KEY,
    "requestId" INTEGER NOT NULL,
    "unitId" INTEGER NOT NULL,
    "version" INTEGER NOT NULL,
    "revision" INTEGER NOT NULL,
    "answers" TEXT NOT NULL,
    "late" BOOLEAN NOT NULL,
    "submittedById" INTEGER NOT NULL,
    "submittedAt" TIMESTAMP(3) NOT NULL,
    "supersededAt" TIMESTAMP(3),
    "reviewState" TEXT NOT NULL DEFAULT 'PENDING',
    "reviewedById" INTEGER,
    "reviewedAt" TIMESTAMP(3),
    "reviewNote" TEXT,
    CONSTRAINT "RequestAnswer_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "InfoRequest" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RequestAnswer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RequestAnswer_submittedById_fkey" FOREIGN KEY ("submittedById") REFERENCES "User" ("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "RequestAnswer_reviewedById_fkey" FOREIGN KEY ("reviewedById") REFERENCES "User" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "InfoRequest_unitId_idx" ON "InfoRequest"("unitId");

-- CreateIndex
CREATE INDEX "InfoRequest_status_idx" ON "InfoRequest"("status");

-- CreateIndex
CREATE INDEX "RequestTarget_unitId_idx" ON "RequestTarget"("unitId");

-- CreateIndex
CREATE UNIQUE INDEX "RequestAnswer_requestId_unitId_version_key" ON "RequestAnswer"("requestId", "unitId", "version");

-- CreateIndex
CREATE INDEX "RequestAnswer_requestId_supersededAt_idx" ON "RequestAnswer"("requestId", "supersededAt");
