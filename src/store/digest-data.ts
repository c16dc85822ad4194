// The tree of units, a subtree with what its totals count, and the approved versions replaced
// since: for the export and the commands that name a unit. The digest itself reads its rows in
// SQL (./digest-sql.ts); the reference it is tested against is test/support/digest-input.ts.
import type { Db } from "../db/client.js";
import type { DigestReport, DigestUnit } from "../domain/branch-aggregates.js";
import { ReviewState } from "../domain/review.js";
import { TotalsMode } from "../domain/review-totals.js";
import { subtreeIds, UnitKind } from "../domain/units.js";
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
