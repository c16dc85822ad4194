// What /yeucau's list and status view read of requests, and the two changes made from
// the view: the day's reminder claimed, the request closed. Long id lists go in batches.
import type { Db } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";
import { RequestStatus } from "../domain/request.js";
import type { AnswerFact, TargetBranch } from "../domain/request-view.js";
import { Role } from "../domain/roles.js";
import { audit } from "./audit.js";
import { inIdBatches } from "./id-batches.js";
import { displayName, NAME_FIELDS } from "./users.js";

type Tx = Prisma.TransactionClient;

export interface RequestHead {
  id: number;
  title: string;
  unitId: number;
  createdById: number;
  dueOn: string;
  dueTime: string | null;
  status: string;
  revision: number;
}

/** Every request, newest first: a committee sends tens a year, and who may see which is the domain's rule. */
export function requestHeads(db: Db): Promise<RequestHead[]> {
  return db.infoRequest.findMany({
    select: { id: true, title: true, unitId: true, createdById: true, dueOn: true, dueTime: true, status: true, revision: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
}

/** The requests sent to any of these branches. */
export async function requestsTargeting(db: Db, branchIds: number[]): Promise<Set<number>> {
  if (branchIds.length === 0) return new Set();
  const rows = await db.requestTarget.findMany({ where: { unitId: { in: branchIds } }, select: { requestId: true } });
  return new Set(rows.map((r) => r.requestId));
}

/** Branches each request went to, and how many of them answered. */
export async function answerCounts(db: Db, requestIds: number[]): Promise<Map<number, { targets: number; answered: number }>> {
  const out = new Map(requestIds.map((id) => [id, { targets: 0, answered: 0 }]));
  if (requestIds.length === 0) return out;
  const targets = await db.requestTarget.groupBy({ by: ["requestId"], where: { requestId: { in: requestIds } }, _count: { _all: true } });
  const answered = await db.requestAnswer.groupBy({ by: ["requestId"], where: { requestId: { in: requestIds }, supersededAt: null }, _count: { _all: true } });
  for (const t of targets) out.get(t.requestId)!.targets = t._count._all;
  for (const a of answered) out.get(a.requestId)!.answered = a._count._all;
  return out;
}

/** Which of these requests one of these branches answered (a secretary's list says so). */
export async function answeredBy(db: Db, requestIds: number[], branchIds: number[]): Promise<Set<number>> {
  if (requestIds.length === 0 || branchIds.length === 0) return new Set();
  const rows = await db.requestAnswer.findMany({ where: { requestId: { in: requestIds }, unitId: { in: branchIds }, supersededAt: null }, select: { requestId: true } });
  return new Set(rows.map((r) => r.requestId));
}

/** The branches a request went to, by code: one join (a relation select would send thousands of ids back in a second query). */
export async function requestTargets(db: Db, requestId: number): Promise<TargetBranch[]> {
  const rows = await db.$queryRaw<{ unitId: number; code: string; name: string }[]>(Prisma.sql`
    SELECT t."unitId" AS "unitId", u."code" AS "code", u."name" AS "name"
    FROM "RequestTarget" t JOIN "Unit" u ON u."id" = t."unitId"
    WHERE t."requestId" = ${requestId}`);
  return rows.map((r) => ({ unitId: Number(r.unitId), code: r.code, name: r.name })).sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** The current answers without their values: what the status view counts. */
export async function answerFacts(db: Db, requestId: number): Promise<Map<number, AnswerFact>> {
  const rows = await db.requestAnswer.findMany({ where: { requestId, supersededAt: null }, select: { unitId: true, late: true, reviewState: true } });
  return new Map(rows.map((r) => [r.unitId, r]));
}

/** The secretaries of many branches, by branch: whom a committee calls about a missing answer. */
export async function secretariesOf(db: Db, unitIds: number[]): Promise<Map<number, string[]>> {
  const rows = await inIdBatches(unitIds, (batch) =>
    db.membership.findMany({ where: { role: Role.SECRETARY, unitId: { in: batch } }, select: { id: true, unitId: true, user: { select: NAME_FIELDS } } }),
  );
  const out = new Map<number, string[]>();
  for (const r of rows.sort((a, b) => a.id - b.id)) out.set(r.unitId, [...(out.get(r.unitId) ?? []), displayName(r.user)]);
  return out;
}

/** People's names by user id (who answered, in the export). */
export async function namesByUserId(db: Db, ids: number[]): Promise<Map<number, string>> {
  const rows = await inIdBatches([...new Set(ids)], (batch) => db.user.findMany({ where: { id: { in: batch } }, select: { id: true, ...NAME_FIELDS } }));
  return new Map(rows.map((r) => [r.id, displayName(r)]));
}

/**
 * Claims today's reminder of an open request: true for the one call that moved remindedOn to
 * today (of two taps at once, one wins), false when it was done today already or is closed.
 */
export async function claimReminderDay(tx: Tx, requestId: number, today: string): Promise<boolean> {
  const r = await tx.infoRequest.updateMany({
    where: { id: requestId, status: RequestStatus.OPEN, OR: [{ remindedOn: null }, { remindedOn: { not: today } }] },
    data: { remindedOn: today },
  });
  return r.count === 1;
}

/** Closes an open request, written to /nhatky; false when it was closed already. */
export async function closeRequestRow(db: Db, a: { requestId: number; title: string; closedBy: number; now: Date }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const r = await tx.infoRequest.updateMany({ where: { id: a.requestId, status: RequestStatus.OPEN }, data: { status: RequestStatus.CLOSED, closedAt: a.now } });
    if (r.count === 0) return false;
    await audit(tx, { actorId: a.closedBy, action: "request.close", subject: `request:${a.requestId}`, details: { title: a.title }, at: a.now });
    return true;
  });
}
