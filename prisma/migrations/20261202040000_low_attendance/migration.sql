-- The digest names the branches whose meetings of the month had fewer than half of the
-- members on the roll present (src/domain/meeting.ts lowAttendance). Rows written before
-- this hold 0: forgetting that they were built makes the next start rebuild every row from
-- the records (ensureBranchMonths in src/store/branch-months.ts), this column included.

-- AlterTable
ALTER TABLE "BranchMonth" ADD COLUMN "lowAttendance" INTEGER NOT NULL DEFAULT 0;

-- DeleteSetting
DELETE FROM "Setting" WHERE "key" = 'branchMonths.built';
