// Review cards and return notices go through the same queue as reminders
// (JobRun + Delivery), written in the transaction that stores the record or
// the decision: a submission is never without its cards, a card never sent twice.
import type { Prisma } from "../db/generated/client.js";
import type { RecordKind } from "../domain/review.js";
import { Role } from "../domain/roles.js";
import { ancestorsOf } from "./units.js";

type Tx = Prisma.TransactionClient;

/** Job kinds of the queue besides the scheduled occasions of src/domain/schedule.ts. */
export const REVIEW_JOB = "review";
export const RETURNED_JOB = "returned";
export const APPROVED_JOB = "approved";

export interface RecordRef {
  kind: RecordKind;
  id: number;
}
export interface RecordJobPayload {
  record: RecordRef;
}

async function queue(tx: Tx, kind: string, record: RecordRef, chatIds: bigint[], now: Date): Promise<void> {
  const unique = [...new Set(chatIds)];
  if (unique.length === 0) return;
  const occasion = `${kind}:${record.kind}:${record.id}`;
  await tx.jobRun.create({ data: { occasion, kind, payload: JSON.stringify({ record } satisfies RecordJobPayload), dueAt: now, plannedAt: now } });
  await tx.delivery.createMany({
    data: unique.map((chatId) => ({ occasion, chatId, payload: "{}", status: "PENDING", attempts: 0, sentParts: 0, updatedAt: now })),
  });
}

/** Queues a card for every committee member above the branch (a new or amended version to review). */
export async function queueReviewCards(tx: Tx, record: RecordRef & { unitId: number }, now: Date): Promise<void> {
  const ancestors = await ancestorsOf(tx, record.unitId);
  const reviewers = await tx.membership.findMany({
    where: { role: Role.COMMITTEE, unitId: { in: ancestors } },
    select: { user: { select: { telegramId: true } } },
  });
  await queue(tx, REVIEW_JOB, record, reviewers.map((r) => r.user.telegramId), now);
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
