// A monthly deadline as a committee sets it: day N of the month after the report month (the
// default, "ngày 5 tháng sau"), or day N of the report month itself ("trước ngày 25 hằng tháng").
// One for the whole tree (/caidat han …, kept with the schedule) and, for a unit's subtree, its
// own (/caidat <mã> han …): a branch answers to the nearest setting up the tree.
import { withoutMarks } from "./text.js";

export interface DueRule {
  /** 1-28: every month has a 28th day, so "day N" is the same day in every month. */
  day: number;
  /** true: due in the report month itself; false: in the month after it. */
  sameMonth: boolean;
}

/**
 * What the date rules take: a rule, or a bare day, read as day N of the following month (what
 * /hanbaocao has always meant, and what callers that know no other rule pass).
 */
export type DueSetting = number | DueRule;

export const DUE_DAY_MAX = 28;

/** What the opening rule is for callers that know no branch: a deadline in the following month (the day does not matter to it). */
export const FOLLOWING_MONTH: DueRule = Object.freeze({ day: 5, sameMonth: false });

export const ruleOf = (due: DueSetting): DueRule => (typeof due === "number" ? { day: due, sameMonth: false } : due);

export const sameRule = (a: DueRule, b: DueRule) => a.day === b.day && a.sameMonth === b.sameMonth;

export function isDueRule(v: unknown): v is DueRule {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return Number.isInteger(r.day) && (r.day as number) >= 1 && (r.day as number) <= DUE_DAY_MAX && typeof r.sameMonth === "boolean";
}

/** "day": not a whole day 1-28; "word": a word that is neither "cùng tháng" nor "tháng sau"; "missing": no day at all. */
export type DueRuleProblem = "missing" | "day" | "word";

/** The words after "han": a rule, "xoa" (the parent's applies again), or what is wrong. */
export type DueRuleInput = { ok: true; rule: DueRule } | { ok: true; remove: true } | { ok: false; problem: DueRuleProblem; word?: string };

const SAME = new Set(["cungthang", "cung thang", "trongthang", "trong thang"]);
const NEXT = new Set(["thangsau", "thang sau"]);

/**
 * Reads "25 cungthang", "25 cùng tháng", "10", "10 tháng sau", "xoa"/"xóa", with or without
 * marks, in any case. The day comes first; nothing else is read into it ("25/12", "mười" are refused).
 */
export function parseDueRule(raw: string): DueRuleInput {
  const words = withoutMarks(raw.normalize("NFC")).toLowerCase().trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { ok: false, problem: "missing" };
  if (words.length === 1 && words[0] === "xoa") return { ok: true, remove: true };
  const [day, ...rest] = words;
  if (!/^\d{1,2}$/.test(day!) || Number(day) < 1 || Number(day) > DUE_DAY_MAX) return { ok: false, problem: "day", word: day!.slice(0, 20) };
  const tail = rest.join(" ");
  if (tail === "" || NEXT.has(tail)) return { ok: true, rule: { day: Number(day), sameMonth: false } };
  if (SAME.has(tail)) return { ok: true, rule: { day: Number(day), sameMonth: true } };
  return { ok: false, problem: "word", word: tail.slice(0, 40) };
}

/**
 * The rule in force for a unit: its own setting, else the nearest of the units above it, else the
 * tree's. `parentOf`: child → parent for the whole tree. `from`: the unit whose setting applies
 * (null: the tree's). The guard stops a cycle, as the store's walk does.
 */
export function nearestDueRule(
  unitId: number,
  parentOf: ReadonlyMap<number, number | null>,
  own: ReadonlyMap<number, DueRule>,
  tree: DueRule,
): { rule: DueRule; from: number | null } {
  const seen = new Set<number>();
  for (let id: number | null | undefined = unitId; id !== null && id !== undefined && !seen.has(id); id = parentOf.get(id)) {
    seen.add(id);
    const rule = own.get(id);
    if (rule) return { rule, from: id };
  }
  return { rule: tree, from: null };
}

/** The rule of every unit of a tree. */
export function dueRulesOf(units: ReadonlyArray<{ id: number; parentId: number | null }>, own: ReadonlyMap<number, DueRule>, tree: DueRule): Map<number, DueRule> {
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  return new Map(units.map((u) => [u.id, nearestDueRule(u.id, parentOf, own, tree).rule]));
}

/** The rules in force anywhere in the tree, each once, the tree's first. */
export function distinctRules(tree: DueRule, rules: Iterable<DueRule>): DueRule[] {
  const out = [tree];
  for (const r of rules) if (!out.some((o) => sameRule(o, r))) out.push(r);
  return out;
}
