import type { Db } from "../db/client.js";
import { rolesChanged } from "./access-version.js";
import type { Prisma } from "../db/generated/client.js";
import { inviteCodeHash, inviteExpiry, inviteState, newInviteCode } from "../domain/invite.js";
import { Role } from "../domain/roles.js";
import type { TelegramPerson } from "./users.js";
import { audit } from "./audit.js";
import { deleteMembership, secretariesOf, type MembershipRef } from "./members.js";

/** The code is returned for the link and nowhere kept: the database holds its hash only. */
/** `replaces`: accepting it takes the role from the branch's secretary (/moi <mã> bithu thaythe). */
export async function createInvite(
  db: Db,
  unit: { id: number; code: string },
  role: Role,
  createdBy: number,
  now: Date,
  replaces = false,
): Promise<{ code: string; expiresAt: Date }> {
  const code = newInviteCode();
  return db.$transaction(async (tx) => {
    const invite = await tx.invite.create({
      data: { codeHash: inviteCodeHash(code), unitId: unit.id, role, createdBy: BigInt(createdBy), createdAt: now, expiresAt: inviteExpiry(now), replaces },
    });
    // The code itself is not logged: it is a key to the branch's figures until used or expired.
    await audit(tx, { actorId: createdBy, at: now, action: "invite.create", subject: unit.code, details: { role, ...(replaces ? { replaces } : {}) } });
    return { code, expiresAt: invite.expiresAt };
  });
}

export type RedeemResult =
  /** `replaced`: the secretaries whose role this invite took (a replacing invite). */
  | { status: "ok"; unitName: string; role: Role; already: boolean; replaced: MembershipRef[] }
  /** A secretary's invite that does not replace, for a branch that has had a secretary since it was made. */
  | { status: "taken"; unitName: string; secretary: string }
  | { status: "unknown" }
  | { status: "used" }
  | { status: "expired"; expiresAt: Date };

/** In the caller's transaction, which also queues what follows a role gained (the person's menu). */
export async function redeemInvite(tx: Prisma.TransactionClient, code: string, person: TelegramPerson, now: Date): Promise<RedeemResult> {
  const invite = await tx.invite.findUnique({ where: { codeHash: inviteCodeHash(code) }, include: { unit: true } });
  if (!invite) return { status: "unknown" };
  const state = inviteState(invite, now);
  if (state === "expired") return { status: "expired", expiresAt: invite.expiresAt };
  // A branch has one secretary: an invite that does not replace stops here, unused, when another has joined since.
  const current = invite.role === Role.SECRETARY ? await secretariesOf(tx, invite.unitId, person.id) : [];
  if (state === "valid" && !invite.replaces && current.length > 0) return { status: "taken", unitName: invite.unit.name, secretary: current[0]!.name };
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
  // Dated by the bot's clock (the "từ" of /thanhvien), not the database's.
  if (!existing) {
    await tx.membership.create({ data: { ...key, createdAt: now } });
    await rolesChanged(tx);
  }
  const replaced: MembershipRef[] = [];
  if (invite.replaces) {
    for (const m of current) {
      // In the audit as the administrator's act, who chose to replace when making the invite.
      if (await deleteMembership(tx, m, { actorId: Number(invite.createdBy), at: now, action: "member.replace", by: person.id })) replaced.push(m);
    }
  }
  return { status: "ok", unitName: invite.unit.name, role: invite.role as Role, already: Boolean(existing), replaced };
}
