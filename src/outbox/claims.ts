// Who works on which delivery, and how its work is recorded: the only place
// that moves a Delivery from one status to another (see status.ts; why CLAIMED
// and SENDING differ is told in jobs/sender.ts). Every claim is a conditional
// update on the status and time read, so of two processes one wins.
//
// updatedAt is the wall clock, whatever clock the rest of the bot runs on: a
// lease is measured by it. sentAt and a job's finishedAt are the bot's time.
import type { Db } from "../db/client.js";
import type { JobRef } from "./job-kinds.js";
import { DeliveryStatus, HELD, OPEN, type Outcome } from "./status.js";

/** A delivery claimed longer ago than this by a process that then died is taken over. */
export const DEFAULT_LEASE_MS = 120_000;
/** Sends tried before a delivery is given up as FAILED (a 403 ends it at once, as BLOCKED). */
const MAX_ATTEMPTS = 5;
const BATCH = 100;

export interface QueuedDelivery {
  id: number;
  status: string;
  updatedAt: Date;
  chatId: bigint;
  payload: string;
  sentParts: number;
  attempts: number;
  occasion: string;
  job: JobRef;
}

/** The next deliveries after `afterId` a sender may claim: pending ones, and those whose holder's lease ran out. */
export function claimable(db: Db, afterId: number, leaseMs: number): Promise<QueuedDelivery[]> {
  return db.delivery.findMany({
    where: {
      id: { gt: afterId },
      OR: [{ status: DeliveryStatus.PENDING }, { status: { in: [...HELD] }, updatedAt: { lt: new Date(Date.now() - leaseMs) } }],
    },
    orderBy: { id: "asc" },
    take: BATCH,
    include: { job: { select: { occasion: true, kind: true, dueAt: true, payload: true } } },
  });
}

/** Claims `d` as it was read, counting an attempt; false when another process (or a retry racing a slow send) was first. */
export async function claim(db: Db, d: Pick<QueuedDelivery, "id" | "status" | "updatedAt">): Promise<boolean> {
  const claimed = await db.delivery.updateMany({
    where: { id: d.id, status: d.status, updatedAt: d.updatedAt },
    data: { status: DeliveryStatus.CLAIMED, attempts: { increment: 1 }, updatedAt: new Date() },
  });
  return claimed.count > 0;
}

/** Taking over a delivery that died SENDING: the part in flight counts as sent (`sentParts` now includes it), with a note. */
export async function passInterruptedPart(db: Db, id: number, sentParts: number): Promise<void> {
  await db.delivery.update({ where: { id }, data: { sentParts, error: `interrupted while sending part ${sentParts}` } });
}

/** Just before a request to Telegram: from now on a takeover assumes the part arrived. */
export async function markSending(db: Db, id: number): Promise<void> {
  await db.delivery.update({ where: { id }, data: { status: DeliveryStatus.SENDING, updatedAt: new Date() } });
}

/** A part answered by Telegram with more to come: held again, `sentParts` recorded. */
export async function markPartSent(db: Db, id: number, sentParts: number): Promise<void> {
  await db.delivery.update({ where: { id }, data: { status: DeliveryStatus.CLAIMED, sentParts, updatedAt: new Date() } });
}

/** The end of a delivery: SENT (with every part counted), SKIPPED or BLOCKED, with why. */
export async function finish(db: Db, id: number, status: Outcome, now: Date, { error, sentParts }: { error?: string; sentParts?: number } = {}): Promise<void> {
  await db.delivery.update({
    where: { id },
    data: {
      status,
      updatedAt: new Date(),
      ...(status === DeliveryStatus.SENT ? { sentAt: now } : {}),
      ...(error ? { error: error.slice(0, 500) } : {}),
      ...(sentParts !== undefined ? { sentParts } : {}),
    },
  });
}

/** Whether a failure of the attempt under way (claim counted it) is the last one allowed. */
export const isLastAttempt = (d: Pick<QueuedDelivery, "attempts">): boolean => d.attempts + 1 >= MAX_ATTEMPTS;

/** A failed attempt: PENDING again for a later drain, or FAILED when it was the last. `error` is already safe to keep. */
export async function failAttempt(db: Db, id: number, final: boolean, error: string): Promise<void> {
  await db.delivery.update({
    where: { id },
    data: { status: final ? DeliveryStatus.FAILED : DeliveryStatus.PENDING, error, updatedAt: new Date() },
  });
}

/**
 * Telegram out of reach (no connection, 5xx, a long 429): the delivery is PENDING again and
 * the attempt is not counted, since the message itself is not at fault. However long the
 * outage, it is sent once Telegram answers, never given up as FAILED for it.
 */
export async function releaseForLater(db: Db, id: number, error: string): Promise<void> {
  await db.delivery.update({
    where: { id },
    data: { status: DeliveryStatus.PENDING, attempts: { decrement: 1 }, error, updatedAt: new Date() },
  });
}

/** Marks finished, at `now`, every job none of whose deliveries is still open. */
export async function finishJobs(db: Db, now: Date): Promise<void> {
  const open = await db.jobRun.findMany({ where: { finishedAt: null }, select: { occasion: true } });
  for (const j of open) {
    const left = await db.delivery.count({ where: { occasion: j.occasion, status: { in: [...OPEN] } } });
    if (left === 0) await db.jobRun.update({ where: { occasion: j.occasion }, data: { finishedAt: now } });
  }
}
