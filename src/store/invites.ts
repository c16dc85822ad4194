import type { Db } from "../db/client.js";
import { rolesChanged } from "./access-version.js";
import type { Prisma } from "../db/generated/client.js";
import { inviteCodeHash, inviteExpiry, inviteState, newInviteCode } from "../domain/invite.js";
import type { Role } from "../domain/roles.js";
import type { TelegramPerson } from "./users.js";
import { audit } from "./audit.js";

/** The code is returned for the link and nowhere kept: the database holds its hash only. */
export async function createInvite(db: Db, unit: { id: number; code: string }, role: Role, createdBy: number, now: Date): Promise<{ code: string; expiresAt: Date }> {
  const code = newInviteCode();
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.create({
      data: { codeHash: inviteCodeHash(code), unitId: unit.id, role, createdBy: BigInt(createdBy), createdAt: now, expiresAt: inviteExpiry(now) },
    });
    // The code itself is not logged: it is a key to the branch's figures until used or expired.
    await audit(tx, { actorId: createdBy, at: now, action: "invite.create", subject: unit.code, details: { role } });
    return { code, expiresAt: invite.expiresAt };
  });
}

export type RedeemResult =
  | { status: "ok"; unitName: string; role: Role; already: boolean }
  | { status: "unknown" }
  | { status: "used" }
  | { status: "expired"; expiresAt: Date };

/** In the caller's transaction, which also queues what follows a role gained (the person's menu). */
export async function redeemInvite(tx: Prisma.TransactionClient, code: string, person: TelegramPerson, now: Date): Promise<RedeemResult> {
  const invite = await tx.invite.findUnique({ where: { codeHash: inviteCodeHash(code) }, include: { unit: true } });
  if (!invite) return { status: "unknown" };
  const state = inviteState(invite, now);
  if (state === "expired") return { status: "expired", expiresAt: invite.expiresAt };
  // Claim the code first: of two people opening the same link, one wins.
  const claimed = await tx.invite.updateMany({
    where: { id: invite.id, usedAt: null },
    data: { usedAt: now, usedBy: BigInt(person.id) },
  });
  if (state === "used" || claimed.count === 0) return { status: "used" };
  const names = { firstName: person.first_name, lastName: person.last_name ?? null, username: person.username ?? null };
  const user = await tx.user.upsert({
    where: { telegramId: BigInt(person.id) },
    create: { telegramId: BigInt(person.id), ...names },
    update: names,
  });
  const key = { userId: user.id, unitId: invite.unitId, role: invite.role };
  const existing = await tx.membership.findUnique({ where: { userId_unitId_role: key } });
  if (!existing) {
    await tx.membership.create({ data: key });
    await rolesChanged(tx);
  }
  return { status: "ok", unitName: invite.unit.name, role: invite.role as Role, already: Boolean(existing) };
}
