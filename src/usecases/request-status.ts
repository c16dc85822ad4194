// /yeucau's list and status view, and what its buttons do: remind the missing (once a day,
// through the outbox), close, export. Every action reads the person's roles afresh and asks
// the one rule (src/domain/request-view.ts) before it touches anything.
import { ancestorsIn } from "../domain/access.js";
import { todayIn } from "../domain/meeting.js";
import { RequestStatus } from "../domain/request.js";
import { mayCreateRequest, ownBranchIds, pageOf, requestAccess, statusCounts, type Page, type RequestAccess, type StatusCounts } from "../domain/request-view.js";
import type { Actor } from "../domain/roles.js";
import { enqueue } from "../outbox/enqueue.js";
import { JobKind, type ReminderPayload, type RequestReminderJobPayload } from "../outbox/job-kinds.js";
import { loadActor } from "../store/access.js";
import { onDutyChatIdsByUnit } from "../store/delegations.js";
import { answerCounts, answeredBy, answerFacts, claimReminderDay, closeRequestRow, requestHeads, requestsTargeting, requestTargets, secretariesOf, type RequestHead } from "../store/request-status.js";
import { loadRequest, type RequestRow } from "../store/requests.js";
import { ancestorsOf, unitTree } from "../store/units.js";
import { findUserId } from "../store/users.js";
import type { UseCaseDeps } from "./deps.js";

export interface ListedRequest extends RequestHead {
  targets: number;
  answered: number;
  /** A secretary's or deputy's line: whether their branch answered (undefined for those who manage it). */
  ownAnswered?: boolean;
}

export interface RequestList {
  requests: ListedRequest[];
  page: Page;
  total: number;
  mayCreate: boolean;
}

/**
 * How the person stands to each request. `ancestors`: the units above a request's unit, from
 * one read of the tree for a list, or walked up from the unit for one request (a province's
 * tree is thousands of rows, the walk a few).
 */
async function accessReader(deps: UseCaseDeps, actor: Actor, ancestors: (unitId: number) => readonly number[]) {
  const userId = await findUserId(deps.db, actor.telegramId);
  const targeted = await requestsTargeting(deps.db, ownBranchIds(actor));
  return (r: Pick<RequestHead, "id" | "unitId" | "createdById">): RequestAccess | undefined =>
    requestAccess(actor, { unitId: r.unitId, ancestors: ancestors(r.unitId), madeByThisPerson: userId !== undefined && r.createdById === userId, targetsOwnBranch: targeted.has(r.id) });
}

export async function listRequests(deps: UseCaseDeps, actor: Actor, askedPage: number): Promise<RequestList> {
  const parentOf = new Map((await unitTree(deps.db)).map((u) => [u.id, u.parentId]));
  const accessOf = await accessReader(deps, actor, (unitId) => ancestorsIn(parentOf, unitId));
  const visible = (await requestHeads(deps.db)).map((r) => ({ r, access: accessOf(r) })).filter((x) => x.access !== undefined);
  const page = pageOf(visible.length, askedPage);
  const shown = visible.slice(page.skip, page.skip + page.take);
  const ids = shown.map((x) => x.r.id);
  const counts = await answerCounts(deps.db, ids);
  const own = await answeredBy(deps.db, ids, ownBranchIds(actor));
  const requests = shown.map(({ r, access }) => ({ ...r, ...counts.get(r.id)!, ...(access === "branch" ? { ownAnswered: own.has(r.id) } : {}) }));
  return { requests, page, total: visible.length, mayCreate: mayCreateRequest(actor) };
}

type Refused = { status: "missing" } | { status: "refused" };

/** The request and how the person stands to it, with their roles as they are now. */
async function requestFor(deps: UseCaseDeps, telegramId: number, requestId: number): Promise<Refused | { status: "ok"; request: RequestRow; access: RequestAccess; actor: Actor }> {
  const request = await loadRequest(deps.db, requestId);
  if (!request) return { status: "missing" };
  const actor = await loadActor(deps.db, telegramId, deps.config.ADMIN_IDS);
  const above = await ancestorsOf(deps.db, request.unitId);
  const access = (await accessReader(deps, actor, () => above))(request);
  return access ? { status: "ok", request, access, actor } : { status: "refused" };
}

export interface RequestStatusView {
  status: "ok";
  request: RequestRow;
  access: RequestAccess;
  counts: StatusCounts;
  /** Secretaries of the missing branches, by branch. */
  secretaries: Map<number, string[]>;
  /** A secretary's view: their own branches among the targets, and whether each answered. */
  own: { name: string; answered: boolean }[];
}

export async function requestStatus(deps: UseCaseDeps, telegramId: number, requestId: number): Promise<Refused | RequestStatusView> {
  const found = await requestFor(deps, telegramId, requestId);
  if (found.status !== "ok") return found;
  const targets = await requestTargets(deps.db, requestId);
  const facts = await answerFacts(deps.db, requestId);
  const counts = statusCounts(targets, facts);
  const branches = new Set(ownBranchIds(found.actor));
  const own = targets.filter((t) => branches.has(t.unitId)).map((t) => ({ name: t.name, answered: facts.has(t.unitId) }));
  const secretaries = found.access === "manage" ? await secretariesOf(deps.db, counts.missing.map((b) => b.unitId)) : new Map<number, string[]>();
  return { status: "ok", request: found.request, access: found.access, counts, secretaries, own };
}

export type RemindResult = Refused | { status: "closed" } | { status: "already-today" } | { status: "nobody-missing" } | { status: "reminded"; branches: number; chats: number };

/**
 * Queues today's reminder to every missing branch's on-duty chat, in the transaction that
 * claims the day: a second tap (or a second instance) finds the day taken and queues nothing.
 */
export async function remindMissing(deps: UseCaseDeps, telegramId: number, requestId: number): Promise<RemindResult> {
  const found = await requestFor(deps, telegramId, requestId);
  if (found.status !== "ok") return found;
  if (found.access !== "manage") return { status: "refused" };
  if (found.request.status !== RequestStatus.OPEN) return { status: "closed" };
  const now = deps.clock();
  const day = todayIn(now, deps.config.TZ);
  if (found.request.remindedOn === day) return { status: "already-today" };
  const targets = await requestTargets(deps.db, requestId);
  const facts = await answerFacts(deps.db, requestId);
  const missing = targets.filter((t) => !facts.has(t.unitId)).map((t) => t.unitId);
  if (missing.length === 0) return { status: "nobody-missing" };
  return deps.db.$transaction(
    async (tx): Promise<RemindResult> => {
      if (!(await claimReminderDay(tx, requestId, day))) return { status: "already-today" };
      const byChat = new Map<bigint, number[]>();
      for (const [unitId, chats] of await onDutyChatIdsByUnit(tx, missing, now, deps.config.TZ)) {
        for (const chatId of chats) byChat.set(chatId, [...(byChat.get(chatId) ?? []), unitId]);
      }
      const job = { occasion: `${JobKind.REQUEST_REMINDER}:${requestId}:${day}`, kind: JobKind.REQUEST_REMINDER, payload: { requestId, day } satisfies RequestReminderJobPayload, dueAt: now, now };
      await enqueue(tx, job, [...byChat].map(([chatId, unitIds]) => ({ chatId, payload: { unitIds } satisfies ReminderPayload })));
      const reached = new Set([...byChat.values()].flat());
      return { status: "reminded", branches: reached.size, chats: byChat.size };
    },
    { timeout: 60_000 },
  );
}

export type CloseResult = Refused | { status: "already-closed" } | { status: "closed"; title: string };

export async function closeRequest(deps: UseCaseDeps, telegramId: number, requestId: number): Promise<CloseResult> {
  const found = await requestFor(deps, telegramId, requestId);
  if (found.status !== "ok") return found;
  if (found.access !== "manage") return { status: "refused" };
  const closed = await closeRequestRow(deps.db, { requestId, title: found.request.title, closedBy: telegramId, now: deps.clock() });
  return closed ? { status: "closed", title: found.request.title } : { status: "already-closed" };
}

/** The request, when the person may act on it now (remind, close, export: those who manage it). */
export async function managedRequest(deps: UseCaseDeps, telegramId: number, requestId: number): Promise<Refused | { status: "ok"; request: RequestRow }> {
  const found = await requestFor(deps, telegramId, requestId);
  if (found.status !== "ok") return found;
  return found.access === "manage" ? { status: "ok", request: found.request } : { status: "refused" };
}
