// The reference digest's input: a subtree's records read as they are, for buildDigest
// (src/domain/digest.ts) to add up in JavaScript, so that the digest computed in the database
// (src/store/digest-sql.ts, over the rows src/store/branch-months.ts keeps) can be checked against
// it (test/e2e/digest-sql.test.ts). Both read the report's counts named in
// src/domain/report-fields.ts (REPORT_COUNTS); neither shares the other's arithmetic.
import type { Db } from "../../src/db/client.js";
import type { DigestInput, DigestMeeting, DigestUnit } from "../../src/domain/branch-aggregates.js";
import { quarterOf } from "../../src/domain/meeting.js";
import type { Period } from "../../src/domain/period.js";
import { UnitKind } from "../../src/domain/units.js";
import { earlierApprovedReports, subtreeAndTotals } from "../../src/store/digest-data.js";
import { quotasOf } from "../../src/store/quotas.js";
import { REPORT_COUNTS } from "../../src/store/report-columns.js";
import { unreviewedBranches } from "../../src/store/reviewers.js";

export async function digestInput(db: Db, rootId: number, period: Period): Promise<DigestInput & { root: DigestUnit }> {
  const { units, totals } = await subtreeAndTotals(db, rootId);
  const branchIds = units.filter((u) => u.kind === UnitKind.BRANCH).map((u) => u.id);
  const firstMonthOfQuarter = (quarterOf(period.month) - 1) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, "0");
  const [reports, earlierApproved, meetings, quotas, unreviewed] = await Promise.all([
    db.report.findMany({
      where: { unitId: { in: branchIds }, year: period.year, month: { lte: period.month }, supersededAt: null },
      select: REPORT_COUNTS,
    }),
    earlierApprovedReports(db, branchIds, period.year, period.month, totals),
    db.meeting.findMany({
      where: {
        unitId: { in: branchIds },
        supersededAt: null,
        heldOn: { gte: `${period.year}-${pad(firstMonthOfQuarter)}-01`, lte: `${period.year}-${pad(period.month)}-31` },
      },
      select: { unitId: true, kind: true, heldOn: true, onRoll: true, present: true },
    }) as Promise<DigestMeeting[]>,
    quotasOf(db, branchIds, period.year),
    unreviewedBranches(db, rootId, units),
  ]);
  return { root: units.find((u) => u.id === rootId)!, period, units, reports, meetings, quotas, totals, earlierApproved, unreviewed };
}
