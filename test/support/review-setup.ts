// Set-up only: review states written straight into the database. They stand in for the
// committee's ✅ Duyệt and ↩️ Trả lại buttons (src/bot/features/review.ts, built separately);
// the helpers may later press those buttons instead. Tests of the buttons themselves do not use them.
import { expect } from "vitest";
import { ReviewState } from "../../src/domain/review.js";
import type { Period } from "../../src/domain/period.js";
import type { Harness } from "./harness.js";

/** Puts the current version of a branch's report for a month in a review state. */
export async function setReportReviewInDb(h: Harness, branchCode: string, period: Period, state: ReviewState): Promise<void> {
  const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: branchCode } });
  const changed = await h.app.db.report.updateMany({
    where: { unitId: unit.id, year: period.year, month: period.month, supersededAt: null },
    data: { reviewState: state, reviewedAt: h.clock.now() },
  });
  expect(changed.count, `a current report of ${branchCode} for ${period.month}/${period.year}`).toBe(1);
}

/** As if a committee member had approved the branch's report for the month. */
export const approveReportInDb = (h: Harness, branchCode: string, period: Period) => setReportReviewInDb(h, branchCode, period, ReviewState.APPROVED);

/** As if a committee member had returned the branch's report for the month. */
export const returnReportInDb = (h: Harness, branchCode: string, period: Period) => setReportReviewInDb(h, branchCode, period, ReviewState.RETURNED);
