// Review cards and decision notices go through the same queue as reminders,
// written in the transaction that stores the record or the decision: a
// submission is never without its cards, a card never sent twice.
import type { Db, Driver } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";
import type { RecordRef } from "../domain/review.js";
import type { Statement } from "../store/driver-transaction.js";
import { REVIEWERS_ARGS, REVIEWERS_SQL } from "../store/reviewers.js";
import { prismaSql, UNIT_CHAIN } from "../store/units.js";
import { enqueue, enqueueStatements, type NewJob } from "./enqueue.js";
import { JobKind, type RecordJobPayload } from "./job-kinds.js";

type Tx = Prisma.TransactionClient;

export const REVIEW_JOB = JobKind.REVIEW;
export const RETURNED_JOB = JobKind.RETURNED;
export const APPROVED_JOB = JobKind.APPROVED;

/** A record's job of `kind`: one occasion per record, so it is queued once whoever queues it. */
function recordJob(kind: string, record: RecordRef, now: Date): NewJob {
  return { occasion: `${kind}:${record.kind}:${record.id}`, kind, payload: { record } satisfies RecordJobPayload, dueAt: now, now };
}

async function queue(tx: Tx, kind: string, record: RecordRef, chatIds: bigint[], now: Date): Promise<void> {
  const unique = [...new Set(chatIds)];
  if (unique.length === 0) return;
  await enqueue(tx, recordJob(kind, record, now), unique.map((chatId) => ({ chatId })));
}

/** queueReviewCards as the driver's statements, `chatIds` read in the same transaction (src/store/reviewers.ts REVIEWERS_SQL): none without reviewers. */
export function reviewCardStatements(driver: Driver, record: RecordRef & { unitId: number }, chatIds: bigint[], now: Date): Statement[] {
  const unique = [...new Set(chatIds)];
  return unique.length === 0 ? [] : enqueueStatements(driver, recordJob(REVIEW_JOB, record, now), unique.map((chatId) => ({ chatId })));
}

/**
 * Queues a card for every committee member above the branch (a new or amended version to review),
 * but not for its own secretary or deputy: they may not decide on it (src/domain/access.ts).
 */
export async function queueReviewCards(tx: Tx, record: RecordRef & { unitId: number }, now: Date): Promise<void> {
  await queue(tx, REVIEW_JOB, record, await reviewerChatIds(tx, record.unitId), now);
}

/**
 * The committee members above the branch who are not its own secretary or deputy: whom its review cards go to.
 * One statement (src/store/reviewers.ts REVIEWERS_SQL, the one a report's submission reads too), as it runs
 * inside every submission's transaction.
 */
export async function reviewerChatIds(tx: Tx | Db, unitId: number): Promise<bigint[]> {
  const rows = await tx.$queryRaw<{ telegramId: bigint | number | string }[]>(
    prismaSql(`WITH RECURSIVE ${UNIT_CHAIN} ${REVIEWERS_SQL}`, [unitId, ...REVIEWERS_ARGS(unitId)]),
  );
  return [...new Set(rows.map((r) => BigInt(r.telegramId)))];
}

/** Queues the notice of a decision to the people who file for the branch. */
export async function queueDecisionNotice(
  tx: Tx,
  job: typeof RETURNED_JOB | typeof APPROVED_JOB,
  record: RecordRef,
  chatIds: bigint[],
  now: Date,
): Promise<void> {
  await queue(tx, job, record, chatIds, now);
}
