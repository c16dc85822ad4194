// The tree of party organisations.
import { hasControlCharacters, hasDirectionControls, visibleLength } from "./text.js";

export const UnitKind = { COMMITTEE: "COMMITTEE", BRANCH: "BRANCH" } as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];

export const UNIT_NAME_MAX = 200;

/** Unit codes are typed in commands and invite links: short, no spaces, case-insensitive. */
export function normaliseUnitCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9_.-]{1,31}$/.test(code) ? code : undefined;
}

/**
 * "characters": control or direction characters (pasted, invisible, and fatal to an Excel export);
 * "invisible": nothing a reader can see (zero-width spaces only); "length": not 2 to UNIT_NAME_MAX.
 */
export type UnitNameProblem = "characters" | "invisible" | "length";

/**
 * A unit's name is shown in every list, digest and export of the tree: refused, with the reason,
 * rather than cleaned, so that the administrator sees the name exactly as it will be stored.
 */
export function checkUnitName(raw: string): { ok: true; name: string } | { ok: false; problem: UnitNameProblem } {
  const name = raw.replace(/\s+/g, " ").trim();
  if (hasControlCharacters(name) || hasDirectionControls(name)) return { ok: false, problem: "characters" };
  const visible = visibleLength(name);
  if (visible === 0 && name.length > 0) return { ok: false, problem: "invisible" };
  if (visible < 2 || name.length > UNIT_NAME_MAX) return { ok: false, problem: "length" };
  return { ok: true, name };
}

export function normaliseUnitName(raw: string): string | undefined {
  const r = checkUnitName(raw);
  return r.ok ? r.name : undefined;
}

/**
 * What /themdonvi and /themchibo were given. "parent-needed": the word after the code is no code and
 * no "-" (the "-" of a top unit forgotten: "/themdonvi DUGD Đảng ủy…"); `word` is it, `rest` the text
 * from it on, the name that was meant.
 */
export type AddUnitArgs =
  /** `typed`: the text from the parent's code on, the name that was meant if the "-" was forgotten. */
  | { ok: true; code: string; parentCode: string | null; name: string; typed: string }
  | { ok: false; problem: "usage" | "branch-needs-parent" }
  | { ok: false; problem: "bad-code"; word: string }
  | { ok: false; problem: "parent-needed"; code: string; word: string; rest: string }
  | { ok: false; problem: "name"; name: UnitNameProblem };

/** `<mã> <mã cấp trên | -> <tên>`; a branch must have a parent. */
export function readAddUnitArgs(text: string, kind: UnitKind): AddUnitArgs {
  const [rawCode, rawParent, ...nameWords] = text.trim().split(/\s+/);
  if (!rawCode || !rawParent) return { ok: false, problem: "usage" };
  const code = normaliseUnitCode(rawCode);
  if (!code) return { ok: false, problem: "bad-code", word: rawCode };
  let parentCode: string | null = null;
  if (rawParent !== "-") {
    parentCode = normaliseUnitCode(rawParent) ?? null;
    if (!parentCode) return { ok: false, problem: "parent-needed", code, word: rawParent, rest: [rawParent, ...nameWords].join(" ") };
  } else if (kind === UnitKind.BRANCH) {
    return { ok: false, problem: "branch-needs-parent" };
  }
  if (nameWords.length === 0) return { ok: false, problem: "usage" };
  const checked = checkUnitName(nameWords.join(" "));
  if (!checked.ok) return { ok: false, problem: "name", name: checked.problem };
  return { ok: true, code, parentCode, name: checked.name, typed: [rawParent, ...nameWords].join(" ") };
}

export interface TreeNode<T> {
  unit: T;
  children: TreeNode<T>[];
}

/** Builds a forest from a flat list; children keep the order of the input. */
export function buildTree<T extends { id: number; parentId: number | null }>(units: T[]): TreeNode<T>[] {
  const nodes = new Map(units.map((u) => [u.id, { unit: u, children: [] as TreeNode<T>[] }]));
  const roots: TreeNode<T>[] = [];
  for (const node of nodes.values()) {
    const parent = node.unit.parentId === null ? undefined : nodes.get(node.unit.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

/** Each unit's children's ids, in the order given (linear: a country's tree has 250,000 units). */
export function childrenOf(units: readonly { id: number; parentId: number | null }[]): Map<number, number[]> {
  const children = new Map<number, number[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId);
    if (list) list.push(u.id);
    else children.set(u.parentId, [u.id]);
  }
  return children;
}

/** Ids of a unit and every unit below it. */
export function subtreeIds<T extends { id: number; parentId: number | null }>(units: T[], rootId: number): number[] {
  const byParent = childrenOf(units);
  const out: number[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(byParent.get(id) ?? []));
  }
  return out;
}

/**
 * The ids of the branches in a unit's whole subtree (the unit itself when it is a branch), in the
 * order given: where a request to the unit goes. The walk is breadth-first with a guard, so a
 * cycle written by hand into the tree cannot loop.
 */
export function branchesUnder(units: readonly { id: number; parentId: number | null; kind: string }[], rootId: number): number[] {
  const children = childrenOf(units);
  const inTree = new Set<number>([rootId]);
  const queue = [rootId];
  for (let i = 0; i < queue.length; i++) {
    for (const c of children.get(queue[i]!) ?? []) {
      if (inTree.has(c)) continue;
      inTree.add(c);
      queue.push(c);
    }
  }
  return units.filter((u) => inTree.has(u.id) && u.kind === UnitKind.BRANCH).map((u) => u.id);
}
