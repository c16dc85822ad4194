// Closing a month (/khoaso) once every branch's report of it is approved, and
// reopening it (/mokhoa). Reads and writes in one transaction, so a report sent
// while closing either blocks it or comes after the lock (and needs a reason).
import { Prisma } from "../db/generated/client.js";
import { checkClosing, closingIsOpen, closingOpensAt, latestDue, type BranchRef, type Unapproved } from "../domain/closing.js";
import { treeRule } from "../domain/schedule.js";
import { dueRulesByUnit } from "../store/deadlines.js";
import { deadlineOf, type Period } from "../domain/period.js";
import { normaliseUnitCode, subtreeIds, UnitKind } from "../domain/units.js";
import { allUnits } from "../store/digest-data.js";
import { createLock, firstLock, lockOf, locksOn, removeLocks, reviewStatesOf, unitsForClosing, type LockInfo } from "../store/locks.js";
import { loadSchedule } from "../store/settings.js";
import { ancestorsOf } from "../store/units.js";
import type { UseCaseDeps } from "./deps.js";

export interface ClosingUnit {
  id: number;
  code: string;
  name: string;
}

/** The unit named, or every root when none is: what /khoaso and /mokhoa act on. */
export async function closingTargets(deps: UseCaseDeps, code: string | undefined): Promise<ClosingUnit[] | "unit-missing" | "no-units"> {
  const units = await allUnits(deps.db);
  if (code) {
    const unit = units.find((u) => u.code === normaliseUnitCode(code));
    return unit ? [unit] : "unit-missing";
  }
  const roots = units.filter((u) => u.parentId === null);
  return roots.length > 0 ? roots : "no-units";
}

export type CloseResult =
  | { status: "closed"; branches: number; approved: number; missing: BranchRef[] }
  /** The month's deadline has not passed: branches may still report on time. */
  | { status: "too-early"; deadline: Date; opensAt: Date }
  | { status: "unapproved"; unapproved: Unapproved[]; missing: BranchRef[] }
  | { status: "already-closed"; lock: LockInfo };

/**
 * Closes `period` for the unit's subtree if its deadline has passed and every branch's
 * current report of the month is approved.
 */
export async function closeMonth(deps: UseCaseDeps, input: { unitId: number; period: Period; closedBy: number }): Promise<CloseResult> {
  const { unitId, period } = input;
  const now = deps.clock();
  const tree = treeRule(await loadSchedule(deps.db));
  const { byUnit } = await dueRulesByUnit(deps.db, tree);
  const subtree = byUnit.size === 0 ? [unitId] : subtreeIds(await allUnits(deps.db), unitId);
  const due = latestDue(period, subtree.map((id) => byUnit.get(id) ?? tree), deps.config.TZ);
  if (!closingIsOpen(period, now, due, deps.config.TZ)) {
    return { status: "too-early", deadline: deadlineOf(period, due, deps.config.TZ), opensAt: closingOpensAt(period, due, deps.config.TZ) };
  }
  try {
    return await deps.db.$transaction(async (tx): Promise<CloseResult> => {
      const existing = await lockOf(tx, unitId, period);
      if (existing) return { status: "already-closed", lock: existing };
      const units = await unitsForClosing(tx);
      const inSubtree = new Set(subtreeIds(units, unitId));
      const branches = units.filter((u) => inSubtree.has(u.id) && u.kind === UnitKind.BRANCH).map(({ id, code, name }) => ({ id, code, name }));
      const check = checkClosing(branches, await reviewStatesOf(tx, inSubtree, period));
      if (check.unapproved.length > 0) return { status: "unapproved", unapproved: check.unapproved, missing: check.missing };
      const unit = units.find((u) => u.id === unitId)!;
      await createLock(tx, { unit, period, closedBy: input.closedBy, now, branches: branches.length, missing: check.missing });
      return { status: "closed", branches: branches.length, approved: check.approved, missing: check.missing };
    });
  } catch (e) {
    // Two administrators closing the same month at once: the unique index lets one through.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
      const lock = await lockOf(deps.db, unitId, period);
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
 * Reopens `period` for the unit's subtree: its own lock and those of units below it
 * go, so that once reopened nothing under it stays closed by surprise. Reports
 * marked as late corrections keep that mark.
 */
export async function reopenMonth(deps: UseCaseDeps, input: { unitId: number; period: Period; reopenedBy: number }): Promise<ReopenResult> {
  const { unitId, period } = input;
  const now = deps.clock();
  return deps.db.$transaction(async (tx): Promise<ReopenResult> => {
    const above = await firstLock(tx, await ancestorsOf(tx, unitId), period);
    if (above) return { status: "closed-above", lock: above };
    const units = await unitsForClosing(tx);
    const locks = await locksOn(tx, new Set(subtreeIds(units, unitId)), period);
    if (locks.length === 0) return { status: "not-closed" };
    const locked = new Set(locks.map((l) => l.unitId));
    const unit = units.find((u) => u.id === unitId)!;
    const below = units.filter((u) => u.id !== unitId && locked.has(u.id)).map(({ code, name }) => ({ code, name }));
    await removeLocks(tx, { lockIds: locks.map((l) => l.id), unit, below, period, reopenedBy: input.reopenedBy, now });
    return { status: "reopened", below };
  });
}
