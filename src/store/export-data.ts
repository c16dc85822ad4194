// Rows for the spreadsheet export of a set of branches over a year or a month.
import type { Db } from "../db/client.js";
import { aggregateBranches } from "../domain/branch-aggregates.js";
import type { Period } from "../domain/period.js";
import type { TotalsMode } from "../domain/review-totals.js";
import { UnitKind } from "../domain/units.js";
import type { ExportRows as Rows } from "../domain/export-rows.js";
import { earlierApprovedReports, subtreeAndTotals } from "./digest-data.js";
import { REPORT_COUNTS } from "./report-columns.js";
import { inIdBatches } from "./id-batches.js";
import { quotasOf } from "./quotas.js";
import { displayTitle, NAME_FIELDS } from "./users.js";
import { unreviewedBranches } from "./reviewers.js";

export type ExportRange = { year: number; month?: number };

/**
 * More branches than this make a workbook no office computer opens comfortably
 * (a year of a country's reports is past a sheet's million rows), and their ids
 * past what one IN (…) of SQLite may bind. Such a unit is exported unit by unit below it.
 */
export const EXPORT_MAX_BRANCHES = 10_000;

/** `unreviewed`: how many of the branches nobody but an administrator can review (their reports count as sent). */
export type ExportRows = Rows & { totals: TotalsMode; unreviewed: number };

/**
 * Every current report and minutes of the unit's branches, each with its review state; the progress
 * sheet counts as the unit's digest does (`totals`, returned so the caption can say which).
 */
export async function exportRows(db: Db, rootId: number, range: ExportRange): Promise<ExportRows | { tooLarge: number }> {
  const { units, totals } = await subtreeAndTotals(db, rootId);
  const branches = units.filter((u) => u.kind === UnitKind.BRANCH);
  if (branches.length > EXPORT_MAX_BRANCHES) return { tooLarge: branches.length };
  const ids = branches.map((b) => b.id);
  const byId = new Map(branches.map((b) => [b.id, b]));
  const pad = (n: number) => String(n).padStart(2, "0");
  const heldOn = range.month
    ? { gte: `${range.year}-${pad(range.month)}-01`, lte: `${range.year}-${pad(range.month)}-31` }
    : { gte: `${range.year}-01-01`, lte: `${range.year}-12-31` };
  const period: Period = { year: range.year, month: range.month ?? 12 };
  const [reports, meetings, quotas, monthOnly, earlierApproved, unreviewed] = await Promise.all([
    inIdBatches(ids, (batch) =>
      db.report.findMany({
        where: { unitId: { in: batch }, year: range.year, ...(range.month ? { month: range.month } : {}), supersededAt: null },
        include: { submittedBy: { select: NAME_FIELDS } },
      }),
    ).then((rows) => rows.sort((a, b) => a.month - b.month || a.unitId - b.unitId)),
    inIdBatches(ids, (batch) =>
      db.meeting.findMany({ where: { unitId: { in: batch }, supersededAt: null, heldOn }, include: { _count: { select: { attachments: true } }, submittedBy: { select: NAME_FIELDS } } }),
    ).then((rows) => rows.sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : a.unitId - b.unitId))),
    quotasOf(db, ids, range.year),
    // A month's export still shows the year's progress; a year's already has every report.
    range.month
      ? inIdBatches(ids, (batch) => db.report.findMany({ where: { unitId: { in: batch }, year: range.year, supersededAt: null }, select: REPORT_COUNTS }))
      : undefined,
    earlierApprovedReports(db, ids, period.year, period.month, totals),
    unreviewedBranches(db, rootId, units),
  ]);
  const yearReports = monthOnly ?? reports;
  const progress = aggregateBranches({ period, units, reports: yearReports, meetings: [], quotas, totals, earlierApproved, unreviewed });
  return {
    reports: reports.map((r) => ({ ...r, code: byId.get(r.unitId)!.code, name: byId.get(r.unitId)!.name, submittedBy: displayTitle(r.submittedBy) })),
    meetings: meetings.map((m) => ({
      ...m,
      kind: m.kind as "REGULAR" | "THEMATIC",
      code: byId.get(m.unitId)!.code,
      name: byId.get(m.unitId)!.name,
      attachments: m._count.attachments,
      submittedBy: displayTitle(m.submittedBy),
    })),
    progress,
    totals,
    unreviewed: unreviewed.size,
  };
}
