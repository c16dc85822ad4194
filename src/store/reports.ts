import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import type { Period } from "../domain/period.js";
import type { ReportFigures } from "../domain/report.js";
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

/** The versions of one month's report, for writeNextVersion (src/store/versioning.ts): the current number, and marking it replaced. */
export function reportVersions(key: ReportKey, now: Date) {
  return {
    currentVersion: async (tx: Prisma.TransactionClient) =>
      (await tx.report.findFirst({ where: { ...key, supersededAt: null }, select: { version: true } }))?.version ?? 0,
    supersede: (tx: Prisma.TransactionClient, version: number) => tx.report.updateMany({ where: { ...key, version }, data: { supersededAt: now } }),
  };
}

/** Writes one version of a month's report; returns its id. */
export async function createReport(
  tx: Prisma.TransactionClient,
  input: ReportKey & {
    version: number;
    figures: ReportFigures;
    late: boolean;
    userId: number;
    now: Date;
    /** Why a closed month changes (src/store/locks.ts); marks the version a late correction. */
    correctionReason: string | null;
  },
): Promise<number> {
  const { unitId, year, month, figures } = input;
  const correction = input.correctionReason ? { lateCorrection: true, correctionReason: input.correctionReason } : {};
  const row = await tx.report.create({
    data: { unitId, year, month, ...figures, ...correction, version: input.version, late: input.late, submittedById: input.userId, submittedAt: input.now },
    select: { id: true },
  });
  return row.id;
}

export async function yearReports(db: Db, unitId: number, year: number) {
  return db.report.findMany({
    where: { unitId, year, supersededAt: null },
    orderBy: { month: "asc" },
    select: { month: true, late: true, reviewState: true, lateCorrection: true, ...COHORT_FIELDS },
  });
}
