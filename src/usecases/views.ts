// Which units a committee view (/tonghop, /xuat) covers: in a group, the unit it is
// registered for; in a private chat, the unit named or the person's topmost units,
// as far as the access table (DIGEST, EXPORT) lets them see.
import { Action, ancestorsIn, may, mayAnywhere, reach } from "../domain/access.js";
import type { Actor } from "../domain/roles.js";
import { normaliseUnitCode } from "../domain/units.js";
import { allUnits } from "../store/digest-data.js";
import { activeGroup } from "../store/groups.js";
import { groupShowsNames } from "../store/group-names.js";
import { loadTarget } from "../store/access.js";
import { secretaryNames } from "../store/units.js";
import type { UseCaseDeps } from "./deps.js";

export type ViewScope = { id: number; name: string }[] | "group-not-registered" | "not-allowed" | "unit-missing" | "no-units";

export type Viewer = { group: number } | { actor: Actor };

export async function viewScope(deps: UseCaseDeps, viewer: Viewer, action: typeof Action.DIGEST | typeof Action.EXPORT, code: string | undefined): Promise<ViewScope> {
  if ("group" in viewer) {
    const group = await activeGroup(deps.db, viewer.group);
    return group ? [{ id: group.unit.id, name: group.unit.name }] : "group-not-registered";
  }
  const { actor } = viewer;
  if (!mayAnywhere(actor, action)) return "not-allowed";
  const units = await allUnits(deps.db);
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  if (code) {
    const unit = units.find((u) => u.code === normaliseUnitCode(code));
    if (!unit) return "unit-missing";
    return may(actor, action, { unitId: unit.id, ancestors: ancestorsIn(parentOf, unit.id), delegated: false }) ? [unit] : "not-allowed";
  }
  // The topmost units the person may see: every root for an administrator.
  const seen = reach(actor, action, units);
  const sees = (id: number | null) => id !== null && (seen === "all" || seen.has(id));
  const tops = units.filter((u) => sees(u.id) && !sees(u.parentId));
  return tops.length > 0 ? tops : "no-units";
}

/** Whether this person may have the unit's workbook (asked in its group: it then goes to them alone). */
export async function exportTo(deps: UseCaseDeps, actor: Actor, unitId: number): Promise<boolean> {
  return may(actor, Action.EXPORT, await loadTarget(deps.db, unitId, deps.clock(), deps.config.TZ));
}

/**
 * The secretaries to name beside the branches a digest lists as missing: in a private chat (the
 * access table already let the person see the unit), or in a group whose committee chose names.
 */
export async function digestPeople(deps: UseCaseDeps, where: "private" | "group", unitId: number, missing: readonly { unitId: number }[]): Promise<Map<number, string[]> | undefined> {
  if (where === "group" && !(await groupShowsNames(deps.db, unitId))) return undefined;
  return secretaryNames(deps.db, missing.map((b) => b.unitId));
}
