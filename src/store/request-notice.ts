// What a delivered request says besides its own row: who asks (name, position) and for which
// committee, and the names of the recipient's branches.
import type { Db } from "../db/client.js";
import { displayTitle, NAME_FIELDS } from "./users.js";

export interface RequestAsker {
  /** "Nguyễn Văn An (Trưởng ban Tổ chức)": the name and position the person gave (/hoso) */
  who: string;
  /** The unit the request is made for: the committee whose branches it goes to */
  unitName: string;
}

export async function requestAsker(db: Db, requestId: number): Promise<RequestAsker | null> {
  const r = await db.infoRequest.findUnique({ where: { id: requestId }, select: { createdBy: { select: NAME_FIELDS }, unit: { select: { name: true } } } });
  return r ? { who: displayTitle(r.createdBy), unitName: r.unit.name } : null;
}

export async function unitNames(db: Db, unitIds: readonly number[]): Promise<string[]> {
  const rows = await db.unit.findMany({ where: { id: { in: [...unitIds] } }, select: { name: true }, orderBy: { code: "asc" } });
  return rows.map((r) => r.name);
}
