-- CreateTable
CREATE TABLE "BranchMonth" (
    "unitId" INTEGER NOT NULL,
    "year" INTEGER NOT NULL,
    "month" INTEGER NOT NULL,
    "reported" BOOLEAN NOT NULL,
    "late" BOOLEAN NOT NULL,
    "review" TEXT,
    "allMonthTeachers" INTEGER NOT NULL,
    "allMonthPupils" INTEGER NOT NULL,
    "allMonthStudents" INTEGER NOT NULL,
    "allMonthOther" INTEGER NOT NULL,
    "allYearTeachers" INTEGER NOT NULL,
    "allYearPupils" INTEGER NOT NULL,
    "allYearStudents" INTEGER NOT NULL,
    "allYearOther" INTEGER NOT NULL,
    "allCandidates" INTEGER NOT NULL,
    "allAwarenessClass" INTEGER NOT NULL,
    "allApplicationsInReview" INTEGER NOT NULL,
    "allRemoved" INTEGER NOT NULL,
    "okMonthTeachers" INTEGER NOT NULL,
    "okMonthPupils" INTEGER NOT NULL,
    "okMonthStudents" INTEGER NOT NULL,
    "okMonthOther" INTEGER NOT NULL,
    "okYearTeachers" INTEGER NOT NULL,
    "okYearPupils" INTEGER NOT NULL,
    "okYearStudents" INTEGER NOT NULL,
    "okYearOther" INTEGER NOT NULL,
    "okCandidates" INTEGER NOT NULL,
    "okAwarenessClass" INTEGER NOT NULL,
    "okApplicationsInReview" INTEGER NOT NULL,
    "okRemoved" INTEGER NOT NULL,
    "meetings" INTEGER NOT NULL,
    "onRoll" INTEGER NOT NULL,
    "present" INTEGER NOT NULL,
    "regularMeetings" INTEGER NOT NULL,
    "thematicQuarter" INTEGER NOT NULL,

    PRIMARY KEY ("unitId", "year", "month")
);

-- CreateIndex
CREATE INDEX "BranchMonth_year_month_idx" ON "BranchMonth"("year", "month");
