// The tree of party organisations.

export const UnitKind = { COMMITTEE: "COMMITTEE", BRANCH: "BRANCH" } as const;
export type UnitKind = (typeof UnitKind)[keyof typeof UnitKind];

export const UNIT_NAME_MAX = 200;

/** Unit codes are typed in commands and invite links: short, no spaces, case-insensitive. */
export function normaliseUnitCode(raw: string): string | undefined {
  const code = raw.trim().toUpperCase();
  return /^[A-Z0-9][A-Z0-9_.-]{1,31}$/.test(code) ? code : undefined;
}

export function normaliseUnitName(raw: string): string | undefined {
  const name = raw.replace(/\s+/g, " ").trim();
  return name.length >= 2 && name.length <= UNIT_NAME_MAX ? name : undefined;
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

/** Ids of a unit and every unit below it. */
export function subtreeIds<T extends { id: number; parentId: number | null }>(units: T[], rootId: number): number[] {
  const byParent = new Map<number, number[]>();
  for (const u of units) {
    if (u.parentId !== null) byParent.set(u.parentId, [...(byParent.get(u.parentId) ?? []), u.id]);
  }
  const out: number[] = [];
  const stack = [rootId];
  while (stack.length) {
    const id = stack.pop()!;
    out.push(id);
    stack.push(...(byParent.get(id) ?? []));
  }
  return out;
}
