// Each committee's choice of names in its group's /tonghop (src/domain/group-names.ts), one Setting
// row per unit that chose ("groupNames.<unitId>"); the unit a group is registered for is the one asked.
import type { Db } from "../db/client.js";
import { DEFAULT_GROUP_NAMES } from "../domain/group-names.js";
import { audit } from "./audit.js";

const keyOf = (unitId: number) => `groupNames.${unitId}`;
const SHOW = "show";
const HIDE = "hide";

export async function groupShowsNames(db: Db, unitId: number): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: keyOf(unitId) } });
  return row ? row.value === SHOW : DEFAULT_GROUP_NAMES;
}

/** Stores the choice with an audit entry; nothing is written when it is already that choice. */
export async function setGroupNames(db: Db, e: { unitId: number; unitCode: string; unitName: string; show: boolean; actorId: number; now: Date }): Promise<{ changed: boolean }> {
  return db.$transaction(async (tx) => {
    const key = keyOf(e.unitId);
    const row = await tx.setting.findUnique({ where: { key } });
    const before = row ? row.value === SHOW : DEFAULT_GROUP_NAMES;
    if (before === e.show) return { changed: false };
    const data = { value: e.show ? SHOW : HIDE, updatedBy: BigInt(e.actorId), updatedAt: e.now };
    await tx.setting.upsert({ where: { key }, create: { key, ...data }, update: data });
    await audit(tx, { actorId: e.actorId, at: e.now, action: "groupNames.set", subject: e.unitCode, details: { name: e.unitName, before, after: e.show } });
    return { changed: true };
  });
}
