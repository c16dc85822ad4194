// Answers to requests (/yeucau) reach their reviewers as reports do: a card for each
// committee member above the branch, and a notice of each decision to the people who
// file for it, all through the exactly-once queue. Each occasion is keyed by the answer
// version, so queueing the same one again (the answer form replayed, a retry) keeps the first.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { answerOrigin } from "../store/request-review.js";
import { enqueue, enqueueOnce } from "./enqueue.js";
import { JobKind, type AnswerJobPayload } from "./job-kinds.js";
import { reviewerChatIds } from "./review-notices.js";

export const ANSWER_REVIEW_JOB = JobKind.ANSWER_REVIEW;
export const ANSWER_APPROVED_JOB = JobKind.ANSWER_APPROVED;
export const ANSWER_RETURNED_JOB = JobKind.ANSWER_RETURNED;

const occasionOf = (kind: string, answerId: number) => `${kind}:${answerId}`;

/**
 * Queues the review card of one answer version to every reviewer of its branch (not its own
 * secretary or deputy). Call it once the version is saved (the answer form's answerSaved hook);
 * the card goes at the version's time of sending. False when it was queued before or there is
 * no such version. The card is checked again as it is sent: a version replaced or decided by
 * then is not sent (src/outbox/kinds.ts).
 */
export async function enqueueAnswerReview(db: Db, a: { answerId: number }): Promise<boolean> {
  const origin = await answerOrigin(db, a.answerId);
  if (!origin) return false;
  const chats = await reviewerChatIds(db, origin.unitId);
  const at = origin.submittedAt;
  const job = { occasion: occasionOf(ANSWER_REVIEW_JOB, a.answerId), kind: ANSWER_REVIEW_JOB, payload: { answerId: a.answerId } satisfies AnswerJobPayload, dueAt: at, now: at };
  return enqueueOnce(db, job, chats.map((chatId) => ({ chatId })));
}

/**
 * Queues the review card of a version in the transaction that saves it (the answer form's
 * answerSaved): the card exists exactly when the version does, even if the process dies next.
 */
export async function queueAnswerReview(tx: Prisma.TransactionClient, answerId: number): Promise<void> {
  const origin = await answerOrigin(tx, answerId);
  if (!origin) return;
  const chats = [...new Set(await reviewerChatIds(tx, origin.unitId))];
  const at = origin.submittedAt;
  const job = { occasion: occasionOf(ANSWER_REVIEW_JOB, answerId), kind: ANSWER_REVIEW_JOB, payload: { answerId } satisfies AnswerJobPayload, dueAt: at, now: at };
  await enqueue(tx, job, chats.map((chatId) => ({ chatId })));
}

/** Queues the notice of a decision, in the decision's transaction: one decision per version, so one notice. */
export async function queueAnswerDecisionNotice(
  tx: Prisma.TransactionClient,
  kind: typeof ANSWER_APPROVED_JOB | typeof ANSWER_RETURNED_JOB,
  answerId: number,
  chatIds: bigint[],
  now: Date,
): Promise<void> {
  const unique = [...new Set(chatIds)];
  if (unique.length === 0) return;
  const job = { occasion: occasionOf(kind, answerId), kind, payload: { answerId } satisfies AnswerJobPayload, dueAt: now, now };
  await enqueue(tx, job, unique.map((chatId) => ({ chatId })));
}
