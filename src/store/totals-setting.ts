// Each committee's choice of what its totals count, one Setting row per unit that chose ("totals.<unitId>").
import type { Db } from "../db/client.js";
import { isTotalsMode, totalsChoiceAt, type TotalsChoice, type TotalsMode } from "../domain/review-totals.js";
import { audit } from "./audit.js";
import { ancestorsOf } from "./units.js";

const PREFIX = "totals.";
const keyOf = (unitId: number) => `${PREFIX}${unitId}`;

/** Every unit's own choice; units that never chose are absent. A handful of rows, read in one query. */
export async function chosenTotals(db: Db): Promise<Map<number, TotalsMode>> {
  const rows = await db.setting.findMany({ where: { key: { startsWith: PREFIX } } });
  const chosen = new Map<number, TotalsMode>();
  for (const r of rows) {
    const unitId = Number(r.key.slice(PREFIX.length));
    if (Number.isInteger(unitId) && isTotalsMode(r.value)) chosen.set(unitId, r.value);
  }
  return chosen;
}

/** The choice in force for a unit, given every unit (for the way up the tree). */
export async function totalsChoiceOf(db: Db, unitId: number, units: ReadonlyArray<{ id: number; parentId: number | null }>): Promise<TotalsChoice> {
  return totalsChoiceAt(unitId, units, await chosenTotals(db));
}

/** The mode in force for a unit, walking up from it (a few queries, not the whole tree: a country's digest). */
export async function totalsModeFor(db: Db, unitId: number): Promise<TotalsMode> {
  const chain = [unitId, ...(await ancestorsOf(db, unitId))];
  const units = chain.map((id, i) => ({ id, parentId: chain[i + 1] ?? null }));
  return totalsChoiceAt(unitId, units, await chosenTotals(db)).mode;
}

/**
 * Stores a unit's own choice with an audit entry, in one transaction. Returns the unit's own
 * choice before (null when it had none); nothing is written when it is already that choice.
 */
export async function setTotalsMode(
  db: Db,
  e: { unitId: number; unitCode: string; unitName: string; mode: TotalsMode; actorId: number; now: Date },
): Promise<{ before: TotalsMode | null; changed: boolean }> {
  return db.$transaction(async (tx) => {
    const key = keyOf(e.unitId);
    const row = await tx.setting.findUnique({ where: { key } });
    const before = row && isTotalsMode(row.value) ? row.value : null;
    if (before === e.mode) return { before, changed: false };
    const data = { value: e.mode, updatedBy: BigInt(e.actorId), updatedAt: e.now };
    await tx.setting.upsert({ where: { key }, create: { key, ...data }, update: data });
    await audit(tx, { actorId: e.actorId, at: e.now, action: "totals.set", subject: e.unitCode, details: { name: e.unitName, before, after: e.mode } });
    return { before, changed: true };
  });
}
