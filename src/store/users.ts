import type { Db } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";
import type { Actor, Role } from "../domain/roles.js";

export interface TelegramPerson {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}

/** Also inside a transaction, so that a decision is checked against the roles of the moment it is recorded. */
export async function loadActor(db: Db | Prisma.TransactionClient, telegramId: number, adminIds: readonly number[]): Promise<Actor> {
  // One statement rather than Prisma's three for the nested select: this runs for every update.
  const rows = await db.$queryRaw<{ role: string; unitId: number; unitCode: string; unitName: string }[]>(Prisma.sql`
    SELECT m."role" AS "role", u."id" AS "unitId", u."code" AS "unitCode", u."name" AS "unitName"
    FROM "Membership" m
    JOIN "User" p ON p."id" = m."userId"
    JOIN "Unit" u ON u."id" = m."unitId"
    WHERE p."telegramId" = ${BigInt(telegramId)}
    ORDER BY m."id"`);
  return {
    telegramId,
    isAdmin: adminIds.includes(telegramId),
    memberships: rows.map((m) => ({ unitId: Number(m.unitId), unitCode: m.unitCode, unitName: m.unitName, role: m.role as Role })),
  };
}

export async function findUserId(db: Db, telegramId: number): Promise<number | undefined> {
  const u = await db.user.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { id: true } });
  return u?.id;
}

export function displayName(p: { firstName: string; lastName?: string | null }): string {
  return [p.firstName, p.lastName].filter(Boolean).join(" ");
}

/** The person's user row, made on first need (an administrator who was never invited reviews too). */
export async function ensureUser(db: Db, person: TelegramPerson): Promise<number> {
  const names = { firstName: person.first_name, lastName: person.last_name ?? null, username: person.username ?? null };
  const user = await db.user.upsert({
    where: { telegramId: BigInt(person.id) },
    create: { telegramId: BigInt(person.id), ...names },
    update: {},
    select: { id: true },
  });
  return user.id;
}
