// Closed months (PeriodLock): a lock on a unit closes the month for every
// branch below it. Only reports are locked; minutes stay open to change.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import type { BranchRef } from "../domain/closing.js";
import { formatPeriod, type Period } from "../domain/period.js";
import { audit } from "./audit.js";
import { ancestorsOf } from "./units.js";

type Reader = Db | Prisma.TransactionClient;

export interface LockInfo {
  /** The unit the lock was put on: the unit asked about or one above it. */
  unitName: string;
  unitCode: string;
  closedAt: Date;
}

/** The lock that closes `period` for a unit, on the unit itself or on any unit above it. */
export async function lockOf(db: Reader, unitId: number, period: Period): Promise<LockInfo | null> {
  return firstLock(db, [unitId, ...(await ancestorsOf(db, unitId))], period);
}

/** The earliest lock of `period` on any of the units. */
export async function firstLock(db: Reader, unitIds: number[], period: Period): Promise<LockInfo | null> {
  const lock = await db.periodLock.findFirst({
    where: { unitId: { in: unitIds }, year: period.year, month: period.month },
    orderBy: { closedAt: "asc" },
    select: { closedAt: true, unit: { select: { name: true, code: true } } },
  });
  return lock ? { unitName: lock.unit.name, unitCode: lock.unit.code, closedAt: lock.closedAt } : null;
}

/** Units with what closing reads of them, in the order of their codes. */
export function unitsForClosing(tx: Prisma.TransactionClient) {
  return tx.unit.findMany({ select: { id: true, code: true, name: true, kind: true, parentId: true }, orderBy: { code: "asc" } });
}

/**
 * The review state of each branch's current report of the month, for the branches in `units`.
 * Filtered here: a country's branch ids would not fit in one IN (…) (SQLite and PostgreSQL
 * cap the parameters of a statement).
 */
export async function reviewStatesOf(tx: Prisma.TransactionClient, units: ReadonlySet<number>, period: Period): Promise<Map<number, string>> {
  const reports = await tx.report.findMany({
    where: { year: period.year, month: period.month, supersededAt: null },
    select: { unitId: true, reviewState: true },
  });
  return new Map(reports.filter((r) => units.has(r.unitId)).map((r) => [r.unitId, r.reviewState]));
}

/** Closes the month on the unit, with its audit entry. Two at once: the unique index lets one through (P2002 for the other). */
export async function createLock(
  tx: Prisma.TransactionClient,
  input: { unit: { id: number; code: string; name: string }; period: Period; closedBy: number; now: Date; branches: number; missing: BranchRef[] },
): Promise<void> {
  const { unit, period } = input;
  await tx.periodLock.create({ data: { unitId: unit.id, year: period.year, month: period.month, closedBy: BigInt(input.closedBy), closedAt: input.now } });
  await audit(tx, {
    actorId: input.closedBy,
    at: input.now,
    action: "period.close",
    subject: unit.code,
    details: { name: unit.name, period: formatPeriod(period), branches: input.branches, missing: input.missing.map((b) => b.code) },
  });
}

/** The month's locks on the units of `units`. */
export async function locksOn(tx: Prisma.TransactionClient, units: ReadonlySet<number>, period: Period): Promise<{ id: number; unitId: number }[]> {
  const locks = await tx.periodLock.findMany({ where: { year: period.year, month: period.month }, select: { id: true, unitId: true } });
  return locks.filter((l) => units.has(l.unitId));
}

/** Takes the locks away, with the audit entry of the unit reopened and of those below it. */
export async function removeLocks(
  tx: Prisma.TransactionClient,
  input: { lockIds: number[]; unit: { code: string; name: string }; below: { code: string }[]; period: Period; reopenedBy: number; now: Date },
): Promise<void> {
  await tx.periodLock.deleteMany({ where: { id: { in: input.lockIds } } });
  await audit(tx, {
    actorId: input.reopenedBy,
    at: input.now,
    action: "period.reopen",
    subject: input.unit.code,
    details: { name: input.unit.name, period: formatPeriod(input.period), below: input.below.map((b) => b.code) },
  });
}
