// Which branches have not reported a month: no current version of its report.
// Asked when reminders are planned and again when each is sent.
import type { Db } from "../db/client.js";
import type { Period } from "../domain/period.js";
import { UnitKind } from "../domain/units.js";

const withoutReport = ({ year, month }: Period) => ({ reports: { none: { year, month, supersededAt: null } } });

/** Ids of every branch without a report for `period`. */
export async function branchesWithoutReport(db: Db, period: Period): Promise<number[]> {
  const rows = await db.unit.findMany({ where: { kind: UnitKind.BRANCH, ...withoutReport(period) }, select: { id: true } });
  return rows.map((u) => u.id);
}

/** The names, by code, of those of `unitIds` still without a report for `period`. */
export async function namesStillWithoutReport(db: Db, period: Period, unitIds: number[]): Promise<string[]> {
  const rows = await db.unit.findMany({ where: { id: { in: unitIds }, ...withoutReport(period) }, select: { name: true }, orderBy: { code: "asc" } });
  return rows.map((u) => u.name);
}
