// Hand-overs (/uyquyen) and absences (/nghi) of a branch's secretary, and who is on duty.
import { rolesChanged } from "./access-version.js";
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { DelegationKind, isActive, onDuty } from "../domain/delegation.js";
import { todayIn, type IsoDate } from "../domain/meeting.js";
import { Role } from "../domain/roles.js";
import { audit } from "./audit.js";
import { inIdBatches } from "./id-batches.js";
import { displayName, NAME_FIELDS } from "./users.js";

type Reader = Db | Prisma.TransactionClient;

export interface Person {
  telegramId: bigint;
  name: string;
}

export interface Span {
  startsOn: IsoDate;
  endsOn: IsoDate | null;
}

/**
 * Who asks, for which branch. `userId` is the secretary's User.id, `actorId` their Telegram id.
 * The writes below run in the caller's transaction, which has checked the secretary's right
 * (src/usecases/handover.ts).
 */
export interface SecretaryAct {
  unit: { id: number; code: string };
  userId: number;
  actorId: number;
  now: Date;
  timeZone: string;
}

type Tx = Prisma.TransactionClient;

export async function deputiesOf(db: Reader, unitId: number): Promise<Person[]> {
  const rows = await db.membership.findMany({
    where: { unitId, role: Role.DEPUTY },
    select: { user: { select: { telegramId: true, ...NAME_FIELDS } } },
    orderBy: { id: "asc" },
  });
  return rows.map((m) => ({ telegramId: m.user.telegramId, name: displayName(m.user) }));
}

/** Delegations not taken back that have not ended by `today`, oldest first. */
export function currentDelegations(db: Reader, unitId: number, today: IsoDate) {
  return db.delegation.findMany({
    where: { unitId, revokedAt: null, OR: [{ endsOn: null }, { endsOn: { gte: today } }] },
    select: { id: true, kind: true, startsOn: true, endsOn: true, revokedAt: true },
    orderBy: [{ startsOn: "asc" }, { id: "asc" }],
  });
}

export type HandoverResult =
  | { status: "ok"; deputies: Person[] }
  | { status: "already"; since: IsoDate; deputies: Person[] }
  | { status: "no-deputy" };

export async function startHandover(tx: Tx, a: SecretaryAct): Promise<HandoverResult> {
  const today = todayIn(a.now, a.timeZone);
  const deputies = await deputiesOf(tx, a.unit.id);
  if (deputies.length === 0) return { status: "no-deputy" };
  const open = await tx.delegation.findFirst({
    where: { unitId: a.unit.id, kind: DelegationKind.HANDOVER, revokedAt: null },
    orderBy: { id: "asc" },
  });
  if (open) return { status: "already", since: open.startsOn, deputies };
  await tx.delegation.create({
    data: { unitId: a.unit.id, fromUserId: a.userId, kind: DelegationKind.HANDOVER, startsOn: today, endsOn: null, createdAt: a.now },
  });
  await rolesChanged(tx);
  const name = deputies.map((d) => d.name).join(", ");
  await audit(tx, { actorId: a.actorId, at: a.now, action: "delegation.handover", subject: a.unit.code, details: { name } });
  return { status: "ok", deputies };
}

/** Ends the branch's hand-over; `taken` is false when there was none. */
export async function takeBackHandover(tx: Tx, a: SecretaryAct): Promise<{ taken: boolean; deputies: Person[] }> {
  const revoked = await tx.delegation.updateMany({
    where: { unitId: a.unit.id, kind: DelegationKind.HANDOVER, revokedAt: null },
    data: { revokedAt: a.now },
  });
  const deputies = await deputiesOf(tx, a.unit.id);
  if (revoked.count > 0) await rolesChanged(tx);
  if (revoked.count > 0) await audit(tx, { actorId: a.actorId, at: a.now, action: "delegation.takeback", subject: a.unit.code, details: {} });
  return { taken: revoked.count > 0, deputies };
}

export type AbsenceResult =
  | { status: "ok"; deputies: Person[] }
  | { status: "no-deputy" }
  | { status: "overlap"; existing: Span };

export async function recordAbsence(tx: Tx, a: SecretaryAct & { startsOn: IsoDate; endsOn: IsoDate; label: string }): Promise<AbsenceResult> {
  const today = todayIn(a.now, a.timeZone);
  const deputies = await deputiesOf(tx, a.unit.id);
  if (deputies.length === 0) return { status: "no-deputy" };
  // Two absences over the same days would leave one behind when the other is cancelled.
  const clash = (await currentDelegations(tx, a.unit.id, today)).find(
    (d) => d.kind === DelegationKind.ABSENCE && d.startsOn <= a.endsOn && a.startsOn <= d.endsOn!,
  );
  if (clash) return { status: "overlap", existing: { startsOn: clash.startsOn, endsOn: clash.endsOn } };
  await tx.delegation.create({
    data: { unitId: a.unit.id, fromUserId: a.userId, kind: DelegationKind.ABSENCE, startsOn: a.startsOn, endsOn: a.endsOn, createdAt: a.now },
  });
  await rolesChanged(tx);
  // `title` is what /nhatky shows (auditText); the dates are kept as written too.
  await audit(tx, {
    actorId: a.actorId,
    at: a.now,
    action: "delegation.absence",
    subject: a.unit.code,
    details: { startsOn: a.startsOn, endsOn: a.endsOn, title: a.label },
  });
  return { status: "ok", deputies };
}

/** Cancels the branch's current and upcoming absences; returns them (none: nothing to cancel). */
export async function cancelAbsences(tx: Tx, a: SecretaryAct): Promise<{ cancelled: Span[]; deputies: Person[] }> {
  const today = todayIn(a.now, a.timeZone);
  const absences = (await currentDelegations(tx, a.unit.id, today)).filter((d) => d.kind === DelegationKind.ABSENCE);
  if (absences.length > 0) {
    await tx.delegation.updateMany({ where: { id: { in: absences.map((d) => d.id) } }, data: { revokedAt: a.now } });
    await rolesChanged(tx);
    await audit(tx, { actorId: a.actorId, at: a.now, action: "delegation.cancel", subject: a.unit.code, details: { count: absences.length } });
  }
  return { cancelled: absences.map((d) => ({ startsOn: d.startsOn, endsOn: d.endsOn })), deputies: await deputiesOf(tx, a.unit.id) };
}

/**
 * Branches with a delegation in force on `today`. Delegations not taken back and not over
 * are few at any time, so they are all read rather than sent a list of branch ids.
 */
export async function delegatedUnitIds(db: Reader, today: IsoDate, onlyUnit?: number): Promise<Set<number>> {
  const rows = await db.delegation.findMany({
    where: {
      ...(onlyUnit === undefined ? {} : { unitId: onlyUnit }),
      revokedAt: null,
      startsOn: { lte: today },
      OR: [{ endsOn: null }, { endsOn: { gte: today } }],
    },
    select: { unitId: true, startsOn: true, endsOn: true, revokedAt: true },
  });
  return new Set(rows.filter((d) => isActive(d, today)).map((d) => d.unitId));
}

/** Telegram ids of whoever is on duty for each branch at `now` (see onDuty); every branch asked for is in the map. */
export async function onDutyChatIdsByUnit(db: Reader, unitIds: number[], now: Date, timeZone: string): Promise<Map<number, bigint[]>> {
  const delegated = await delegatedUnitIds(db, todayIn(now, timeZone), unitIds.length === 1 ? unitIds[0] : undefined);
  const members = new Map<number, { role: string; who: bigint }[]>(unitIds.map((id) => [id, []]));
  const rows = await inIdBatches(unitIds, (batch) =>
    db.membership.findMany({
      where: { unitId: { in: batch }, role: { in: [Role.SECRETARY, Role.DEPUTY] } },
      select: { id: true, unitId: true, role: true, user: { select: { telegramId: true } } },
    }),
  );
  for (const m of rows.sort((a, b) => a.id - b.id)) members.get(m.unitId)!.push({ role: m.role, who: m.user.telegramId });
  return new Map([...members].map(([unitId, list]) => [unitId, onDuty(list, delegated.has(unitId))]));
}

/** Telegram ids of whoever is on duty for one branch at `now`: its deputies during a delegation, otherwise its secretaries. */
export async function onDutyChatIds(db: Db | Prisma.TransactionClient, unitId: number, now: Date, timeZone: string): Promise<bigint[]> {
  return (await onDutyChatIdsByUnit(db, [unitId], now, timeZone)).get(unitId)!;
}
