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
  closedAt: Date;
}

/** The lock that closes `period` for a unit, on the unit itself or on any unit above it. */
export async function lockOf(db: Reader, unitId: number, period: Period): Promise<LockInfo | null> {
  const ids = [unitId, ...(await ancestorsOf(db, unitId))];
  const lock = await db.periodLock.findFirst({
    where: { unitId: { in: ids }, year: period.year, month: period.month },
    orderBy: { closedAt: "asc" },
    select: { closedAt: true, unit: { select: { name: true } } },
  });
  return lock ? { unitName: lock.unit.name, closedAt: lock.closedAt } : null;
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
