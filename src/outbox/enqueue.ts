// The one writer of the queue: a JobRun under the occasion's key and one PENDING
// Delivery per recipient. The key is unique, so queueing the same occasion twice
// (a restart, a second instance, a form replayed) keeps the first.
import type { Db, Driver } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";
import type { Statement } from "../store/driver-transaction.js";
import { stamp } from "../store/update-claims.js";
import { DeliveryStatus } from "./status.js";

type Writer = Db | Prisma.TransactionClient;

export interface NewJob {
  /** The key: one occasion, one job, whoever queues it. */
  occasion: string;
  kind: string;
  /** JSON-able: what the job is about (a month, a record, a text). */
  payload: unknown;
  dueAt: Date;
  now: Date;
  /** Recorded as done at once: an occasion decided not to be sent, with no deliveries. */
  finished?: boolean;
}

export interface Recipient {
  chatId: bigint;
  /** JSON-able: what this chat's message is about; none for a job that says the same to everyone. */
  payload?: unknown;
}

/** Writes the job and its deliveries in the caller's transaction; a taken key throws (P2002). */
export async function enqueue(tx: Writer, job: NewJob, recipients: Recipient[]): Promise<void> {
  const { occasion, now } = job;
  await tx.jobRun.create({
    data: { occasion, kind: job.kind, payload: JSON.stringify(job.payload), dueAt: job.dueAt, plannedAt: now, ...(job.finished ? { finishedAt: now } : {}) },
  });
  if (recipients.length === 0) return;
  await tx.delivery.createMany({
    data: recipients.map((r) => ({
      occasion,
      chatId: r.chatId,
      payload: r.payload === undefined ? "{}" : JSON.stringify(r.payload),
      status: DeliveryStatus.PENDING,
      attempts: 0,
      sentParts: 0,
      updatedAt: now,
    })),
  });
}

/**
 * The same writes as `enqueue` (a job not finished, with recipients) as the driver's statements, for a
 * transaction sent without Prisma (src/store/driver-transaction.ts): the job, then its deliveries in one.
 */
export function enqueueStatements(driver: Driver, job: NewJob, recipients: Recipient[]): Statement[] {
  const now = stamp(driver, job.now);
  const deliveries = recipients.map(() => "(?, ?, ?, ?, 0, 0, ?)").join(", ");
  return [
    {
      name: "job-insert",
      text: `INSERT INTO "JobRun" ("occasion", "kind", "payload", "dueAt", "plannedAt") VALUES (?, ?, ?, ?, ?)`,
      args: [job.occasion, job.kind, JSON.stringify(job.payload), stamp(driver, job.dueAt), now],
    },
    ...(recipients.length === 0
      ? []
      : [
          {
            // One text (and prepared statement) per number of recipients: a branch has a handful of reviewers.
            name: `deliveries-insert-${recipients.length}`,
            text: `INSERT INTO "Delivery" ("occasion", "chatId", "payload", "status", "attempts", "sentParts", "updatedAt") VALUES ${deliveries}`,
            args: recipients.flatMap((r) => [job.occasion, r.chatId, r.payload === undefined ? "{}" : JSON.stringify(r.payload), DeliveryStatus.PENDING, now]),
          },
        ]),
  ];
}

/** Several jobs of one recipient each, in two statements: start-up's refresh of every person's menu. */
export async function enqueueMany(tx: Writer, jobs: { job: NewJob; recipient: Recipient }[]): Promise<void> {
  if (jobs.length === 0) return;
  await tx.jobRun.createMany({
    data: jobs.map(({ job }) => ({ occasion: job.occasion, kind: job.kind, payload: JSON.stringify(job.payload), dueAt: job.dueAt, plannedAt: job.now })),
  });
  await tx.delivery.createMany({
    data: jobs.map(({ job, recipient: r }) => ({
      occasion: job.occasion,
      chatId: r.chatId,
      payload: r.payload === undefined ? "{}" : JSON.stringify(r.payload),
      status: DeliveryStatus.PENDING,
      attempts: 0,
      sentParts: 0,
      updatedAt: job.now,
    })),
  });
}

/** Queues the job in a transaction of its own. False if its key was taken, by an earlier call or a racing one. */
export async function enqueueOnce(db: Db, job: NewJob, recipients: Recipient[]): Promise<boolean> {
  try {
    if (recipients.length === 0) await enqueue(db, job, recipients);
    else await db.$transaction((tx) => enqueue(tx, job, recipients));
    return true;
  } catch (e) {
    if (isTakenKey(e)) return false;
    throw e;
  }
}

/** Whether an occasion was queued (or recorded as skipped) before: cheaper than working out its recipients. */
export async function isQueued(db: Db, occasion: string): Promise<boolean> {
  return (await db.jobRun.findUnique({ where: { occasion }, select: { occasion: true } })) !== null;
}

const isTakenKey = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002";
