// Rows for the spreadsheet export of a set of branches over a year or a month.
import type { Db } from "../db/client.js";
import { aggregateBranches, type DigestUnit } from "../domain/digest.js";
import type { Period } from "../domain/period.js";
import { UnitKind } from "../domain/units.js";
import type { WorkbookInput } from "../export/workbook.js";
import { quotasOf } from "./quotas.js";

export type ExportRange = { year: number; month?: number };

export async function exportRows(db: Db, units: DigestUnit[], range: ExportRange): Promise<Omit<WorkbookInput, "labels" | "timeZone">> {
  const branches = units.filter((u) => u.kind === UnitKind.BRANCH);
  const ids = branches.map((b) => b.id);
  const byId = new Map(branches.map((b) => [b.id, b]));
  const pad = (n: number) => String(n).padStart(2, "0");
  const heldOn = range.month
    ? { gte: `${range.year}-${pad(range.month)}-01`, lte: `${range.year}-${pad(range.month)}-31` }
    : { gte: `${range.year}-01-01`, lte: `${range.year}-12-31` };
  const [reports, meetings, quotas, yearReports] = await Promise.all([
    db.report.findMany({
      where: { unitId: { in: ids }, year: range.year, ...(range.month ? { month: range.month } : {}), supersededAt: null },
      orderBy: [{ month: "asc" }, { unitId: "asc" }],
    }),
    db.meeting.findMany({
      where: { unitId: { in: ids }, supersededAt: null, heldOn },
      orderBy: [{ heldOn: "asc" }, { unitId: "asc" }],
      include: { _count: { select: { attachments: true } } },
    }),
    quotasOf(db, ids, range.year),
    db.report.findMany({ where: { unitId: { in: ids }, year: range.year, supersededAt: null } }),
  ]);
  const period: Period = { year: range.year, month: range.month ?? 12 };
  const progress = aggregateBranches({ period, units, reports: yearReports, meetings: [], quotas });
  return {
    reports: reports.map((r) => ({ ...r, code: byId.get(r.unitId)!.code, name: byId.get(r.unitId)!.name })),
    meetings: meetings.map((m) => ({
      ...m,
      kind: m.kind as "REGULAR" | "THEMATIC",
      code: byId.get(m.unitId)!.code,
      name: byId.get(m.unitId)!.name,
      attachments: m._count.attachments,
    })),
    progress,
  };
}
