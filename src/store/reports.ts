import type { Db } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";
import type { Period } from "../domain/period.js";
import type { ReportFigures } from "../domain/report.js";
import { reportFiguresSchema } from "../domain/report.js";
import { displayName } from "./users.js";

/** What a form keeps of a stored report: plain JSON, so it survives the conversation log. */
export interface StoredReport {
  version: number;
  figures: ReportFigures;
  submittedAt: string;
  submittedBy: string;
  late: boolean;
}

const FIGURE_FIELDS = {
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

export type SubmitResult = { status: "ok"; version: number } | { status: "conflict"; current: StoredReport };

/**
 * Stores a new version of a month's report. `baseVersion` is the version the
 * secretary was looking at (0 for none); if someone else submitted since,
 * nothing is stored and the newer version is returned so the form can say so.
 */
export async function submitReport(
  db: Db,
  input: { unitId: number; period: Period; figures: ReportFigures; baseVersion: number; userId: number; now: Date; late: boolean },
): Promise<SubmitResult> {
  const figures = reportFiguresSchema.parse(input.figures);
  const where = { unitId: input.unitId, year: input.period.year, month: input.period.month };
  try {
    return await db.$transaction(async (tx) => {
      const current = await tx.report.findFirst({ where: { ...where, supersededAt: null }, select: STORED_SELECT });
      if ((current?.version ?? 0) !== input.baseVersion) return { status: "conflict", current: toStored(current!) };
      const version = input.baseVersion + 1;
      if (current) {
        await tx.report.updateMany({ where: { ...where, version: current.version }, data: { supersededAt: input.now } });
      }
      await tx.report.create({
        data: { ...where, ...figures, version, late: input.late, submittedById: input.userId, submittedAt: input.now },
      });
      return { status: "ok", version };
    });
  } catch (e) {
    // Another version was written between our read and our insert (PostgreSQL
    // read committed): the unique (unit, month, version) index refused ours.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const current = await currentReport(db, input.unitId, input.period);
      if (current) return { status: "conflict", current };
    }
    throw e;
  }
}

export async function yearReports(db: Db, unitId: number, year: number) {
  return db.report.findMany({
    where: { unitId, year, supersededAt: null },
    orderBy: { month: "asc" },
    select: { month: true, late: true, admittedTeachers: true, admittedPupils: true, admittedStudents: true, admittedOther: true },
  });
}

export async function reportVersions(db: Db, unitId: number, p: Period) {
  return db.report.findMany({ where: { unitId, year: p.year, month: p.month }, orderBy: { version: "asc" } });
}
