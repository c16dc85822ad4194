// Closed months (PeriodLock): a lock on a unit closes the month for every
// branch below it. Only reports are locked; minutes stay open to change.
import type { Db } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";
import { checkClosing, type BranchRef, type Unapproved } from "../domain/closing.js";
import { formatPeriod, type Period } from "../domain/period.js";
import { subtreeIds, UnitKind } from "../domain/units.js";
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

async function firstLock(db: Reader, unitIds: number[], period: Period): Promise<LockInfo | null> {
  const lock = await db.periodLock.findFirst({
    where: { unitId: { in: unitIds }, year: period.year, month: period.month },
    orderBy: { closedAt: "asc" },
    select: { closedAt: true, unit: { select: { name: true, code: true } } },
  });
  return lock ? { unitName: lock.unit.name, unitCode: lock.unit.code, closedAt: lock.closedAt } : null;
}

export async function isMonthClosed(db: Reader, unitId: number, period: Period): Promise<boolean> {
  return (await lockOf(db, unitId, period)) !== null;
}

export type CloseResult =
  | { status: "closed"; branches: number; approved: number; missing: BranchRef[] }
  | { status: "unapproved"; unapproved: Unapproved[]; missing: BranchRef[] }
  | { status: "already-closed"; lock: LockInfo };

/**
 * Closes `period` for the unit's subtree if every branch's current report of
 * the month is approved. Reads and writes in one transaction, so a report sent
 * while closing either blocks it or comes after the lock (and needs a reason).
 */
export async function closeMonth(db: Db, input: { unitId: number; period: Period; closedBy: number; now: Date }): Promise<CloseResult> {
  const { unitId, period } = input;
  try {
    return await db.$transaction(async (tx) => {
      const existing = await lockOf(tx, unitId, period);
      if (existing) return { status: "already-closed" as const, lock: existing };

      const units = await tx.unit.findMany({ select: { id: true, code: true, name: true, kind: true, parentId: true }, orderBy: { code: "asc" } });
      const inSubtree = new Set(subtreeIds(units, unitId));
      const branches = units.filter((u) => inSubtree.has(u.id) && u.kind === UnitKind.BRANCH).map(({ id, code, name }) => ({ id, code, name }));
      // The month's reports of every branch, filtered here: a country's branch ids would
      // not fit in one IN (…) (SQLite and PostgreSQL cap the parameters of a statement).
      const reports = await tx.report.findMany({
        where: { year: period.year, month: period.month, supersededAt: null },
        select: { unitId: true, reviewState: true },
      });
      const states = new Map(reports.filter((r) => inSubtree.has(r.unitId)).map((r) => [r.unitId, r.reviewState]));
      const check = checkClosing(branches, states);
      if (check.unapproved.length > 0) return { status: "unapproved" as const, unapproved: check.unapproved, missing: check.missing };

      await tx.periodLock.create({ data: { unitId, year: period.year, month: period.month, closedBy: BigInt(input.closedBy), closedAt: input.now } });
      const unit = units.find((u) => u.id === unitId)!;
      await audit(tx, {
        actorId: input.closedBy,
        at: input.now,
        action: "period.close",
        subject: unit.code,
        details: { name: unit.name, period: formatPeriod(period), branches: branches.length, missing: check.missing.map((b) => b.code) },
      });
      return { status: "closed" as const, branches: branches.length, approved: check.approved, missing: check.missing };
    });
  } catch (e) {
    // Two administrators closing the same month at once: the unique index lets one through.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const lock = await lockOf(db, unitId, period);
      if (lock) return { status: "already-closed", lock };
    }
    throw e;
  }
}

export type ReopenResult =
  /** `below`: units under the one reopened that had been closed on their own, reopened with it. */
  | { status: "reopened"; below: { code: string; name: string }[] }
  /** A unit above closed the month: only reopening there opens it. */
  | { status: "closed-above"; lock: LockInfo }
  | { status: "not-closed" };

/**
 * Reopens `period` for the unit's subtree: its own lock and those of units
 * below it go, so that once reopened nothing under it stays closed by surprise.
 * Reports marked as late corrections keep that mark.
 */
export async function reopenMonth(db: Db, input: { unitId: number; period: Period; reopenedBy: number; now: Date }): Promise<ReopenResult> {
  const { unitId, period } = input;
  return db.$transaction(async (tx) => {
    const above = await firstLock(tx, await ancestorsOf(tx, unitId), period);
    if (above) return { status: "closed-above" as const, lock: above };
    const units = await tx.unit.findMany({ select: { id: true, code: true, name: true, parentId: true }, orderBy: { code: "asc" } });
    const inSubtree = new Set(subtreeIds(units, unitId));
    const locks = (await tx.periodLock.findMany({ where: { year: period.year, month: period.month }, select: { id: true, unitId: true } })).filter((l) =>
      inSubtree.has(l.unitId),
    );
    if (locks.length === 0) return { status: "not-closed" as const };
    await tx.periodLock.deleteMany({ where: { id: { in: locks.map((l) => l.id) } } });
    const locked = new Set(locks.map((l) => l.unitId));
    const unit = units.find((u) => u.id === unitId)!;
    const below = units.filter((u) => u.id !== unitId && locked.has(u.id)).map(({ code, name }) => ({ code, name }));
    await audit(tx, {
      actorId: input.reopenedBy,
      at: input.now,
      action: "period.reopen",
      subject: unit.code,
      details: { name: unit.name, period: formatPeriod(period), below: below.map((b) => b.code) },
    });
    return { status: "reopened" as const, below };
  });
}
