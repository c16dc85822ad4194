import { providerOf, type Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { writeNextVersion } from "./versioning.js";
import type { Period } from "../domain/period.js";
import type { ReportFigures } from "../domain/report.js";
import { reportFiguresSchema } from "../domain/report.js";
import { displayName } from "./users.js";
import { RecordKind } from "../domain/review.js";
import { queueReviewCards } from "./review-queue.js";
import { refreshBranchMonths } from "./branch-months.js";
import type { Refusal as FilingRefusal } from "../domain/access.js";

/** What a form keeps of a stored report: plain JSON, so it survives the conversation log. */
export interface StoredReport {
  version: number;
  figures: ReportFigures;
  submittedAt: string;
  submittedBy: string;
  late: boolean;
}

/** The figures of a report, as a Prisma select; digests and exports select from it too. */
export const FIGURE_FIELDS = {
  candidates: true,
  awarenessClass: true,
  applicationsInReview: true,
  admittedTeachers: true,
  admittedPupils: true,
  admittedStudents: true,
  admittedOther: true,
  madeFull: true,
  removed: true,
  removedReason: true,
  transferredIn: true,
  transferredOut: true,
  note: true,
} as const satisfies Record<keyof ReportFigures, true>;

const STORED_SELECT = {
  ...FIGURE_FIELDS,
  version: true,
  submittedAt: true,
  late: true,
  submittedBy: { select: { firstName: true, lastName: true } },
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

/** The latest month before `p` that has a report: its figures are offered as defaults. */
export async function previousReport(db: Db, unitId: number, p: Period): Promise<StoredReport | null> {
  const row = await db.report.findFirst({
    where: {
      unitId,
      supersededAt: null,
      OR: [{ year: { lt: p.year } }, { year: p.year, month: { lt: p.month } }],
    },
    orderBy: [{ year: "desc" }, { month: "desc" }],
    select: STORED_SELECT,
  });
  return row ? toStored(row) : null;
}

export type SubmitResult =
  | { status: "ok"; version: number }
  | { status: "conflict"; current: StoredReport }
  /** The sender may no longer file for the branch (store/rights.ts): nothing stored. */
  | { status: "refused"; why: FilingRefusal };

/**
 * Stores a new version of a month's report. `baseVersion` is the version the
 * secretary was looking at (0 for none); if someone else submitted since,
 * nothing is stored and the newer version is returned so the form can say so.
 */
export async function submitReport(
  db: Db,
  input: {
    unitId: number;
    period: Period;
    figures: ReportFigures;
    baseVersion: number;
    userId: number;
    now: Date;
    late: boolean;
    /** Why a closed month changes (src/store/locks.ts); marks the version a late correction. */
    correctionReason?: string | null;
    /** The sender's rights, read in the transaction that stores the version (the bot always passes it). */
    refusal?: (tx: Prisma.TransactionClient) => Promise<FilingRefusal | undefined>;
  },
): Promise<SubmitResult> {
  const figures = reportFiguresSchema.parse(input.figures);
  const where = { unitId: input.unitId, year: input.period.year, month: input.period.month };
  const result = await writeNextVersion(db, input.baseVersion, {
    ...(input.refusal ? { refusal: input.refusal } : {}),
    currentVersion: async (tx) =>
      (await tx.report.findFirst({ where: { ...where, supersededAt: null }, select: { version: true } }))?.version ?? 0,
    supersede: (tx, version) => tx.report.updateMany({ where: { ...where, version }, data: { supersededAt: input.now } }),
    create: async (tx, version) => {
      const correction = input.correctionReason ? { lateCorrection: true, correctionReason: input.correctionReason } : {};
      const row = await tx.report.create({
        data: { ...where, ...figures, ...correction, version, late: input.late, submittedById: input.userId, submittedAt: input.now },
        select: { id: true },
      });
      await queueReviewCards(tx, { kind: RecordKind.REPORT, id: row.id, unitId: input.unitId }, input.now);
      await refreshBranchMonths(tx, providerOf(db), input.unitId, input.period.year);
    },
  });
  if (result.status !== "conflict") return result;
  return { status: "conflict", current: (await currentReport(db, input.unitId, input.period))! };
}

export async function yearReports(db: Db, unitId: number, year: number) {
  return db.report.findMany({
    where: { unitId, year, supersededAt: null },
    orderBy: { month: "asc" },
    select: { month: true, late: true, reviewState: true, lateCorrection: true, admittedTeachers: true, admittedPupils: true, admittedStudents: true, admittedOther: true },
  });
}
