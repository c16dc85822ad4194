// Who files for which branch (src/domain/access.ts, FILE): asked as a form opens,
// again at send, and a third time in the transaction that stores, always through
// filingRights, so that the three cannot disagree.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { Action, filingUnits, heedsDelegation, type Refusal } from "../domain/access.js";
import type { Actor } from "../domain/roles.js";
import { todayIn } from "../domain/meeting.js";
import { loadActor, readActor } from "../store/access.js";
import { delegatedUnitIds } from "../store/delegations.js";
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
  return filingRightsOf(db, await loadActor(db, telegramId, []), now, timeZone);
}

/** The same for roles already read (the actor of this update, src/bot/middleware/actor.ts). */
export async function filingRightsOf(db: Reader, actor: Actor, now: Date, timeZone: string): Promise<FilingRights> {
  // A deputy files only while the secretary has handed over (/uyquyen) or is away (/nghi); nobody
  // else's rights depend on it, so the delegations are read only for a deputy.
  const delegated = heedsDelegation(actor, Action.FILE) ? await delegatedUnitIds(db, todayIn(now, timeZone)) : new Set<number>();
  const { may, waiting } = filingUnits(actor, delegated);
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

/**
 * `known`: the person's roles as this update read them (the actor cache, checked against the version
 * of everyone's roles read with the update's claim): a form opens on them without reading them again.
 * What it shows is asked again at send and in the transaction that stores (refusalToFile, refusalInTransaction).
 */
export async function openFiling(deps: UseCaseDeps, telegramId: number, known?: Actor): Promise<Opening> {
  const actor = known ?? (await readActor(deps.db, telegramId, []));
  const rights = await filingRightsOf(deps.db, actor, deps.clock(), deps.config.TZ);
  // The User.id comes with the roles (readActor); someone with none files for nothing.
  return { userId: actor.userId, units: rights.may, waiting: rights.waiting.map((u) => u.name) };
}

/** Asked at send: the hand-over may have been taken back, or the role removed, while the form was open. */
export async function refusalToFile(deps: UseCaseDeps, telegramId: number, unitId: number): Promise<Refusal | undefined> {
  return refusalIn(await filingRights(deps.db, telegramId, deps.clock(), deps.config.TZ), unitId);
}

/** The same, read in the transaction that stores the version: a role lost after the check at send still stops the write. */
export async function refusalInTransaction(tx: Prisma.TransactionClient, telegramId: number, unitId: number, at: Date, timeZone: string): Promise<Refusal | undefined> {
  return refusalIn(await filingRights(tx, telegramId, at, timeZone), unitId);
}
