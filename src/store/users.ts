import type { Db } from "../db/client.js";
import type { Actor, Role } from "../domain/roles.js";

export interface TelegramPerson {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}

export async function loadActor(db: Db, telegramId: number, adminIds: readonly number[]): Promise<Actor> {
  const user = await db.user.findUnique({
    where: { telegramId: BigInt(telegramId) },
    select: { memberships: { select: { role: true, unit: { select: { id: true, code: true, name: true } } } } },
  });
  return {
    telegramId,
    isAdmin: adminIds.includes(telegramId),
    memberships: (user?.memberships ?? []).map((m) => ({
      unitId: m.unit.id,
      unitCode: m.unit.code,
      unitName: m.unit.name,
      role: m.role as Role,
    })),
  };
}

export async function findUserId(db: Db, telegramId: number): Promise<number | undefined> {
  const u = await db.user.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { id: true } });
  return u?.id;
}

export function displayName(p: { firstName: string; lastName?: string | null }): string {
  return [p.firstName, p.lastName].filter(Boolean).join(" ");
}
