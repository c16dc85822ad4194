// Which deadline a unit's late list waits for when subtrees have deadlines of their own: the
// latest among the unit's and every unit's below it, so that the list names only branches
// whose own deadline has passed (a branch with a later deadline is not late yet).
import { latestDue } from "./closing.js";
import type { DueRule } from "./deadline.js";
import type { Period } from "./period.js";
import { childrenOf } from "./units.js";

/** For every unit of the tree, the latest deadline of its subtree for the report of `p`. */
export function lateListDues(
  units: ReadonlyArray<{ id: number; parentId: number | null }>,
  byUnit: ReadonlyMap<number, DueRule>,
  tree: DueRule,
  p: Period,
  timeZone: string,
): Map<number, DueRule> {
  const children = childrenOf(units);
  // Units in an order where each comes before its children; worked out from the leaves up,
  // without recursion (a country's tree is deep and wide).
  const ids = new Set(units.map((u) => u.id));
  const order: number[] = units.filter((u) => u.parentId === null || !ids.has(u.parentId)).map((u) => u.id);
  for (let i = 0; i < order.length; i++) order.push(...(children.get(order[i]!) ?? []));
  const late = new Map<number, DueRule>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    const own = byUnit.get(id) ?? tree;
    const below = (children.get(id) ?? []).map((c) => late.get(c)!).filter((r) => r !== undefined);
    late.set(id, below.length === 0 ? own : (latestDue(p, [own, ...below], timeZone) as DueRule));
  }
  return late;
}
