// Reads an answer version under review and records a reviewer's decision on it, as
// src/store/review.ts does for reports and minutes: the decision is the same
// conditional update (decisionUpdate), so of two reviewers exactly one changes it.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { readAnswerValues, readQuestions, type RequestStatus } from "../domain/request.js";
import type { AnswerUnderReview } from "../domain/request-review.js";
import { ReviewState } from "../domain/review.js";
import { decisionUpdate, standingOf, type DecisionWrite } from "./review.js";
import { displayTitle, NAME_FIELDS } from "./users.js";

type Reader = Db | Prisma.TransactionClient;

const PERSON = { select: { ...NAME_FIELDS, telegramId: true } } as const;
const ANSWER_FIELDS = {
  id: true,
  requestId: true,
  unitId: true,
  version: true,
  answers: true,
  late: true,
  supersededAt: true,
  reviewState: true,
  reviewedAt: true,
  reviewNote: true,
  submittedAt: true,
  unit: { select: { name: true } },
  submittedBy: PERSON,
  reviewedBy: PERSON,
  request: { select: { title: true, status: true, revision: true, dueOn: true, dueTime: true, questions: true } },
} as const;

export async function loadAnswerReview(db: Reader, answerId: number): Promise<AnswerUnderReview | null> {
  const row = await db.requestAnswer.findUnique({ where: { id: answerId }, select: ANSWER_FIELDS });
  if (!row) return null;
  const before =
    row.version > 1
      ? await db.requestAnswer.findFirst({ where: { requestId: row.requestId, unitId: row.unitId, version: row.version - 1 }, select: { answers: true } })
      : null;
  return {
    answerId: row.id,
    requestId: row.requestId,
    requestTitle: row.request.title,
    requestStatus: row.request.status as RequestStatus,
    requestRevision: row.request.revision,
    dueOn: row.request.dueOn,
    dueTime: row.request.dueTime,
    questions: readQuestions(row.request.questions),
    unitId: row.unitId,
    unitName: row.unit.name,
    ...standingOf(row),
    late: row.late,
    submittedBy: displayTitle(row.submittedBy),
    submittedByTelegramId: Number(row.submittedBy.telegramId),
    submittedAt: row.submittedAt,
    values: readAnswerValues(row.answers),
    previous: before ? readAnswerValues(before.answers) : null,
  };
}

/** The id of the branch's current answer in place of `answerId` (replaced while the reviewer looked); null when none. */
export async function latestAnswerIdOf(db: Reader, answerId: number): Promise<number | null> {
  const old = await db.requestAnswer.findUnique({ where: { id: answerId }, select: { requestId: true, unitId: true } });
  const now = old && (await db.requestAnswer.findFirst({ where: { ...old, supersededAt: null }, select: { id: true } }));
  return now?.id ?? null;
}

/** The branch an answer version belongs to, who sent it, and when; null when there is no such version. */
export async function answerOrigin(db: Reader, answerId: number): Promise<{ unitId: number; senderTelegramId: bigint; submittedAt: Date } | null> {
  const row = await db.requestAnswer.findUnique({ where: { id: answerId }, select: { unitId: true, submittedAt: true, submittedBy: { select: { telegramId: true } } } });
  return row && { unitId: row.unitId, senderTelegramId: row.submittedBy.telegramId, submittedAt: row.submittedAt };
}

/** Records a decision on the answer version if it is still current and pending. False when it was not. */
export async function markAnswerDecided(tx: Prisma.TransactionClient, answerId: number, d: DecisionWrite): Promise<boolean> {
  const { count } = await tx.requestAnswer.updateMany(decisionUpdate(answerId, d));
  return count > 0;
}

/** Current answer versions waiting for review in the scope, oldest first: the first `limit` ids, and how many in all. */
export async function pendingAnswerIds(db: Db, scope: ReadonlySet<number> | "all", limit: number): Promise<{ ids: number[]; total: number }> {
  // Filtered here rather than with IN (…), as pendingRecords does: a province's scope is past SQLite's bound-parameter limit.
  const rows = await db.requestAnswer.findMany({
    where: { supersededAt: null, reviewState: ReviewState.PENDING },
    select: { id: true, unitId: true },
    orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
  });
  const inScope = rows.filter((r) => scope === "all" || scope.has(r.unitId));
  return { ids: inScope.slice(0, limit).map((r) => r.id), total: inScope.length };
}
