// The people of a unit (/thanhvien) and the writes that take a role away: removing one
// membership, and replacing a branch's secretary when a replacing invite is accepted.
// Rows are deleted, not marked: every reader of roles (the access loader, reminders,
// menus) then sees the change with no filter to forget; the audit keeps the history.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { Role } from "../domain/roles.js";
import { rolesChanged } from "./access-version.js";
import { audit } from "./audit.js";
import { displayName, displayTitle, NAME_FIELDS } from "./users.js";

type Reader = Db | Prisma.TransactionClient;

export interface MemberRow {
  membershipId: number;
  telegramId: number;
  role: Role;
  /** Full name and position (or the Telegram name until given). */
  title: string;
  since: Date;
}

const ROLE_ORDER: Role[] = [Role.SECRETARY, Role.DEPUTY, Role.COMMITTEE];

/** The unit's people with their roles: secretary first, then deputies, then committee members, each by joining. */
export async function listMembers(db: Reader, unitId: number): Promise<MemberRow[]> {
  const rows = await db.membership.findMany({
    where: { unitId },
    orderBy: { id: "asc" },
    select: { id: true, role: true, createdAt: true, user: { select: { telegramId: true, ...NAME_FIELDS } } },
  });
  return rows
    .map((m) => ({ membershipId: m.id, telegramId: Number(m.user.telegramId), role: m.role as Role, title: displayTitle(m.user), since: m.createdAt }))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role));
}

export interface MembershipRef {
  membershipId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  role: Role;
  telegramId: number;
  name: string;
  title: string;
}

export async function findMembership(db: Reader, membershipId: number): Promise<MembershipRef | null> {
  const m = await db.membership.findUnique({
    where: { id: membershipId },
    select: { id: true, role: true, unit: { select: { id: true, code: true, name: true } }, user: { select: { telegramId: true, ...NAME_FIELDS } } },
  });
  if (!m) return null;
  return {
    membershipId: m.id,
    unitId: m.unit.id,
    unitCode: m.unit.code,
    unitName: m.unit.name,
    role: m.role as Role,
    telegramId: Number(m.user.telegramId),
    name: displayName(m.user),
    title: displayTitle(m.user),
  };
}

/** Deletes the membership and writes why in the audit; false when it was already gone. */
export async function deleteMembership(
  tx: Prisma.TransactionClient,
  m: MembershipRef,
  e: { actorId: number; at: Date; action: "member.remove" | "member.replace"; by?: number },
): Promise<boolean> {
  const { count } = await tx.membership.deleteMany({ where: { id: m.membershipId } });
  if (count === 0) return false;
  await rolesChanged(tx);
  // The person is kept by Telegram id, not by name: /nhatky shows the name they have when it is read.
  const details = { role: m.role, person: m.telegramId };
  if (e.action === "member.replace") await audit(tx, { actorId: e.actorId, at: e.at, action: "member.replace", subject: m.unitCode, details: { ...details, by: e.by } });
  else await audit(tx, { actorId: e.actorId, at: e.at, action: "member.remove", subject: m.unitCode, details });
  return true;
}

/** The branch's secretaries other than `telegramId`: those a replacing invite takes the role from. */
export async function secretariesOf(db: Reader, unitId: number, except?: number): Promise<MembershipRef[]> {
  const rows = await db.membership.findMany({ where: { unitId, role: Role.SECRETARY }, select: { id: true }, orderBy: { id: "asc" } });
  const refs = await Promise.all(rows.map((r) => findMembership(db, r.id)));
  return refs.filter((r): r is MembershipRef => r !== null && r.telegramId !== except);
}

/** Whether the person holds any role left: with none, their open form has nothing it may send. */
export async function holdsAnyRole(db: Reader, telegramId: number): Promise<boolean> {
  return (await db.membership.count({ where: { user: { telegramId: BigInt(telegramId) } } })) > 0;
}

/** Ends the person's open form (conversation state is kept by chat, and a private chat's id is the person's). */
export async function dropOpenForm(tx: Prisma.TransactionClient, telegramId: number): Promise<void> {
  await tx.conversationState.deleteMany({ where: { key: String(telegramId) } });
}
