// A sent request changed by its creator (a new revision), and the requests a person may
// start a new one from. The rows are read through src/store/requests.ts's one reading.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { RequestStatus, type RequestQuestion } from "../domain/request.js";

export interface RequestChange {
  requestId: number;
  /** The revision the form was filled from: a change written meanwhile is a conflict, not overwritten */
  baseRevision: number;
  title: string;
  questions: readonly RequestQuestion[];
  dueOn: string;
  dueTime: string | null;
  prefillFromYear: number | null;
}

export type ReviseResult = { status: "ok"; revision: number } | { status: "conflict"; revision: number } | { status: "closed" } | { status: "missing" };

/**
 * Writes the change as the next revision, in the caller's transaction, only while the request is
 * open and still at the revision the form started from (one statement decides, so two changes at
 * once cannot both win).
 */
export async function reviseRequest(tx: Prisma.TransactionClient, c: RequestChange): Promise<ReviseResult> {
  const next = c.baseRevision + 1;
  const written = await tx.infoRequest.updateMany({
    where: { id: c.requestId, revision: c.baseRevision, status: RequestStatus.OPEN },
    data: {
      title: c.title,
      questions: JSON.stringify(c.questions),
      dueOn: c.dueOn,
      dueTime: c.dueTime,
      prefillFromYear: c.prefillFromYear,
      revision: next,
    },
  });
  if (written.count === 1) return { status: "ok", revision: next };
  const now = await tx.infoRequest.findUnique({ where: { id: c.requestId }, select: { status: true, revision: true } });
  if (!now) return { status: "missing" };
  if (now.status !== RequestStatus.OPEN) return { status: "closed" };
  return { status: "conflict", revision: now.revision };
}

/** The Telegram id of the person who made the request; null when there is no such request. */
export async function requestCreatorTelegramId(db: Db, requestId: number): Promise<bigint | null> {
  const r = await db.infoRequest.findUnique({ where: { id: requestId }, select: { createdBy: { select: { telegramId: true } } } });
  return r?.createdBy.telegramId ?? null;
}

export interface CopyableRequest {
  id: number;
  title: string;
  dueOn: string;
}

/** The latest requests of these units (or of every unit), newest first: what a new request may be copied from. */
export async function recentRequests(db: Db, unitIds: readonly number[] | "all", take = 8): Promise<CopyableRequest[]> {
  return db.infoRequest.findMany({
    where: unitIds === "all" ? {} : { unitId: { in: [...unitIds] } },
    orderBy: { id: "desc" },
    take,
    select: { id: true, title: true, dueOn: true },
  });
}

/** Every unit's place in the tree with its kind, code and name: a request's reach is a unit's subtree. */
export function unitsForRequests(db: Db): Promise<{ id: number; parentId: number | null; kind: string; code: string; name: string }[]> {
  return db.unit.findMany({ select: { id: true, parentId: true, kind: true, code: true, name: true }, orderBy: { code: "asc" } });
}
