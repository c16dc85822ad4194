import type { Db } from "../db/client.js";

export interface TelegramPerson {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
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
