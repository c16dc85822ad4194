// Reads a version under review and records a reviewer's decision. A decision
// is a conditional update on the version's id while it is current and pending,
// so of two reviewers (or one pressing twice) exactly one changes it.
import { providerOf, type Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import type { MeetingDraft } from "../domain/meeting.js";
import type { Period } from "../domain/period.js";
import type { ReportFigures } from "../domain/report.js";
import { RecordKind, ReviewState } from "../domain/review.js";
import { meetingDraftOf, MEETING_SELECT } from "./meetings.js";
import { FIGURE_FIELDS } from "./reports.js";
import { APPROVED_JOB, queueDecisionNotice, RETURNED_JOB, type RecordRef } from "./review-queue.js";
import { displayName } from "./users.js";
import { refreshBranchMonths } from "./branch-months.js";

interface Common {
  ref: RecordRef;
  unitId: number;
  unitName: string;
  version: number;
  /** false once a newer version replaced it */
  current: boolean;
  state: ReviewState;
  reviewedBy: string | null;
  reviewedByTelegramId: number | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  lateCorrection: boolean;
  correctionReason: string | null;
  submittedBy: string;
  submittedByTelegramId: number;
  submittedAt: Date;
}

export type ReviewRecord =
  | (Common & { kind: typeof RecordKind.REPORT; period: Period; figures: ReportFigures; previous: ReportFigures | null })
  | (Common & { kind: typeof RecordKind.MEETING; draft: MeetingDraft; previous: MeetingDraft | null });

const PERSON = { select: { firstName: true, lastName: true, telegramId: true } } as const;
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

type CommonRow = Prisma.ReportGetPayload<{ select: typeof REVIEW_FIELDS }>;

function common(kind: RecordKind, row: CommonRow): Common {
  return {
    ref: { kind, id: row.id },
    unitId: row.unitId,
    unitName: row.unit.name,
    version: row.version,
    current: row.supersededAt === null,
    state: row.reviewState as ReviewState,
    reviewedBy: row.reviewedBy ? displayName(row.reviewedBy) : null,
    reviewedByTelegramId: row.reviewedBy ? Number(row.reviewedBy.telegramId) : null,
    reviewedAt: row.reviewedAt,
    reviewNote: row.reviewNote,
    lateCorrection: row.lateCorrection,
    correctionReason: row.correctionReason,
    submittedBy: displayName(row.submittedBy),
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

export type DecideResult =
  | { status: "ok" }
  /** Someone decided first, or the version was replaced meanwhile: `record` says how it stands now. */
  | { status: "too-late"; record: ReviewRecord }
  /** `stillMay` said no: the reviewer lost the right to decide for the branch. Nothing recorded. */
  | { status: "not-allowed" }
  | { status: "missing" };

/**
 * Approves or returns one version. The sender is told, and so are the chats
 * `tellAlso` gives; the notice is queued in the same transaction as the decision.
 * `stillMay` checks the reviewer's rights over the record's branch in that same
 * transaction, so a role lost while the reason was typed is seen (store/rights.ts).
 */
export async function decide(
  db: Db,
  input: {
    ref: RecordRef;
    reviewerUserId: number;
    decision: typeof ReviewState.APPROVED | typeof ReviewState.RETURNED;
    note?: string;
    now: Date;
    tellAlso?: (tx: Prisma.TransactionClient, unitId: number) => Promise<bigint[]>;
    stillMay?: (tx: Prisma.TransactionClient, unitId: number) => Promise<boolean>;
  },
): Promise<DecideResult> {
  const where = { id: input.ref.id, supersededAt: null, reviewState: ReviewState.PENDING };
  const data = { reviewState: input.decision, reviewedById: input.reviewerUserId, reviewedAt: input.now, reviewNote: input.note ?? null };
  const isReport = input.ref.kind === RecordKind.REPORT;
  const outcome = await db.$transaction(async (tx): Promise<"ok" | "unchanged" | "not-allowed"> => {
    if (input.stillMay) {
      const ofId = { where: { id: input.ref.id }, select: { unitId: true } } as const;
      const row = isReport ? await tx.report.findUnique(ofId) : await tx.meeting.findUnique(ofId);
      if (row && !(await input.stillMay(tx, row.unitId))) return "not-allowed";
    }
    const { count } = isReport ? await tx.report.updateMany({ where, data }) : await tx.meeting.updateMany({ where, data });
    if (count === 0) return "unchanged";
    const select = { unitId: true, submittedBy: { select: { telegramId: true } } } as const;
    let owner: { unitId: number; submittedBy: { telegramId: bigint } };
    if (isReport) {
      const report = await tx.report.findUniqueOrThrow({ where: { id: input.ref.id }, select: { ...select, year: true } });
      // Approved figures count in the totals: the branch's digest rows change with the decision.
      await refreshBranchMonths(tx, providerOf(db), report.unitId, report.year);
      owner = report;
    } else owner = await tx.meeting.findUniqueOrThrow({ where: { id: input.ref.id }, select });
    const chats = [owner.submittedBy.telegramId, ...((await input.tellAlso?.(tx, owner.unitId)) ?? [])];
    await queueDecisionNotice(tx, input.decision === ReviewState.RETURNED ? RETURNED_JOB : APPROVED_JOB, input.ref, chats, input.now);
    return "ok";
  });
  if (outcome !== "unchanged") return { status: outcome };
  const record = await loadReviewRecord(db, input.ref);
  return record ? { status: "too-late", record } : { status: "missing" };
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
