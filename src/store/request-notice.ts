// What a delivered request says besides its own row: who asks (name, position) as a member of
// which committee, and the names of the recipient's branches.
import type { Db } from "../db/client.js";
import { Role } from "../domain/roles.js";
import { ancestorsOf } from "./units.js";
import { displayTitle, NAME_FIELDS } from "./users.js";

export interface RequestAsker {
  /** "Nguyễn Văn An (Trưởng ban Tổ chức)": the name and position the person gave (/hoso) */
  who: string;
  /**
   * The committee the person asks as a member of: theirs nearest the request's unit (the unit
   * itself or one above it); null when they ask as an administrator only.
   */
  committee: string | null;
}

export async function requestAsker(db: Db, requestId: number): Promise<RequestAsker | null> {
  const r = await db.infoRequest.findUnique({
    where: { id: requestId },
    select: { unitId: true, createdBy: { select: { ...NAME_FIELDS, memberships: { where: { role: Role.COMMITTEE }, select: { unitId: true, unit: { select: { name: true } } } } } } },
  });
  if (!r) return null;
  const line = [r.unitId, ...(await ancestorsOf(db, r.unitId))];
  const own = r.createdBy.memberships.filter((m) => line.includes(m.unitId)).sort((a, b) => line.indexOf(a.unitId) - line.indexOf(b.unitId));
  return { who: displayTitle(r.createdBy), committee: own[0]?.unit.name ?? null };
}

export async function unitNames(db: Db, unitIds: readonly number[]): Promise<string[]> {
  const rows = await db.unit.findMany({ where: { id: { in: [...unitIds] } }, select: { name: true }, orderBy: { code: "asc" } });
  return rows.map((r) => r.name);
}
