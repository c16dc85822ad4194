// Who files for which branch (src/domain/access.ts, FILE): asked as a form opens,
// again at send, and a third time in the transaction that stores, always through
// filingRights, so that the three cannot disagree.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { filingUnits, type Refusal } from "../domain/access.js";
import { todayIn } from "../domain/meeting.js";
import { loadActor } from "../store/access.js";
import { delegatedUnitIds } from "../store/delegations.js";
import { findUserId } from "../store/users.js";
import type { UseCaseDeps } from "./deps.js";

type Reader = Db | Prisma.TransactionClient;

export interface FilingUnit {
  id: number;
  name: string;
}

/** The branches the person files for at `now`; `waiting`: where they are a deputy with no delegation in force. */
export interface FilingRights {
  may: FilingUnit[];
  waiting: FilingUnit[];
}

export async function filingRights(db: Reader, telegramId: number, now: Date, timeZone: string): Promise<FilingRights> {
  const actor = await loadActor(db, telegramId, []);
  // A deputy files only while the secretary has handed over (/uyquyen) or is away (/nghi).
  const { may, waiting } = filingUnits(actor, await delegatedUnitIds(db, todayIn(now, timeZone)));
  const unit = (m: (typeof may)[number]): FilingUnit => ({ id: m.unitId, name: m.unitName });
  return { may: may.map(unit), waiting: waiting.map(unit) };
}

/** Why the person may not file for `unitId`, by their rights; undefined when they may. */
export function refusalIn(rights: FilingRights, unitId: number): Refusal | undefined {
  if (rights.may.some((u) => u.id === unitId)) return undefined;
  return rights.waiting.some((u) => u.id === unitId) ? "not-delegated" : "no-role";
}

/** What a form opens with (plain JSON, kept in its log): who files, for which branches, or why not. */
export interface Opening {
  userId: number | undefined;
  units: FilingUnit[];
  /** Names of the branches where they wait for a delegation. */
  waiting: string[];
}

export async function openFiling(deps: UseCaseDeps, telegramId: number): Promise<Opening> {
  const rights = await filingRights(deps.db, telegramId, deps.clock(), deps.config.TZ);
  return { userId: await findUserId(deps.db, telegramId), units: rights.may, waiting: rights.waiting.map((u) => u.name) };
}

/** Asked at send: the hand-over may have been taken back, or the role removed, while the form was open. */
export async function refusalToFile(deps: UseCaseDeps, telegramId: number, unitId: number): Promise<Refusal | undefined> {
  return refusalIn(await filingRights(deps.db, telegramId, deps.clock(), deps.config.TZ), unitId);
}

/** The same, read in the transaction that stores the version: a role lost after the check at send still stops the write. */
export async function refusalInTransaction(tx: Prisma.TransactionClient, telegramId: number, unitId: number, at: Date, timeZone: string): Promise<Refusal | undefined> {
  return refusalIn(await filingRights(tx, telegramId, at, timeZone), unitId);
}
