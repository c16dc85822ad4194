// Loads what a digest, a late list or an export needs for one unit's subtree.
import type { Db } from "../db/client.js";
import type { DigestInput, DigestMeeting, DigestReport, DigestUnit } from "../domain/digest.js";
import { quarterOf } from "../domain/meeting.js";
import type { Period } from "../domain/period.js";
import { subtreeIds, UnitKind } from "../domain/units.js";
import { quotasOf } from "./quotas.js";
import { FIGURE_FIELDS } from "./reports.js";

export async function allUnits(db: Db): Promise<DigestUnit[]> {
  const rows = await db.unit.findMany({ select: { id: true, code: true, name: true, kind: true, parentId: true }, orderBy: { code: "asc" } });
  return rows.map((u) => ({ ...u, kind: u.kind as UnitKind }));
}

export async function subtreeOf(db: Db, rootId: number): Promise<DigestUnit[]> {
  const units = await allUnits(db);
  const ids = new Set(subtreeIds(units, rootId));
  return units.filter((u) => ids.has(u.id));
}

/** The counts only: the digest never reads the free texts of a report. */
const { removedReason: _reason, note: _note, ...COUNT_FIELDS } = FIGURE_FIELDS;
const REPORT_COUNTS = { unitId: true, year: true, month: true, late: true, ...COUNT_FIELDS } as const;

export async function digestInput(db: Db, rootId: number, period: Period): Promise<DigestInput & { root: DigestUnit }> {
  const units = await subtreeOf(db, rootId);
  const branchIds = units.filter((u) => u.kind === UnitKind.BRANCH).map((u) => u.id);
  const firstMonthOfQuarter = (quarterOf(period.month) - 1) * 3 + 1;
  const pad = (n: number) => String(n).padStart(2, "0");
  const [reports, meetings, quotas] = await Promise.all([
    db.report.findMany({
      where: { unitId: { in: branchIds }, year: period.year, month: { lte: period.month }, supersededAt: null },
      select: REPORT_COUNTS,
    }) as Promise<DigestReport[]>,
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
  return { root: units.find((u) => u.id === rootId)!, period, units, reports, meetings, quotas };
}
