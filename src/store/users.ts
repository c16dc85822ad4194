import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { audit } from "./audit.js";
import { personName, personTitle, type PersonNames } from "../domain/people.js";

type Reader = Db | Prisma.TransactionClient;

export interface TelegramPerson {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
}

/** What every query that names a person selects: the names `displayName` and `displayTitle` read. */
export const NAME_FIELDS = { firstName: true, lastName: true, fullName: true, position: true } as const;

export async function findUserId(db: Db, telegramId: number): Promise<number | undefined> {
  const u = await db.user.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { id: true } });
  return u?.id;
}

/** The full name the person gave (/hoso), their Telegram name until then. */
export function displayName(p: PersonNames): string {
  return personName(p);
}

/** The same with the position: "Nguyễn Thị Lan (Bí thư chi bộ)". */
export function displayTitle(p: PersonNames): string {
  return personTitle(p);
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

export interface Profile {
  fullName: string | null;
  position: string | null;
}

/** The person's full name and position; null when the bot has never seen them. */
export async function loadProfile(db: Reader, telegramId: number): Promise<Profile | null> {
  return db.user.findUnique({ where: { telegramId: BigInt(telegramId) }, select: { fullName: true, position: true } });
}

/** Names the person as they asked (both already checked by src/domain/people.ts); in /nhatky without the names themselves. */
export async function saveProfile(db: Db, person: TelegramPerson, profile: { fullName: string; position: string | null }, now: Date): Promise<void> {
  const names = { firstName: person.first_name, lastName: person.last_name ?? null, username: person.username ?? null };
  await db.$transaction(async (tx) => {
    await tx.user.upsert({
      where: { telegramId: BigInt(person.id) },
      create: { telegramId: BigInt(person.id), ...names, ...profile },
      update: profile,
    });
    await audit(tx, { actorId: person.id, at: now, action: "profile.set", subject: String(person.id), details: { person: person.id } });
  });
}

/** The names of these people by Telegram id (the actors of /nhatky); those never seen are missing. */
export async function namesByTelegramId(db: Reader, telegramIds: number[]): Promise<Map<number, string>> {
  const rows = await db.user.findMany({ where: { telegramId: { in: [...new Set(telegramIds)].map(BigInt) } }, select: { telegramId: true, ...NAME_FIELDS } });
  return new Map(rows.map((r) => [Number(r.telegramId), displayTitle(r)]));
}
