// Who may do what to which unit: the one place that answers it. A right comes from a
// role held in the unit itself or in a committee above it, or from being an
// administrator; RULES says which, action by action. Pure: the person (their roles)
// and the unit's place in the tree go in, yes or the reason why not comes out.
// src/store/access.ts loads both; every handler and use case asks here.
import { Role, type Actor } from "./roles.js";

export const Action = {
  /** Send a report or minutes for the branch (/baocao, /bienban). */
  FILE: "file",
  /** Read the branch's records: minutes and their files (/xembienban). */
  VIEW: "view",
  /** Approve or return the branch's reports and minutes (review cards, /choduyet). */
  REVIEW: "review",
  /** Hand the branch's filing over to its deputies, or record an absence (/uyquyen, /nghi). */
  DELEGATE: "delegate",
  /** The branch's year so far (/tiendo; a committee member and an administrator name the branch). */
  PROGRESS: "progress",
  /** A committee's own settings: what its totals count (/tinhtong), whether its group's /tonghop names people (/caidat). */
  SET_TOTALS: "set-totals",
  /** A unit's digest, in a private chat (/tonghop); a registered group reads its own unit's, without names. */
  DIGEST: "digest",
  /** A unit's spreadsheet (/xuat), with names and removal reasons: asked in a group, it goes to the asker's private chat. */
  EXPORT: "export",
  /** Read a unit's quotas (/chitieu <mã>); setting them is ADMIN. */
  QUOTAS: "quotas",
  /** Ask a unit's branches for figures by a date (/yeucau), see their answers, change or close the request. */
  REQUEST: "request",
  /** Set or remove the monthly deadline of a unit's subtree (/caidat <mã> han …); the whole tree's is ADMIN. */
  SET_DEADLINE: "set-deadline",
  /** The tree, invites, quotas, schedule, audit, closing months, registering groups. */
  ADMIN: "admin",
} as const;
export type Action = (typeof Action)[keyof typeof Action];

/** Where the unit a role is held in stands to the unit acted on. */
type Where = "own" | "above";

interface Grant {
  role: Role;
  where: Where;
  /** Only while the branch's secretary has handed over (/uyquyen) or is away (/nghi). */
  whileDelegated?: true;
}

interface Rule {
  /** Administrators may, whatever the unit. */
  admin: boolean;
  grants: readonly Grant[];
  /**
   * Roles held in the unit itself that take the right away, whatever else the person holds
   * (an administrator too): nobody approves their own branch's records.
   */
  barredOwn?: readonly Role[];
}

const { SECRETARY, DEPUTY, COMMITTEE } = Role;

/** A committee's views of its own unit and everything below it (digest, export, quotas). */
const COMMITTEE_VIEW: readonly Grant[] = [
  { role: COMMITTEE, where: "own" },
  { role: COMMITTEE, where: "above" },
];

/**
 * The whole answer to "who may do this to unit X". A branch's records are for the branch
 * itself, the committees above it and administrators; filing is the secretary's, and a
 * deputy's only while a delegation is in force.
 */
export const RULES: Record<Action, Rule> = {
  [Action.FILE]: { admin: false, grants: [{ role: SECRETARY, where: "own" }, { role: DEPUTY, where: "own", whileDelegated: true }] },
  [Action.VIEW]: {
    admin: true,
    grants: [
      { role: SECRETARY, where: "own" },
      { role: DEPUTY, where: "own" },
      { role: COMMITTEE, where: "own" },
      { role: COMMITTEE, where: "above" },
    ],
  },
  [Action.REVIEW]: { admin: true, grants: [{ role: COMMITTEE, where: "above" }], barredOwn: [SECRETARY, DEPUTY] },
  [Action.DELEGATE]: { admin: false, grants: [{ role: SECRETARY, where: "own" }] },
  [Action.PROGRESS]: {
    admin: true,
    grants: [
      { role: SECRETARY, where: "own" },
      { role: DEPUTY, where: "own" },
      { role: COMMITTEE, where: "above" },
    ],
  },
  [Action.SET_TOTALS]: { admin: true, grants: [{ role: COMMITTEE, where: "own" }] },
  [Action.DIGEST]: { admin: true, grants: COMMITTEE_VIEW },
  [Action.EXPORT]: { admin: true, grants: COMMITTEE_VIEW },
  [Action.QUOTAS]: { admin: true, grants: COMMITTEE_VIEW },
  [Action.REQUEST]: { admin: true, grants: COMMITTEE_VIEW },
  [Action.SET_DEADLINE]: { admin: true, grants: COMMITTEE_VIEW },
  [Action.ADMIN]: { admin: true, grants: [] },
};

/** The unit acted on: its id, the ids of the units above it, and whether a delegation of its secretary is in force. */
export interface Target {
  unitId: number;
  ancestors: readonly number[];
  delegated: boolean;
}

/**
 * "not-delegated": a deputy whose secretary has not handed over; "no-role": no role that gives the right;
 * "own-unit": a role in the unit itself bars it (a secretary or deputy reviewing their own branch).
 */
export type Refusal = "no-role" | "not-delegated" | "own-unit";

/** Why this person may not do `action` to the unit; undefined when they may. */
export function refusal(actor: Actor, action: Action, target: Target): Refusal | undefined {
  const rule = RULES[action];
  const why = rule.admin && actor.isAdmin ? undefined : refusalByRole(actor, rule, target);
  // Only a person who would otherwise have the right is told it is their own unit; anyone else has no role for it.
  const barred = rule.barredOwn ?? [];
  if (why === undefined && actor.memberships.some((m) => m.unitId === target.unitId && barred.includes(m.role))) return "own-unit";
  return why;
}

function refusalByRole(actor: Actor, rule: Rule, target: Target): Refusal | undefined {
  let waiting = false;
  for (const m of actor.memberships) {
    const where: Where | undefined = m.unitId === target.unitId ? "own" : target.ancestors.includes(m.unitId) ? "above" : undefined;
    for (const g of rule.grants) {
      if (g.role !== m.role || g.where !== where) continue;
      if (!g.whileDelegated || target.delegated) return undefined;
      waiting = true;
    }
  }
  return waiting ? "not-delegated" : "no-role";
}

export function may(actor: Actor, action: Action, target: Target): boolean {
  return refusal(actor, action, target) === undefined;
}

/** Whether `action` can be this person's anywhere: a refusal that needs no unit (a committee command from a secretary). */
export function mayAnywhere(actor: Actor, action: Action): boolean {
  const rule = RULES[action];
  return (rule.admin && actor.isAdmin) || actor.memberships.some((m) => rule.grants.some((g) => g.role === m.role));
}

/** Whether a delegation in force can change what `action` is this person's: only a role granted it while delegated (a deputy filing). */
export function heedsDelegation(actor: Actor, action: Action): boolean {
  const rule = RULES[action];
  return actor.memberships.some((m) => rule.grants.some((g) => g.role === m.role && g.whileDelegated === true));
}

type Membership = Actor["memberships"][number];

/**
 * The units the person holds a role in where `action` is theirs (by that role alone,
 * not by one above: /tiendo lists a secretary's branches, /uyquyen a secretary's), in
 * the order of their roles. `waiting`: where a deputy waits for a delegation.
 * `delegated`: the units with a delegation in force (only FILE reads it).
 */
export function ownUnits(actor: Actor, action: Action, delegated: ReadonlySet<number> = new Set()): { may: Membership[]; waiting: Membership[] } {
  const out = { may: new Map<number, Membership>(), waiting: new Map<number, Membership>() };
  for (const m of actor.memberships) {
    if (out.may.has(m.unitId) || out.waiting.has(m.unitId)) continue;
    // The unit's ancestors are not read: only roles held in the unit itself count here.
    const why = refusal({ ...actor, isAdmin: false }, action, { unitId: m.unitId, ancestors: [], delegated: delegated.has(m.unitId) });
    if (why === undefined) out.may.set(m.unitId, m);
    else if (why === "not-delegated") out.waiting.set(m.unitId, m);
  }
  return { may: [...out.may.values()], waiting: [...out.waiting.values()] };
}

/** The branches a person may file for, and those where they are a deputy with no delegation in force. */
export function filingUnits(actor: Actor, delegated: ReadonlySet<number>): { may: Membership[]; waiting: Membership[] } {
  return ownUnits(actor, Action.FILE, delegated);
}

/** Why a person may not file for a branch; undefined when they may. */
export function filingRefusal(actor: Actor, delegated: ReadonlySet<number>, unitId: number): Refusal | undefined {
  return refusal(actor, Action.FILE, { unitId, ancestors: [], delegated: delegated.has(unitId) });
}

/**
 * The same answer as filingUnits gives for one branch, from the person's roles in that branch alone
 * (filing comes from no role elsewhere) and whether a delegation is in force there: what a
 * submission's transaction reads (src/store/report-filing.ts).
 */
export function filingRefusalByRoles(roles: readonly Role[], delegated: boolean): Refusal | undefined {
  const unitId = 0;
  const memberships = roles.map((role) => ({ unitId, unitCode: "", unitName: "", role }));
  return refusal({ telegramId: 0, isAdmin: false, memberships }, Action.FILE, { unitId, ancestors: [], delegated });
}

/**
 * The ids of the units of a tree where the person may do `action`, or "all" for an
 * administrator where administrators may: what /choduyet reviews, and the scope of a
 * committee's views.
 */
export function reach(actor: Actor, action: Action, units: readonly { id: number; parentId: number | null }[]): ReadonlySet<number> | "all" {
  if (RULES[action].admin && actor.isAdmin) return "all";
  const out = new Set<number>();
  if (!mayAnywhere(actor, action)) return out;
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  for (const u of units) {
    if (may(actor, action, { unitId: u.id, ancestors: ancestorsIn(parentOf, u.id), delegated: false })) out.add(u.id);
  }
  return out;
}

/** Ids above `unitId` in a tree given as child → parent, nearest first. */
export function ancestorsIn(parentOf: ReadonlyMap<number, number | null>, unitId: number): number[] {
  const out: number[] = [];
  // The guard stops a cycle, as the store's walk does.
  for (let p = parentOf.get(unitId) ?? null; p !== null && out.length < 50; p = parentOf.get(p) ?? null) out.push(p);
  return out;
}

/**
 * Whether anyone but an administrator may review the unit's records: a committee member above
 * it who is not its own secretary or deputy. `people`: each person's roles (those who hold a
 * committee role are enough). Where nobody may, the records count in the totals as sent
 * (issue 12, point 10): administrators keep the right, but reviewing is not their daily work.
 */
export function hasReviewer(target: Target, people: readonly Actor["memberships"][]): boolean {
  return people.some((memberships) => refusal({ telegramId: 0, isAdmin: false, memberships }, Action.REVIEW, target) === undefined);
}

/** Whether the bot serves this person at all: anyone else gets a polite refusal and nothing more. */
export function hasAnyRole(actor: Actor): boolean {
  return actor.isAdmin || actor.memberships.length > 0;
}
