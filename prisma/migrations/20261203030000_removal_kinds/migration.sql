-- The removal count is split into the four kinds a party document counts: xóa tên, khai trừ,
-- xin ra khỏi Đảng, từ trần (src/domain/report-fields.ts). A report sent before this said one
-- number ("xóa tên hoặc khai trừ") that cannot be told apart now: it is kept as it was, as
-- "chưa phân loại", so that every old month keeps its total; the new kinds start at 0 there.
-- Answering the removal questions again in a new version replaces it.

-- AlterTable
ALTER TABLE "Report" RENAME COLUMN "removed" TO "removedUnclassified";
ALTER TABLE "Report" ADD COLUMN "removedStruckOff" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Report" ADD COLUMN "removedExpelled" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Report" ADD COLUMN "removedResigned" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "Report" ADD COLUMN "removedDied" INTEGER NOT NULL DEFAULT 0;

-- The digest rows get one column a kind for both ways of counting totals. Rows written before
-- this hold 0 there: forgetting that they were built makes the next start rebuild every row
-- from the reports (ensureBranchMonths in src/store/branch-months.ts).

-- AlterTable
ALTER TABLE "BranchMonth" DROP COLUMN "allRemoved";
ALTER TABLE "BranchMonth" DROP COLUMN "okRemoved";
ALTER TABLE "BranchMonth" ADD COLUMN "allRemovedStruckOff" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BranchMonth" ADD COLUMN "allRemovedExpelled" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BranchMonth" ADD COLUMN "allRemovedResigned" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BranchMonth" ADD COLUMN "allRemovedDied" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BranchMonth" ADD COLUMN "allRemovedUnclassified" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BranchMonth" ADD COLUMN "okRemovedStruckOff" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BranchMonth" ADD COLUMN "okRemovedExpelled" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BranchMonth" ADD COLUMN "okRemovedResigned" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BranchMonth" ADD COLUMN "okRemovedDied" INTEGER NOT NULL DEFAULT 0;
ALTER TABLE "BranchMonth" ADD COLUMN "okRemovedUnclassified" INTEGER NOT NULL DEFAULT 0;

-- DeleteSetting
DELETE FROM "Setting" WHERE "key" = 'branchMonths.built';
