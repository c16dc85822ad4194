// What the report form reads of a month as it opens on it, through the driver in one prepared
// statement (a Prisma statement costs the bot several times a prepared one, GRAMMY-NOTES.md):
// the month's current version, the latest earlier month's, and whether a lock on the branch or
// a unit above it closes the month (Prisma took six statements for these: two per report, with
// its author's names, the chain of units above, and the lock).
import { driverOf, type Db, type Driver } from "../db/client.js";
import type { Period } from "../domain/period.js";
import type { ReportFigures } from "../domain/report.js";
import { REPORT_FIELDS, STORED_COUNT_FIELDS } from "../domain/report-fields.js";
import type { StoredReport } from "./reports.js";
import { UNIT_CHAIN } from "./units.js";
import { isoColumn, isoOf, run } from "./update-claims.js";
import { displayName } from "./users.js";

const CLOSED = `CASE WHEN EXISTS (SELECT 1 FROM "PeriodLock" l WHERE l."unitId" IN (SELECT "id" FROM up) AND l."year" = ? AND l."month" = ?) THEN 1 ELSE 0 END`;

const COUNTS: ReadonlySet<string> = new Set(STORED_COUNT_FIELDS);

function monthStatement(driver: Driver): string {
  const figures = REPORT_FIELDS.map((f) => `r."${f}"`).join(", ");
  return (
    `WITH RECURSIVE ${UNIT_CHAIN} ` +
    `SELECT w."which", ${CLOSED} AS "closed", r."version", ${isoColumn(driver, `r."submittedAt"`)} AS "submittedAt", r."late", ${figures}, ` +
    `p."firstName", p."lastName", p."fullName", p."position" ` +
    `FROM (SELECT 'current' AS "which" UNION ALL SELECT 'previous') w ` +
    `LEFT JOIN "Report" r ON r."id" = CASE w."which" ` +
    `WHEN 'current' THEN (SELECT c."id" FROM "Report" c WHERE c."unitId" = ? AND c."year" = ? AND c."month" = ? AND c."supersededAt" IS NULL ORDER BY c."id" LIMIT 1) ` +
    `ELSE (SELECT e."id" FROM "Report" e WHERE e."unitId" = ? AND e."supersededAt" IS NULL AND (e."year" < ? OR (e."year" = ? AND e."month" < ?)) ` +
    `ORDER BY e."year" DESC, e."month" DESC, e."id" LIMIT 1) END ` +
    `LEFT JOIN "User" p ON p."id" = r."submittedById"`
  );
}

function storedOf(row: Record<string, unknown>): StoredReport | null {
  if (row.version === null || row.version === undefined) return null;
  const figures = Object.fromEntries(
    REPORT_FIELDS.map((f) => [f, COUNTS.has(f) ? Number(row[f]) : row[f] === null || row[f] === undefined ? null : String(row[f])]),
  ) as ReportFigures;
  const names = { firstName: String(row.firstName), lastName: nullable(row.lastName), fullName: nullable(row.fullName), position: nullable(row.position) };
  return { version: Number(row.version), figures, submittedAt: isoOf(row.submittedAt), submittedBy: displayName(names), late: row.late === true || Number(row.late) === 1 };
}

const nullable = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export interface MonthOfReports {
  existing: StoredReport | null;
  previous: StoredReport | null;
  closed: boolean;
}

/** The month as the report form shows it (usecases/report.ts reportMonth). */
export async function readReportMonth(db: Db, unitId: number, p: Period): Promise<MonthOfReports> {
  const driver = await driverOf(db);
  const rows = await run(driver, "report-month", monthStatement(driver), [unitId, p.year, p.month, unitId, p.year, p.month, unitId, p.year, p.year, p.month]);
  const current = rows.find((r) => r.which === "current");
  const previous = rows.find((r) => r.which === "previous");
  return { existing: current ? storedOf(current) : null, previous: previous ? storedOf(previous) : null, closed: Number(rows[0]?.closed ?? 0) === 1 };
}
