// Who works on which delivery, and how its work is recorded: the only place
// that moves a Delivery from one status to another (see status.ts; why CLAIMED
// and SENDING differ is told in jobs/sender.ts). Every claim is a conditional
// update on the status and time read, so of two processes one wins.
//
// updatedAt is the wall clock, whatever clock the rest of the bot runs on: a
// lease is measured by it. sentAt and a job's finishedAt are the bot's time.
import { driverOf, type Db, type Driver } from "../db/client.js";
import { isoColumn, isoOf, run, stamp } from "../store/update-claims.js";
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

/** Claimable: pending, or held by a holder whose lease ran out (`d`: the table's alias, with its dot). */
function claimableWhere(driver: Driver, leaseMs: number, d = ""): { text: string; args: unknown[] } {
  const held = HELD.map(() => "?").join(", ");
  return {
    text: `(${d}"status" = ? OR (${d}"status" IN (${held}) AND ${d}"updatedAt" < ?))`,
    args: [DeliveryStatus.PENDING, ...HELD, stamp(driver, new Date(Date.now() - leaseMs))],
  };
}

/**
 * The next deliveries after `afterId` a sender may claim: pending ones, and those whose holder's lease ran out.
 * One prepared statement, its job joined (every drain reads at least one batch, and one more to find the end).
 */
export async function claimable(db: Db, afterId: number, leaseMs: number): Promise<QueuedDelivery[]> {
  const driver = await driverOf(db);
  const where = claimableWhere(driver, leaseMs, "d.");
  const rows = await run(
    driver,
    "deliveries-claimable",
    `SELECT d."id", d."status", ${isoColumn(driver, `d."updatedAt"`)} AS "updatedAt", d."chatId", d."payload", d."sentParts", d."attempts", d."occasion", ` +
      `j."kind", ${isoColumn(driver, `j."dueAt"`)} AS "dueAt", j."payload" AS "jobPayload" ` +
      `FROM "Delivery" d JOIN "JobRun" j ON j."occasion" = d."occasion" ` +
      `WHERE d."id" > ? AND ${where.text} ORDER BY d."id" LIMIT ${BATCH}`,
    [afterId, ...where.args],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    status: String(r.status),
    updatedAt: new Date(isoOf(r.updatedAt)),
    chatId: BigInt(r.chatId as number | string | bigint),
    payload: String(r.payload),
    sentParts: Number(r.sentParts),
    attempts: Number(r.attempts),
    occasion: String(r.occasion),
    job: { occasion: String(r.occasion), kind: String(r.kind), dueAt: new Date(isoOf(r.dueAt)), payload: String(r.jobPayload) },
  }));
}

/**
 * Whether any delivery is there for a sender to claim (claimable's condition, whatever the id):
 * one prepared statement, so that a kick after an update that queued nothing costs only this
 * (src/jobs/scheduler.ts kick) rather than the sender lease, a drain and its round of jobs.
 */
export async function anyClaimable(db: Db, leaseMs: number): Promise<boolean> {
  const driver = await driverOf(db);
  const where = claimableWhere(driver, leaseMs);
  const rows = await run(driver, "delivery-any", `SELECT 1 AS "one" FROM "Delivery" WHERE ${where.text} LIMIT 1`, where.args);
  return rows.length > 0;
}

/** Claims `d` as it was read, counting an attempt; false when another process (or a retry racing a slow send) was first. */
export async function claim(db: Db, d: Pick<QueuedDelivery, "id" | "status" | "updatedAt">): Promise<boolean> {
  const driver = await driverOf(db);
  const rows = await run(
    driver,
    "delivery-claim",
    `UPDATE "Delivery" SET "status" = ?, "attempts" = "attempts" + 1, "updatedAt" = ? WHERE "id" = ? AND "status" = ? AND "updatedAt" = ? RETURNING "id"`,
    [DeliveryStatus.CLAIMED, stamp(driver, new Date()), d.id, d.status, stamp(driver, d.updatedAt)],
  );
  return rows.length > 0;
}

/** Taking over a delivery that died SENDING: the part in flight counts as sent (`sentParts` now includes it), with a note. */
export async function passInterruptedPart(db: Db, id: number, sentParts: number): Promise<void> {
  await db.delivery.update({ where: { id }, data: { sentParts, error: `interrupted while sending part ${sentParts}` } });
}

/** Just before a request to Telegram: from now on a takeover assumes the part arrived. */
export async function markSending(db: Db, id: number): Promise<void> {
  const driver = await driverOf(db);
  await run(driver, "delivery-sending", `UPDATE "Delivery" SET "status" = ?, "updatedAt" = ? WHERE "id" = ?`, [DeliveryStatus.SENDING, stamp(driver, new Date()), id]);
}

/** A part answered by Telegram with more to come: held again, `sentParts` recorded. */
export async function markPartSent(db: Db, id: number, sentParts: number): Promise<void> {
  await db.delivery.update({ where: { id }, data: { status: DeliveryStatus.CLAIMED, sentParts, updatedAt: new Date() } });
}

/** The end of a delivery: SENT (with every part counted), SKIPPED or BLOCKED, with why. */
export async function finish(db: Db, id: number, status: Outcome, now: Date, { error, sentParts }: { error?: string; sentParts?: number } = {}): Promise<void> {
  const driver = await driverOf(db);
  // One text per combination of what is set (a prepared statement each): sentAt with SENT, an error, the parts.
  const set = [`"status" = ?`, `"updatedAt" = ?`];
  const args: unknown[] = [status, stamp(driver, new Date())];
  const also = (column: string, value: unknown) => {
    set.push(`"${column}" = ?`);
    args.push(value);
  };
  if (status === DeliveryStatus.SENT) also("sentAt", stamp(driver, now));
  if (error) also("error", error.slice(0, 500));
  if (sentParts !== undefined) also("sentParts", sentParts);
  const name = `delivery-finish-${status === DeliveryStatus.SENT ? "s" : ""}${error ? "e" : ""}${sentParts !== undefined ? "p" : ""}`;
  await run(driver, name, `UPDATE "Delivery" SET ${set.join(", ")} WHERE "id" = ?`, [...args, id]);
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

/** Marks finished, at `now`, every job none of whose deliveries is still open: one prepared statement, whatever the number of jobs. */
export async function finishJobs(db: Db, now: Date): Promise<void> {
  const driver = await driverOf(db);
  const open = OPEN.map(() => "?").join(", ");
  await run(
    driver,
    "jobs-finish",
    `UPDATE "JobRun" SET "finishedAt" = ? WHERE "finishedAt" IS NULL ` +
      `AND NOT EXISTS (SELECT 1 FROM "Delivery" d WHERE d."occasion" = "JobRun"."occasion" AND d."status" IN (${open}))`,
    [stamp(driver, now), ...OPEN],
  );
}
