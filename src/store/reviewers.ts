// Who can review a branch's records (src/domain/access.ts hasReviewer), read for the totals:
// where nobody but an administrator can, a branch's reports count as sent (issue 12, point 10).
// Committee members are few beside branches: their roles are read whole; the tree is not.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { ancestorsIn, hasReviewer } from "../domain/access.js";
import type { DigestUnit } from "../domain/branch-aggregates.js";
import { Role, type Actor } from "../domain/roles.js";
import { UnitKind } from "../domain/units.js";
import { ancestorsOf } from "./units.js";

type Reader = Db | Prisma.TransactionClient;
type Memberships = Actor["memberships"];

/** Every role of everyone who holds a committee role somewhere, person by person. */
export async function committeePeople(db: Reader): Promise<Memberships[]> {
  const rows = await db.membership.findMany({
    where: { user: { memberships: { some: { role: Role.COMMITTEE } } } },
    select: { userId: true, unitId: true, role: true, unit: { select: { code: true, name: true } } },
    orderBy: { id: "asc" },
  });
  const byUser = new Map<number, Memberships>();
  for (const r of rows) {
    const list = byUser.get(r.userId) ?? [];
    list.push({ unitId: r.unitId, unitCode: r.unit.code, unitName: r.unit.name, role: r.role as Role });
    byUser.set(r.userId, list);
  }
  return [...byUser.values()];
}

/**
 * The branches that a committee member covers only as their own secretary or deputy: a walk
 * down the tree that counts any committee member above sees them as reviewed, and they are not.
 * Few: one per person holding both kinds of role. `rootId`: only those in its subtree.
 */
export async function selfCoveredBranches(db: Reader, people: readonly Memberships[], rootId: number): Promise<number[]> {
  const candidates = new Set(people.flatMap((ms) => ms.filter((m) => m.role === Role.SECRETARY || m.role === Role.DEPUTY).map((m) => m.unitId)));
  const out: number[] = [];
  for (const unitId of candidates) {
    const ancestors = await ancestorsOf(db, unitId);
    if (unitId !== rootId && !ancestors.includes(rootId)) continue;
    const covered = people.some((ms) => ms.some((m) => m.role === Role.COMMITTEE && ancestors.includes(m.unitId)));
    if (covered && !hasReviewer({ unitId, ancestors, delegated: false }, people)) out.push(unitId);
  }
  return out.sort((a, b) => a - b);
}

/** The branches of a subtree (its units, `rootId` among them) nobody but an administrator can review. */
export async function unreviewedBranches(db: Reader, rootId: number, units: readonly DigestUnit[]): Promise<Set<number>> {
  const people = await committeePeople(db);
  // Only the people with a committee role on one of a branch's ancestors are asked about it.
  const sitting = new Map<number, Memberships[]>();
  for (const ms of people) for (const m of ms) if (m.role === Role.COMMITTEE) sitting.set(m.unitId, [...(sitting.get(m.unitId) ?? []), ms]);
  const above = await ancestorsOf(db, rootId);
  const inSubtree = new Set(units.map((u) => u.id));
  const parentOf = new Map(units.map((u) => [u.id, u.id === rootId ? null : u.parentId]));
  const out = new Set<number>();
  for (const u of units) {
    if (u.kind !== UnitKind.BRANCH) continue;
    const ancestors = [...ancestorsIn(parentOf, u.id).filter((id) => inSubtree.has(id)), ...above];
    const asked = [...new Set(ancestors.flatMap((id) => sitting.get(id) ?? []))];
    if (!hasReviewer({ unitId: u.id, ancestors, delegated: false }, asked)) out.add(u.id);
  }
  return out;
}

/**
 * Whom a branch's review cards go to (src/outbox/review-notices.ts reviewerChatIds, and the
 * submission's own read, src/store/report-filing.ts): the committee members of the units above the
 * branch, in "up" (UNIT_CHAIN of the branch, which the statement defines), who hold no secretary's or
 * deputy's role in the branch itself. Its arguments: REVIEWERS_ARGS.
 */
export const REVIEWERS_SQL =
  `SELECT p."telegramId" AS "telegramId" FROM "Membership" m JOIN "User" p ON p."id" = m."userId" ` +
  `WHERE m."role" = ? AND m."unitId" IN (SELECT "id" FROM up WHERE "depth" > 0) AND NOT EXISTS ` +
  `(SELECT 1 FROM "Membership" o WHERE o."userId" = m."userId" AND o."unitId" = ? AND o."role" IN (?, ?))`;
export const REVIEWERS_ARGS = (unitId: number) => [Role.COMMITTEE, unitId, Role.SECRETARY, Role.DEPUTY];
