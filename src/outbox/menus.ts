// A person's command menu (the list beside the text box of their private chat)
// goes through the outbox like a message: queued in the transaction that gives or
// takes a role, sent once, resumed after an outage or a restart. It is rendered
// when it is sent (src/outbox/kinds.ts reads the person's roles then), so however
// late it goes it is the menu of their roles at that moment; a person left with no
// role has their chat's menu deleted, and the menu of every private chat applies.
import { rolesChanged } from "../store/access-version.js";
import { randomUUID } from "node:crypto";
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { enqueueMany, type NewJob, type Recipient } from "./enqueue.js";
import { JobKind, type MenuJobPayload } from "./job-kinds.js";
import { DeliveryStatus, OPEN } from "./status.js";

export const MENU_JOB = JobKind.MENU;

/** The Setting row with the menus last queued for everyone: their version, and the administrators then. */
const MENUS_KEY = "menus";
/** Queued in transactions of this many people at start-up. */
const BATCH = 500;

function menuJob(telegramId: bigint, now: Date): { job: NewJob; recipient: Recipient } {
  // Each change its own occasion: two in the same millisecond must not clash on the key.
  const occasion = `${MENU_JOB}:${telegramId}:${now.getTime()}:${randomUUID()}`;
  return { job: { occasion, kind: MENU_JOB, payload: { telegramId: String(telegramId) } satisfies MenuJobPayload, dueAt: now, now }, recipient: { chatId: telegramId } };
}

/**
 * Queues the menu of each person, in the caller's transaction: call it wherever a role is
 * gained or lost. It also tells every instance to read roles afresh (rolesChanged), so a
 * role change that refreshes the menus cannot forget that.
 */
export async function refreshMenus(tx: Prisma.TransactionClient, telegramIds: bigint[], now: Date): Promise<void> {
  await rolesChanged(tx);
  await enqueueMany(tx, [...new Set(telegramIds)].map((id) => menuJob(id, now)));
}

/**
 * Whether a menu queued after this one, for the same chat, is still to be sent or was sent:
 * that one will say what is true then, so this one is skipped (a burst of role changes
 * sends one menu, and an older one can never land after a newer one from this instance).
 */
export async function supersededMenu(db: Db, delivery: { id: number; chatId: bigint }): Promise<boolean> {
  const later = await db.delivery.findFirst({
    where: { id: { gt: delivery.id }, chatId: delivery.chatId, status: { in: [...OPEN, DeliveryStatus.SENT] }, job: { kind: MENU_JOB } },
    select: { id: true },
  });
  return later !== null;
}

interface MenusState {
  version: string;
  admins: number[];
}

/**
 * At start: when the menus' contents changed since the last start (a new version of the
 * bot, another wording), every person with a role and every administrator gets theirs
 * again; when only ADMIN_IDS changed, those who became or stopped being administrators.
 * Returns how many menus were queued.
 */
export async function queueChangedMenus(db: Db, version: string, adminIds: readonly number[], now: Date): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: MENUS_KEY } });
  const before = row ? (JSON.parse(row.value) as MenusState) : undefined;
  const admins = [...new Set(adminIds)].sort((a, b) => a - b);
  let ids: bigint[];
  if (before?.version === version) {
    const was = new Set(before.admins);
    ids = [...admins.filter((a) => !was.has(a)), ...before.admins.filter((a) => !admins.includes(a))].map(BigInt);
  } else {
    const members = await db.user.findMany({ where: { memberships: { some: {} } }, select: { telegramId: true } });
    ids = [...new Set([...members.map((m) => m.telegramId), ...[...admins, ...(before?.admins ?? [])].map(BigInt)])];
  }
  if (before?.version === version && ids.length === 0) return 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    await db.$transaction((tx) => refreshMenus(tx, ids.slice(i, i + BATCH), now));
  }
  const value = JSON.stringify({ version, admins } satisfies MenusState);
  await db.setting.upsert({ where: { key: MENUS_KEY }, create: { key: MENUS_KEY, value, updatedBy: 0n, updatedAt: now }, update: { value, updatedAt: now } });
  return ids.length;
}
