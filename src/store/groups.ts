import type { Db } from "../db/client.js";
import { audit } from "./audit.js";

export async function registerGroup(db: Db, g: { chatId: number; title: string | null; unitId: number; unitCode: string; actorId: number; now: Date }) {
  await db.$transaction(async (tx) => {
    const data = { title: g.title, unitId: g.unitId, active: true, updatedAt: g.now };
    await tx.groupChat.upsert({
      where: { chatId: BigInt(g.chatId) },
      create: { chatId: BigInt(g.chatId), createdBy: BigInt(g.actorId), createdAt: g.now, ...data },
      update: data,
    });
    await audit(tx, { actorId: g.actorId, at: g.now, action: "group.register", subject: g.unitCode, details: { chatId: g.chatId, title: g.title } });
  });
}

/** Returns false when the group was not registered. */
export async function unregisterGroup(db: Db, chatId: number, actorId: number, now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const changed = await tx.groupChat.updateMany({ where: { chatId: BigInt(chatId), active: true }, data: { active: false, updatedAt: now } });
    if (changed.count === 0) return false;
    await audit(tx, { actorId, at: now, action: "group.unregister", subject: String(chatId), details: {} });
    return true;
  });
}

export async function activeGroup(db: Db, chatId: number) {
  return db.groupChat.findFirst({ where: { chatId: BigInt(chatId), active: true }, include: { unit: true } });
}

export async function activeGroups(db: Db) {
  const rows = await db.groupChat.findMany({ where: { active: true }, select: { chatId: true, unitId: true } });
  return rows.map((r) => ({ chatId: Number(r.chatId), unitId: r.unitId }));
}
