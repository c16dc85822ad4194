// Each subtree's own monthly deadline (src/domain/deadline.ts), one Setting row per unit that has
// one ("deadline.<unitId>", the rule as JSON); the tree's is the schedule's (src/store/settings.ts).
import { driverOf, type Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { distinctRules, dueRulesOf, isDueRule, type DueRule } from "../domain/deadline.js";
import { treeRule } from "../domain/schedule.js";
import { audit } from "./audit.js";
import { SCHEDULE_KEY, scheduleOf } from "./settings.js";
import { UNIT_CHAIN, unitTree } from "./units.js";
import { run } from "./update-claims.js";

const PREFIX = "deadline.";
const keyOf = (unitId: number) => `${PREFIX}${unitId}`;

function readRule(value: string): DueRule | null {
  try {
    const v: unknown = JSON.parse(value);
    return isDueRule(v) ? { day: v.day, sameMonth: v.sameMonth } : null;
  } catch {
    return null;
  }
}

/** Every unit's own deadline; units with none are absent. A handful of rows, read in one query. */
export async function ownDueRules(db: Db | Prisma.TransactionClient): Promise<Map<number, DueRule>> {
  const rows = await db.setting.findMany({ where: { key: { startsWith: PREFIX } } });
  const out = new Map<number, DueRule>();
  for (const r of rows) {
    const unitId = Number(r.key.slice(PREFIX.length));
    const rule = readRule(r.value);
    if (Number.isInteger(unitId) && rule) out.set(unitId, rule);
  }
  return out;
}

/**
 * The deadline a unit answers to: its own, the nearest one above it, or the tree's. One prepared
 * statement through the driver (the report form asks it as it opens): the schedule's row, and the
 * own rules of the unit and the units above it, each with how far up it sits.
 */
export async function dueRuleFor(db: Db, unitId: number): Promise<DueRule> {
  const rows = await run(
    await driverOf(db),
    "due-rule",
    `WITH RECURSIVE ${UNIT_CHAIN} ` +
      `SELECT s."value", up."depth", up."id" FROM up JOIN "Setting" s ON s."key" = ? || CAST(up."id" AS TEXT) ` +
      `UNION ALL SELECT "value", NULL, NULL FROM "Setting" WHERE "key" = ?`,
    [unitId, PREFIX, SCHEDULE_KEY],
  );
  const schedule = rows.find((r) => r.depth === null);
  const tree = treeRule(scheduleOf(schedule === undefined ? undefined : String(schedule.value)));
  const chain = rows.filter((r) => r.depth !== null).sort((a, b) => Number(a.depth) - Number(b.depth));
  for (const r of chain) {
    // An unreadable rule counts as none, as in ownDueRules: the next one up applies.
    const rule = readRule(String(r.value));
    if (rule) return rule;
  }
  return tree;
}

/**
 * The distinct rules in force (the tree's first): what the scheduler works out its occasions by at
 * every tick. Read from the settings alone (and whether their units still exist), not the whole
 * unit tree: every unit's own rule is its nearest, so the rules in force are the tree's and these.
 */
export async function dueRulesInForce(db: Db, tree: DueRule): Promise<DueRule[]> {
  const own = await ownDueRules(db);
  if (own.size === 0) return [tree];
  const alive = await db.unit.findMany({ where: { id: { in: [...own.keys()] } }, select: { id: true } });
  return distinctRules(tree, alive.map((u) => own.get(u.id)!));
}

/** Every unit's deadline and the distinct rules among them (the tree's first): whom an occasion goes to. */
export async function dueRulesByUnit(
  db: Db,
  tree: DueRule,
): Promise<{ byUnit: Map<number, DueRule>; rules: DueRule[]; units?: { id: number; parentId: number | null }[] }> {
  const own = await ownDueRules(db);
  if (own.size === 0) return { byUnit: new Map(), rules: [tree] };
  const units = await unitTree(db);
  const byUnit = dueRulesOf(units, own, tree);
  return { byUnit, rules: distinctRules(tree, byUnit.values()), units };
}

/**
 * Sets (a rule) or removes (null) a unit's own deadline with an audit entry, in one transaction.
 * Returns the unit's own rule before (null: none); nothing is written when it is already so.
 */
export async function setUnitDueRule(
  db: Db,
  e: { unitId: number; unitCode: string; unitName: string; rule: DueRule | null; actorId: number; now: Date },
): Promise<{ before: DueRule | null; changed: boolean }> {
  return db.$transaction(async (tx) => {
    const key = keyOf(e.unitId);
    const row = await tx.setting.findUnique({ where: { key } });
    const before = row ? readRule(row.value) : null;
    const same = before === null ? e.rule === null : e.rule !== null && before.day === e.rule.day && before.sameMonth === e.rule.sameMonth;
    if (same) return { before, changed: false };
    if (e.rule === null) await tx.setting.delete({ where: { key } });
    else {
      const data = { value: JSON.stringify(e.rule), updatedBy: BigInt(e.actorId), updatedAt: e.now };
      await tx.setting.upsert({ where: { key }, create: { key, ...data }, update: data });
    }
    await audit(tx, { actorId: e.actorId, at: e.now, action: "deadline.set", subject: e.unitCode, details: { name: e.unitName, before, after: e.rule } });
    return { before, changed: true };
  });
}
