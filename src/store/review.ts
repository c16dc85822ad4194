// Reads a version under review and records a reviewer's decision. A decision
// is a conditional update on the version's id while it is current and pending,
// so of two reviewers (or one pressing twice) exactly one changes it.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import type { MeetingDraft } from "../domain/meeting.js";
import type { Period } from "../domain/period.js";
import type { ReportFigures } from "../domain/report.js";
import { RecordKind, ReviewState, type RecordRef, type ReviewStanding } from "../domain/review.js";
import { meetingDraftOf, MEETING_SELECT } from "./meetings.js";
import { FIGURE_FIELDS } from "./report-columns.js";
import { displayName, displayTitle, NAME_FIELDS } from "./users.js";

interface Common extends ReviewStanding {
  ref: RecordRef;
  unitId: number;
  unitName: string;
  lateCorrection: boolean;
  correctionReason: string | null;
  submittedBy: string;
  submittedByTelegramId: number;
  submittedAt: Date;
}

export type ReviewRecord =
  | (Common & { kind: typeof RecordKind.REPORT; period: Period; figures: ReportFigures; previous: ReportFigures | null })
  | (Common & { kind: typeof RecordKind.MEETING; draft: MeetingDraft; previous: MeetingDraft | null });

const PERSON = { select: { ...NAME_FIELDS, telegramId: true } } as const;
const REVIEW_FIELDS = {
  id: true,
  unitId: true,
  version: true,
  supersededAt: true,
  reviewState: true,
  reviewedAt: true,
  reviewNote: true,
  lateCorrection: true,
  correctionReason: true,
  submittedAt: true,
  unit: { select: { name: true } },
  submittedBy: PERSON,
  reviewedBy: PERSON,
} as const;

type StandingRow = Pick<CommonRow, "version" | "supersededAt" | "reviewState" | "reviewedAt" | "reviewNote"> & { reviewedBy: CommonRow["reviewedBy"] };
type CommonRow = Prisma.ReportGetPayload<{ select: typeof REVIEW_FIELDS }>;

/** A version's review standing, from the columns every reviewed table has. */
export function standingOf(row: StandingRow): ReviewStanding {
  return {
    version: row.version,
    current: row.supersededAt === null,
    state: row.reviewState as ReviewState,
    reviewedBy: row.reviewedBy ? displayName(row.reviewedBy) : null,
    reviewedByTelegramId: row.reviewedBy ? Number(row.reviewedBy.telegramId) : null,
    reviewedAt: row.reviewedAt,
    reviewNote: row.reviewNote,
  };
}

function common(kind: RecordKind, row: CommonRow): Common {
  return {
    ref: { kind, id: row.id },
    unitId: row.unitId,
    unitName: row.unit.name,
    ...standingOf(row),
    lateCorrection: row.lateCorrection,
    correctionReason: row.correctionReason,
    submittedBy: displayTitle(row.submittedBy),
    submittedByTelegramId: Number(row.submittedBy.telegramId),
    submittedAt: row.submittedAt,
  };
}

export async function loadReviewRecord(db: Db, ref: RecordRef): Promise<ReviewRecord | null> {
  if (ref.kind === RecordKind.REPORT) {
    const row = await db.report.findUnique({ where: { id: ref.id }, select: { ...REVIEW_FIELDS, ...FIGURE_FIELDS, year: true, month: true } });
    if (!row) return null;
    const key = { unitId: row.unitId, year: row.year, month: row.month };
    const previous = row.version > 1 ? await db.report.findFirst({ where: { ...key, version: row.version - 1 }, select: FIGURE_FIELDS }) : null;
    const figures = Object.fromEntries(Object.keys(FIGURE_FIELDS).map((k) => [k, row[k as keyof ReportFigures]])) as unknown as ReportFigures;
    return { ...common(RecordKind.REPORT, row), kind: RecordKind.REPORT, period: { year: row.year, month: row.month }, figures, previous };
  }
  const row = await db.meeting.findUnique({ where: { id: ref.id }, select: { ...MEETING_SELECT, ...REVIEW_FIELDS } });
  if (!row) return null;
  const previousRow =
    row.version > 1
      ? await db.meeting.findFirst({ where: { unitId: row.unitId, kind: row.kind, heldOn: row.heldOn, version: row.version - 1 }, select: MEETING_SELECT })
      : null;
  return {
    ...common(RecordKind.MEETING, row),
    kind: RecordKind.MEETING,
    draft: meetingDraftOf(row),
    previous: previousRow ? meetingDraftOf(previousRow) : null,
  };
}

/** The current version of the same report or minutes, when `ref` was replaced. */
export async function latestVersionOf(db: Db, ref: RecordRef): Promise<RecordRef | null> {
  if (ref.kind === RecordKind.REPORT) {
    const old = await db.report.findUnique({ where: { id: ref.id }, select: { unitId: true, year: true, month: true } });
    const now = old && (await db.report.findFirst({ where: { ...old, supersededAt: null }, select: { id: true } }));
    return now ? { kind: ref.kind, id: now.id } : null;
  }
  const old = await db.meeting.findUnique({ where: { id: ref.id }, select: { unitId: true, kind: true, heldOn: true } });
  const now = old && (await db.meeting.findFirst({ where: { ...old, supersededAt: null }, select: { id: true } }));
  return now ? { kind: ref.kind, id: now.id } : null;
}

const ofId = (ref: RecordRef) => ({ where: { id: ref.id }, select: { unitId: true } }) as const;

/** The branch a report or minutes belongs to; undefined when there is no such record. */
export async function recordUnitId(tx: Prisma.TransactionClient, ref: RecordRef): Promise<number | undefined> {
  const row = ref.kind === RecordKind.REPORT ? await tx.report.findUnique(ofId(ref)) : await tx.meeting.findUnique(ofId(ref));
  return row?.unitId;
}

export interface DecisionWrite {
  decision: typeof ReviewState.APPROVED | typeof ReviewState.RETURNED;
  reviewerUserId: number;
  note: string | null;
  now: Date;
}

/**
 * The conditional update of a decision, for every kind of version reviewed (reports, minutes,
 * answers to requests): it changes the version only while it is current and pending.
 */
export function decisionUpdate(id: number, d: DecisionWrite) {
  return {
    where: { id, supersededAt: null, reviewState: ReviewState.PENDING },
    data: { reviewState: d.decision, reviewedById: d.reviewerUserId, reviewedAt: d.now, reviewNote: d.note },
  };
}

/**
 * Records a decision on the version if it is still current and pending: of two
 * reviewers (or one pressing twice) exactly one changes it. False when it was not.
 */
export async function markDecided(
  tx: Prisma.TransactionClient,
  ref: RecordRef,
  d: DecisionWrite,
): Promise<boolean> {
  const { where, data } = decisionUpdate(ref.id, d);
  const { count } = ref.kind === RecordKind.REPORT ? await tx.report.updateMany({ where, data }) : await tx.meeting.updateMany({ where, data });
  return count > 0;
}

/** Who sent the version, its branch, and for a report its year (whose digest rows a decision changes). */
export async function recordSender(tx: Prisma.TransactionClient, ref: RecordRef): Promise<{ unitId: number; year: number | null; senderTelegramId: bigint }> {
  const select = { unitId: true, submittedBy: { select: { telegramId: true } } } as const;
  if (ref.kind === RecordKind.REPORT) {
    const r = await tx.report.findUniqueOrThrow({ where: { id: ref.id }, select: { ...select, year: true } });
    return { unitId: r.unitId, year: r.year, senderTelegramId: r.submittedBy.telegramId };
  }
  const m = await tx.meeting.findUniqueOrThrow({ where: { id: ref.id }, select });
  return { unitId: m.unitId, year: null, senderTelegramId: m.submittedBy.telegramId };
}

/** Current versions waiting for review in the scope, oldest first. */
export async function pendingRecords(db: Db, scope: ReadonlySet<number> | "all", limit: number): Promise<{ refs: RecordRef[]; total: number }> {
  // Filtered here rather than with IN (…): a province's scope is thousands of ids, past SQLite's bound-parameter limit.
  const where = { supersededAt: null, reviewState: ReviewState.PENDING };
  const inScope = (r: { unitId: number }) => scope === "all" || scope.has(r.unitId);
  const select = { id: true, unitId: true, submittedAt: true } as const;
  const [reports, meetings] = await Promise.all([
    db.report.findMany({ where, select }).then((rows) => rows.filter(inScope)),
    db.meeting.findMany({ where, select }).then((rows) => rows.filter(inScope)),
  ]);
  const all = [
    ...reports.map((r) => ({ ref: { kind: RecordKind.REPORT, id: r.id } as RecordRef, at: r.submittedAt })),
    ...meetings.map((m) => ({ ref: { kind: RecordKind.MEETING, id: m.id } as RecordRef, at: m.submittedAt })),
  ].sort((a, b) => a.at.getTime() - b.at.getTime() || a.ref.id - b.ref.id);
  return { refs: all.slice(0, limit).map((x) => x.ref), total: all.length };
}
