// Making and changing requests for figures (/yeucau): who may, for which units, and the sending
// of a request or its change to the branches' people on duty, in the transaction that stores it.
import { Action, ancestorsIn, may, reach } from "../domain/access.js";
import { RequestStatus, type RequestQuestion } from "../domain/request.js";
import { checkDue, checkQuestions, type Due, type DueProblem, type QuestionsProblem } from "../domain/request-rules.js";
import type { TemplateId } from "../domain/request-templates.js";
import { Role, type Actor } from "../domain/roles.js";
import { branchesUnder, normaliseUnitCode } from "../domain/units.js";
import { queueRequestDeliveries } from "../outbox/request-deliveries.js";
import { loadActor } from "../store/access.js";
import { recentRequests, requestCreatorTelegramId, reviseRequest, unitsForRequests, type CopyableRequest } from "../store/request-changes.js";
import { loadRequest, requestTargetIds, writeRequest } from "../store/requests.js";
import { unitNames } from "../store/request-notice.js";
import { ensureUser, type TelegramPerson } from "../store/users.js";
import type { UseCaseDeps } from "./deps.js";

export interface RequestUnit {
  id: number;
  code: string;
  name: string;
  /** Branches in its subtree: where the request goes */
  branches: number;
}

/** What the form fills in; plain JSON (it lives in the form's state). */
export interface RequestDraft {
  title: string;
  unit: RequestUnit | null;
  due: Due | null;
  questions: RequestQuestion[];
  template: TemplateId | null;
  prefillFromYear: number | null;
}

/** A request to a province's 5,000 branches writes 5,000 targets and deliveries in one transaction: more than the default 5 s may pass on a busy database. */
const LARGE_WRITE = { timeout: 60_000, maxWait: 15_000 };

const actorOf = (deps: UseCaseDeps, telegramId: number) => loadActor(deps.db, telegramId, deps.config.ADMIN_IDS);

async function unitFacts(deps: UseCaseDeps, actor: Actor, unitId: number) {
  const units = await unitsForRequests(deps.db);
  const unit = units.find((u) => u.id === unitId);
  if (!unit) return undefined;
  const parentOf = new Map(units.map((u) => [u.id, u.parentId]));
  const allowed = may(actor, Action.REQUEST, { unitId, ancestors: ancestorsIn(parentOf, unitId), delegated: false });
  return { unit: { id: unit.id, code: unit.code, name: unit.name, branches: branchesUnder(units, unitId).length }, allowed, units };
}

/**
 * The units offered as a request's recipients by a button: the committees the person is a member
 * of (an administrator with none: the top units), those with a branch. Any other unit in scope is
 * typed by its code. Null: the person may make no request.
 */
export async function requestScope(deps: UseCaseDeps, telegramId: number): Promise<RequestUnit[] | null> {
  const actor = await actorOf(deps, telegramId);
  const own = actor.memberships.filter((m) => m.role === Role.COMMITTEE).map((m) => m.unitId);
  if (!actor.isAdmin && own.length === 0) return null;
  const units = await unitsForRequests(deps.db);
  const offered = actor.isAdmin && own.length === 0 ? units.filter((u) => u.parentId === null).map((u) => u.id) : own;
  // A unit with no branch has nobody to answer: not offered (typed, it is refused with the reason).
  return [...new Set(offered)].flatMap((id) => {
    const u = units.find((x) => x.id === id);
    const branches = u ? branchesUnder(units, id).length : 0;
    return u && branches > 0 ? [{ id: u.id, code: u.code, name: u.name, branches }] : [];
  });
}

export type UnitChoice = { status: "ok"; unit: RequestUnit } | { status: "bad-code" | "missing" } | { status: "outside" | "no-branches"; name: string };

/** A unit typed (its code) or chosen (its id, a button's value: input too), checked against the person's scope. */
export async function chooseRequestUnit(deps: UseCaseDeps, telegramId: number, typed: { code: string } | { id: number }): Promise<UnitChoice> {
  const actor = await actorOf(deps, telegramId);
  let unitId: number | undefined;
  if ("code" in typed) {
    const code = normaliseUnitCode(typed.code);
    if (!code) return { status: "bad-code" };
    unitId = (await deps.db.unit.findUnique({ where: { code }, select: { id: true } }))?.id;
  } else unitId = typed.id;
  const facts = unitId === undefined ? undefined : await unitFacts(deps, actor, unitId);
  if (!facts) return { status: "missing" };
  if (!facts.allowed) return { status: "outside", name: facts.unit.name };
  if (facts.unit.branches === 0) return { status: "no-branches", name: facts.unit.name };
  return { status: "ok", unit: facts.unit };
}

/** The latest requests of the units the person may ask: what a new one may start from. */
export async function copyChoices(deps: UseCaseDeps, telegramId: number): Promise<CopyableRequest[]> {
  const actor = await actorOf(deps, telegramId);
  const scope = reach(actor, Action.REQUEST, await unitsForRequests(deps.db));
  return recentRequests(deps.db, scope === "all" ? "all" : [...scope]);
}

/** A request to copy (its title and questions), or null when there is none the person may see. */
export async function requestToCopy(deps: UseCaseDeps, telegramId: number, requestId: number) {
  const r = await loadRequest(deps.db, requestId);
  if (!r) return null;
  const facts = await unitFacts(deps, await actorOf(deps, telegramId), r.unitId);
  if (!facts?.allowed) return null;
  return { title: r.title, questions: r.questions, template: r.template as TemplateId | null, prefillFromYear: r.prefillFromYear };
}

/** Why the draft may not be sent as it is; undefined when it may. */
export function draftProblem(d: RequestDraft, now: Date, timeZone: string): { due: DueProblem | "missing" } | { questions: QuestionsProblem } | undefined {
  const q = checkQuestions(d.questions);
  if (q) return { questions: q };
  const due = d.due ? checkDue(d.due, now, timeZone) : "missing";
  return due ? { due } : undefined;
}

export type SendResult =
  | { status: "sent"; requestId: number; revision: number; branches: number; reached: number; unreached: string[] }
  | { status: "not-allowed" }
  | { status: "closed" }
  | { status: "conflict"; revision: number }
  | { status: "invalid" };

async function sendout(deps: UseCaseDeps, requestId: number, revision: number, sent: { reached: number; unreached: number[] }, branches: number): Promise<SendResult> {
  deps.outbox.kick();
  return { status: "sent", requestId, revision, branches, reached: sent.reached, unreached: await unitNames(deps.db, sent.unreached) };
}

/** Stores a new request and queues it to every branch of the unit's subtree, in one transaction. */
export async function sendNewRequest(deps: UseCaseDeps, person: TelegramPerson, d: RequestDraft): Promise<SendResult> {
  const now = deps.clock();
  const tz = deps.config.TZ;
  if (!d.unit || draftProblem(d, now, tz)) return { status: "invalid" };
  // Asked again at send: the role may have been removed while the form was open.
  const facts = await unitFacts(deps, await actorOf(deps, person.id), d.unit.id);
  if (!facts?.allowed) return { status: "not-allowed" };
  const targets = branchesUnder(facts.units, d.unit.id);
  const createdById = await ensureUser(deps.db, person);
  const { id, sent } = await deps.db.$transaction(async (tx) => {
    const id = await writeRequest(tx, {
      title: d.title,
      unitId: d.unit!.id,
      createdById,
      questions: d.questions,
      dueOn: d.due!.dueOn,
      dueTime: d.due!.dueTime,
      template: d.template,
      prefillFromYear: d.prefillFromYear,
      targetUnitIds: targets,
      now,
    });
    return { id, sent: await queueRequestDeliveries(tx, { requestId: id, revision: 1, unitIds: targets, now, timeZone: tz }) };
  }, LARGE_WRITE);
  return sendout(deps, id, 1, sent, targets.length);
}

export type ChangeOpening = { status: "ok"; draft: RequestDraft; revision: number } | { status: "missing" | "not-yours" | "closed" };

/** The form of a sent request, filled from it: only its creator (still allowed) or an administrator may change it, while it is open. */
export async function openRequestChange(deps: UseCaseDeps, telegramId: number, requestId: number): Promise<ChangeOpening> {
  const r = await loadRequest(deps.db, requestId);
  if (!r) return { status: "missing" };
  const actor = await actorOf(deps, telegramId);
  const facts = await unitFacts(deps, actor, r.unitId);
  const creator = await requestCreatorTelegramId(deps.db, requestId);
  if (!facts || !(actor.isAdmin || (creator === BigInt(telegramId) && facts.allowed))) return { status: "not-yours" };
  if (r.status !== RequestStatus.OPEN) return { status: "closed" };
  const draft: RequestDraft = {
    title: r.title,
    unit: facts.unit,
    due: { dueOn: r.dueOn, dueTime: r.dueTime },
    questions: r.questions,
    template: r.template as TemplateId | null,
    prefillFromYear: r.prefillFromYear,
  };
  return { status: "ok", draft, revision: r.revision };
}

/** Writes the change as the next revision and queues that revision to the request's branches. */
export async function sendRequestChange(deps: UseCaseDeps, telegramId: number, requestId: number, baseRevision: number, d: RequestDraft): Promise<SendResult> {
  const now = deps.clock();
  const tz = deps.config.TZ;
  if (draftProblem(d, now, tz)) return { status: "invalid" };
  const opened = await openRequestChange(deps, telegramId, requestId);
  if (opened.status === "closed") return { status: "closed" };
  if (opened.status !== "ok") return { status: "not-allowed" };
  const targets = await requestTargetIds(deps.db, requestId);
  const change = { requestId, baseRevision, title: d.title, questions: d.questions, dueOn: d.due!.dueOn, dueTime: d.due!.dueTime, prefillFromYear: d.prefillFromYear };
  const outcome = await deps.db.$transaction(async (tx) => {
    const written = await reviseRequest(tx, change);
    if (written.status !== "ok") return written;
    return { status: "ok" as const, revision: written.revision, sent: await queueRequestDeliveries(tx, { requestId, revision: written.revision, unitIds: targets, now, timeZone: tz }) };
  }, LARGE_WRITE);
  if (outcome.status === "ok") return sendout(deps, requestId, outcome.revision, outcome.sent, targets.length);
  if (outcome.status === "conflict") return { status: "conflict", revision: outcome.revision };
  return outcome.status === "closed" ? { status: "closed" } : { status: "not-allowed" };
}
