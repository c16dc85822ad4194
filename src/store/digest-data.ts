// Loads what a digest, a late list or an export needs for one unit's subtree.
import type { Db } from "../db/client.js";
import type { DigestInput, DigestMeeting, DigestReport, DigestUnit } from "../domain/branch-aggregates.js";
import { quarterOf } from "../domain/meeting.js";
import type { Period } from "../domain/period.js";
import { ReviewState } from "../domain/review.js";
import { TotalsMode } from "../domain/review-totals.js";
import { subtreeIds, UnitKind } from "../domain/units.js";
import { quotasOf } from "./quotas.js";
import { REPORT_COUNTS } from "./report-columns.js";
import { totalsChoiceOf } from "./totals-setting.js";

export async function allUnits(db: Db): Promise<DigestUnit[]> {
  const rows = await db.unit.findMany({ select: { id: true, code: true, name: true, kind: true, parentId: true }, orderBy: { code: "asc" } });
  return rows.map((u) => ({ ...u, kind: u.kind as UnitKind }));
}

/** A unit's subtree, and what its totals count (the unit's choice or the nearest one above it). */
export async function subtreeAndTotals(db: Db, rootId: number): Promise<{ units: DigestUnit[]; totals: TotalsMode }> {
  const all = await allUnits(db);
  const ids = new Set(subtreeIds(all, rootId));
  const { mode } = await totalsChoiceOf(db, rootId, all);
  return { units: all.filter((u) => ids.has(u.id)), totals: mode };
}

/**
 * Approved versions since replaced by a newer one (see DigestInput.earlierApproved), oldest first.
 * Only "approved" totals need them. Read for the whole tree and filtered here, as quotasOf does:
 * ordered, a province's ids would not fit in one `IN (…)`; the rows are few, as most reports are
 * approved once and never amended.
 */
export async function earlierApprovedReports(db: Db, branchIds: number[], year: number, toMonth: number, totals: TotalsMode): Promise<DigestReport[]> {
  if (totals !== TotalsMode.APPROVED) return [];
  const wanted = new Set(branchIds);
  const rows = await db.report.findMany({
    where: { year, month: { lte: toMonth }, supersededAt: { not: null }, reviewState: ReviewState.APPROVED },
    select: REPORT_COUNTS,
    orderBy: { version: "asc" },
  });
  return rows.filter((r) => wanted.has(r.unitId));
}

export async function digestInput(db: Db, rootId: number, period: Period): Promise<DigestInput & { root: DigestUnit }> {
  const { units, totals } = await subtreeAndTotals(db, rootId);
  const branchIds = units.filter((u) => u.kind === UnitKind.BRANCH).map((u) => u.id);
  const firstMonthOfQuarter = (quarterOf(period.month) - 1) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, "0");
  const [reports, earlierApproved, meetings, quotas] = await Promise.all([
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
  ]);
  return { root: units.find((u) => u.id === rootId)!, period, units, reports, meetings, quotas, totals, earlierApproved };
}
