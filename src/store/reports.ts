import type { Db, Driver } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import type { Period } from "../domain/period.js";
import type { ReportFigures } from "../domain/report.js";
import { REPORT_FIELDS } from "../domain/report-fields.js";
import { flag, type Statement } from "./driver-transaction.js";
import { stamp } from "./update-claims.js";
import { displayName, NAME_FIELDS } from "./users.js";
import { COHORT_FIELDS, FIGURE_FIELDS } from "./report-columns.js";

/** What a form keeps of a stored report: plain JSON, so it survives the conversation log. */
export interface StoredReport {
  version: number;
  figures: ReportFigures;
  submittedAt: string;
  submittedBy: string;
  late: boolean;
}

const STORED_SELECT = {
  ...FIGURE_FIELDS,
  version: true,
  submittedAt: true,
  late: true,
  submittedBy: { select: NAME_FIELDS },
} as const;

type Row = Prisma.ReportGetPayload<{ select: typeof STORED_SELECT }>;

function toStored(row: Row): StoredReport {
  const { version, submittedAt, late, submittedBy, ...figures } = row;
  return { version, figures, submittedAt: submittedAt.toISOString(), submittedBy: displayName(submittedBy), late };
}

export async function currentReport(db: Db, unitId: number, p: Period): Promise<StoredReport | null> {
  const row = await db.report.findFirst({
    where: { unitId, year: p.year, month: p.month, supersededAt: null },
    select: STORED_SELECT,
  });
  return row ? toStored(row) : null;
}

/** One month's report of a branch: the key its versions share. */
export interface ReportKey {
  unitId: number;
  year: number;
  month: number;
}

/** One version of a month's report, as written. */
export interface ReportVersion extends ReportKey {
  version: number;
  figures: ReportFigures;
  late: boolean;
  userId: number;
  now: Date;
  /** Why a closed month changes (src/store/locks.ts); marks the version a late correction. */
  correctionReason: string | null;
}

/** The version a month's report stands at, as a driver's statement reads it with other things (src/store/report-filing.ts): "version", ≤ 1 row. */
export const CURRENT_VERSION_SQL = `SELECT "version" FROM "Report" WHERE "unitId" = ? AND "year" = ? AND "month" = ? AND "supersededAt" IS NULL`;

/** Marks the month's version `version` replaced (src/store/report-filing.ts). */
export function supersedeStatement(driver: Driver, key: ReportKey, version: number, now: Date): Statement {
  return {
    name: "report-supersede",
    text: `UPDATE "Report" SET "supersededAt" = ? WHERE "unitId" = ? AND "year" = ? AND "month" = ? AND "version" = ?`,
    args: [stamp(driver, now), key.unitId, key.year, key.month, version],
  };
}

const INSERT_COLUMNS = ["unitId", "year", "month", "version", ...REPORT_FIELDS, "late", "submittedById", "submittedAt", "lateCorrection", "correctionReason"];

/** Writes one version of a month's report; its one row's "id" is the version's id. */
export function createReportStatement(driver: Driver, input: ReportVersion): Statement {
  const { figures } = input;
  // An empty reason is none.
  const reason = input.correctionReason || null;
  return {
    name: "report-insert",
    text: `INSERT INTO "Report" (${INSERT_COLUMNS.map((c) => `"${c}"`).join(", ")}) VALUES (${INSERT_COLUMNS.map(() => "?").join(", ")}) RETURNING "id"`,
    args: [
      input.unitId,
      input.year,
      input.month,
      input.version,
      ...REPORT_FIELDS.map((k) => figures[k]),
      flag(driver, input.late),
      input.userId,
      stamp(driver, input.now),
      flag(driver, reason !== null),
      reason,
    ],
  };
}

export async function yearReports(db: Db, unitId: number, year: number) {
  return db.report.findMany({
    where: { unitId, year, supersededAt: null },
    orderBy: { month: "asc" },
    select: { month: true, late: true, reviewState: true, lateCorrection: true, ...COHORT_FIELDS },
  });
}
