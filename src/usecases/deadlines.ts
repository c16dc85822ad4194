// Monthly deadlines as committees set them (/caidat han …, /caidat <mã> han …): the tree's, kept
// with the schedule and set by an administrator, and a subtree's own, set by an administrator or
// a committee member of the unit or one above it (Action.SET_DEADLINE). Every change is audited.
import { Action, ancestorsIn, may } from "../domain/access.js";
import { nearestDueRule, sameRule, type DueRule } from "../domain/deadline.js";
import type { Actor } from "../domain/roles.js";
import { applyScheduleChange, treeRule } from "../domain/schedule.js";
import { normaliseUnitCode } from "../domain/units.js";
import { ownDueRules, setUnitDueRule } from "../store/deadlines.js";
import { allUnits } from "../store/digest-data.js";
import { loadSchedule, saveSchedule } from "../store/settings.js";
import type { UseCaseDeps } from "./deps.js";

type Unit = { id: number; code: string; name: string };

/** The tree's deadline and every subtree's own, by unit code. */
export async function deadlinesInForce(deps: UseCaseDeps): Promise<{ tree: DueRule; subtrees: { unit: Unit; rule: DueRule }[] }> {
  const tree = treeRule(await loadSchedule(deps.db));
  const own = await ownDueRules(deps.db);
  if (own.size === 0) return { tree, subtrees: [] };
  const units = await allUnits(deps.db);
  const subtrees = units
    .filter((u) => own.has(u.id))
    .map((u) => ({ unit: { id: u.id, code: u.code, name: u.name }, rule: own.get(u.id)! }))
    .sort((a, b) => a.unit.code.localeCompare(b.unit.code));
  return { tree, subtrees };
}

/** The tree's deadline, set by an administrator (the handler lets only them here). */
export async function setTreeDeadline(deps: UseCaseDeps, actor: Actor, rule: DueRule): Promise<{ before: DueRule; changed: boolean }> {
  const current = await loadSchedule(deps.db);
  const before = treeRule(current);
  if (sameRule(before, rule)) return { before, changed: false };
  const r = applyScheduleChange(current, { dueDay: rule.day, dueSameMonth: rule.sameMonth });
  // The rule came through parseDueRule: a day 1-28 the schedule takes.
  if (!r.ok) throw new Error("a parsed deadline the schedule refused");
  await saveSchedule(deps.db, r.settings, actor.telegramId, deps.clock());
  return { before, changed: true };
}

export type UnitDeadlineAnswer =
  | { status: "unit-missing" }
  | { status: "not-allowed"; unit: Unit }
  /** `from`: the unit whose setting applies (null: the tree's). */
  | { status: "shown"; unit: Unit; rule: DueRule; from: Unit | null }
  | { status: "set"; unit: Unit; rule: DueRule; before: DueRule; changed: boolean }
  /** Its own setting removed: `rule` is what applies now, from `from`. */
  | { status: "removed"; unit: Unit; rule: DueRule; from: Unit | null; had: boolean };

/** `change`: undefined to show the deadline in force, a rule to set it, "remove" to fall back to the parent's. */
export async function unitDeadline(deps: UseCaseDeps, actor: Actor, code: string, change: DueRule | "remove" | undefined): Promise<UnitDeadlineAnswer> {
  const units = await allUnits(deps.db);
  const found = units.find((u) => u.code === normaliseUnitCode(code));
  if (!found) return { status: "unit-missing" };
  const unit = { id: found.id, code: found.code, name: found.name };
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  if (!may(actor, Action.SET_DEADLINE, { unitId: unit.id, ancestors: ancestorsIn(parentOf, unit.id), delegated: false })) return { status: "not-allowed", unit };
  const tree = treeRule(await loadSchedule(deps.db));
  const own = await ownDueRules(deps.db);
  const inForce = () => {
    const n = nearestDueRule(unit.id, parentOf, own, tree);
    const from = n.from === null ? null : units.find((u) => u.id === n.from)!;
    return { rule: n.rule, from: from && { id: from.id, code: from.code, name: from.name } };
  };
  if (change === undefined) return { status: "shown", unit, ...inForce() };
  const write = { unitId: unit.id, unitCode: unit.code, unitName: unit.name, actorId: actor.telegramId, now: deps.clock() };
  if (change === "remove") {
    const { changed } = await setUnitDueRule(deps.db, { ...write, rule: null });
    own.delete(unit.id);
    return { status: "removed", unit, ...inForce(), had: changed };
  }
  const before = inForce().rule;
  const { changed } = await setUnitDueRule(deps.db, { ...write, rule: change });
  return { status: "set", unit, rule: change, before, changed };
}
