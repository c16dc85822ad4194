// A secretary hands the branch's filing over to its deputies (/uyquyen) or records an
// absence (/nghi), and takes either back. Each act is checked against the person's
// right (src/domain/access.ts, DELEGATE) in the transaction that records it: the role
// may have been removed since the command or its button came in.
import type { Prisma } from "../db/generated/client.js";
import { Action } from "../domain/access.js";
import { checkAbsence, DelegationKind, type AbsenceProblem } from "../domain/delegation.js";
import { todayIn, type IsoDate } from "../domain/meeting.js";
import { refusalOf } from "../store/access.js";
import * as delegations from "../store/delegations.js";
import type { Person, SecretaryAct, Span } from "../store/delegations.js";
import { findUserId } from "../store/users.js";
import type { UseCaseDeps } from "./deps.js";

/** Who asks (by Telegram id), for which of their branches. */
export interface Asker {
  telegramId: number;
  unit: { id: number; code: string };
}

/** No longer the branch's secretary: nothing recorded. */
export type NotSecretary = { status: "not-secretary" };

async function asSecretary<R>(deps: UseCaseDeps, who: Asker, act: (tx: Prisma.TransactionClient, a: SecretaryAct) => Promise<R>): Promise<R | NotSecretary> {
  const now = deps.clock();
  const timeZone = deps.config.TZ;
  const a: SecretaryAct = { unit: who.unit, userId: (await findUserId(deps.db, who.telegramId))!, actorId: who.telegramId, now, timeZone };
  return deps.db.$transaction(async (tx) => {
    const why = await refusalOf(tx, { telegramId: who.telegramId, adminIds: [], action: Action.DELEGATE, unitId: who.unit.id, now, timeZone });
    return why === undefined ? act(tx, a) : { status: "not-secretary" as const };
  });
}

export function startHandover(deps: UseCaseDeps, who: Asker): Promise<delegations.HandoverResult | NotSecretary> {
  return asSecretary(deps, who, delegations.startHandover);
}

/** Ends the hand-over; `absences`: those still ahead, which go on. */
export async function takeBackHandover(
  deps: UseCaseDeps,
  who: Asker,
): Promise<NotSecretary | { status: "ok"; taken: boolean; deputies: Person[]; absences: Span[] }> {
  const r = await asSecretary(deps, who, delegations.takeBackHandover);
  if ("status" in r) return r;
  const today = todayIn(deps.clock(), deps.config.TZ);
  const absences = r.taken ? (await delegations.currentDelegations(deps.db, who.unit.id, today)).filter((d) => d.kind === DelegationKind.ABSENCE) : [];
  return { status: "ok", ...r, absences: absences.map(({ startsOn, endsOn }) => ({ startsOn, endsOn })) };
}

/** `label`: the dates as the secretary reads them, kept in the audit entry. */
export async function recordAbsence(
  deps: UseCaseDeps,
  who: Asker,
  span: { startsOn: IsoDate; endsOn: IsoDate; label: string },
): Promise<delegations.AbsenceResult | NotSecretary | { status: "invalid"; problem: AbsenceProblem }> {
  // A button's dates are checked as typed ones, and against today again: the button may be old.
  const problem = checkAbsence(span.startsOn, span.endsOn, todayIn(deps.clock(), deps.config.TZ));
  if (problem) return { status: "invalid", problem };
  return asSecretary(deps, who, (tx, a) => delegations.recordAbsence(tx, { ...a, ...span }));
}

export async function cancelAbsences(deps: UseCaseDeps, who: Asker): Promise<NotSecretary | { status: "ok"; cancelled: Span[]; deputies: Person[] }> {
  const r = await asSecretary(deps, who, delegations.cancelAbsences);
  return "status" in r ? r : { status: "ok", ...r };
}

/** The hand-overs and absences in force or ahead, branch by branch (/nghi without dates). */
export async function delegationsOf<U extends { id: number }>(deps: UseCaseDeps, units: U[]) {
  const today = todayIn(deps.clock(), deps.config.TZ);
  const out: { unit: U; delegations: Awaited<ReturnType<typeof delegations.currentDelegations>> }[] = [];
  for (const unit of units) out.push({ unit, delegations: await delegations.currentDelegations(deps.db, unit.id, today) });
  return out;
}
