// The one loader of the access rules (src/domain/access.ts): the person's roles and
// the unit's place in the tree, read fresh, also inside a transaction, so that a
// decision is checked against the roles of the moment it is recorded.
import { driverOf, type Db } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";
import { refusal, type Action, type Refusal, type Target } from "../domain/access.js";
import { todayIn } from "../domain/meeting.js";
import type { Actor, Role } from "../domain/roles.js";
import { delegatedUnitIds } from "./delegations.js";
import { ancestorsOf, prismaSql } from "./units.js";
import { run } from "./update-claims.js";

type Reader = Db | Prisma.TransactionClient;

/** A person's roles, with their units and User.id: one statement rather than Prisma's three for the nested select. */
const ACTOR_SQL =
  `SELECT m."role" AS "role", u."id" AS "unitId", u."code" AS "unitCode", u."name" AS "unitName", p."id" AS "userId" ` +
  `FROM "Membership" m JOIN "User" p ON p."id" = m."userId" JOIN "Unit" u ON u."id" = m."unitId" WHERE p."telegramId" = ? ORDER BY m."id"`;

/** The person's roles, also inside a transaction (a decision checked against the roles of its moment). */
export async function loadActor(db: Reader, telegramId: number, adminIds: readonly number[]): Promise<Actor> {
  return actorOf(telegramId, adminIds, await db.$queryRaw<Record<string, unknown>[]>(prismaSql(ACTOR_SQL, [BigInt(telegramId)])));
}

/**
 * The same statement outside a transaction, prepared, through the driver (a Prisma statement costs
 * the bot several times as much): how the actor cache loads a person's roles (middleware/actor.ts).
 */
export async function readActor(db: Db, telegramId: number, adminIds: readonly number[]): Promise<Actor> {
  return actorOf(telegramId, adminIds, await run(await driverOf(db), "actor", ACTOR_SQL, [BigInt(telegramId)]));
}

function actorOf(telegramId: number, adminIds: readonly number[], rows: Record<string, unknown>[]): Actor {
  return {
    telegramId,
    isAdmin: adminIds.includes(telegramId),
    memberships: rows.map((m) => ({ unitId: Number(m.unitId), unitCode: String(m.unitCode), unitName: String(m.unitName), role: m.role as Role })),
    ...(rows[0] ? { userId: Number(rows[0].userId) } : {}),
  };
}

/** The unit's place in the tree, and whether a delegation of its secretary is in force on the day of `now`. */
export async function loadTarget(db: Reader, unitId: number, now: Date, timeZone: string): Promise<Target> {
  const ancestors = await ancestorsOf(db, unitId);
  const delegated = (await delegatedUnitIds(db, todayIn(now, timeZone), unitId)).has(unitId);
  return { unitId, ancestors, delegated };
}

export interface AccessQuestion {
  telegramId: number;
  adminIds: readonly number[];
  action: Action;
  unitId: number;
  now: Date;
  timeZone: string;
}

/** Why the person may not do the action to the unit now; undefined when they may. */
export async function refusalOf(db: Reader, q: AccessQuestion): Promise<Refusal | undefined> {
  const actor = await loadActor(db, q.telegramId, q.adminIds);
  return refusal(actor, q.action, await loadTarget(db, q.unitId, q.now, q.timeZone));
}
