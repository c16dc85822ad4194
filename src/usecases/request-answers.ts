// Answering a request (/yeucau's "✍️ Trả lời"): what the form opens with, and the saving,
// where everything is asked again in the transaction that stores the version (rights are
// checked when written): the request still open and unchanged, the person still on duty
// for the branch, every answer valid.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import type { Refusal } from "../domain/access.js";
import { isAnswerLate } from "../domain/request-deadline.js";
import { answerProblems } from "../domain/request-answers.js";
import { RequestStatus, type AnswerValues, type RequestQuestion } from "../domain/request.js";
import { currentAnswer, loadRequest, loadRequestIn, requestTargetIds, saveCheckedAnswer } from "../store/requests.js";
import { requestCloser } from "../store/request-facts.js";
import { findUserId } from "../store/users.js";
import type { UseCaseDeps } from "./deps.js";
import { filingRights, refusalIn, type FilingUnit } from "./filing.js";
import { prefillAnswers, type Prefilled } from "./request-prefill.js";
import { queueAnswerReview } from "../outbox/answer-review.js";

type Reader = Db | Prisma.TransactionClient;

/** What the form shows of the request (plain JSON). */
export interface RequestShown {
  id: number;
  title: string;
  revision: number;
  questions: RequestQuestion[];
  dueOn: string;
  dueTime: string | null;
}

/** Why a request cannot be answered now, whoever asks. */
export type RequestRefusal =
  | { why: "missing" }
  | { why: "closed"; title: string; closedAt: string | null; by?: string }
  /** The button is of a replaced revision: `revision` is the current one. */
  | { why: "old-revision"; title: string; revision: number };

export type AnswerOpening =
  | RequestRefusal
  /** Not on duty for any of its branches today; `waiting`: deputies' branches without a hand-over. */
  | { why: "not-filer"; title: string; waiting: string[] }
  | { why?: undefined; userId: number; request: RequestShown; units: FilingUnit[] };

async function requestRefusal(db: Reader, requestId: number, revision: number): Promise<RequestRefusal | { row: RequestShown }> {
  const r = await loadRequestIn(db, requestId);
  if (!r || r.sentAt === null) return { why: "missing" };
  if (r.status !== RequestStatus.OPEN) {
    const by = await requestCloser(db, requestId);
    return { why: "closed", title: r.title, closedAt: r.closedAt?.toISOString() ?? null, ...(by ? { by } : {}) };
  }
  if (r.revision !== revision) return { why: "old-revision", title: r.title, revision: r.revision };
  return { row: { id: r.id, title: r.title, revision: r.revision, questions: r.questions, dueOn: r.dueOn, dueTime: r.dueTime } };
}

/** The button's request and revision, as pressed by `telegramId`: whether and for which branches they answer. */
export async function openAnswer(deps: UseCaseDeps, telegramId: number, requestId: number, revision: number): Promise<AnswerOpening> {
  const r = await requestRefusal(deps.db, requestId, revision);
  if (!("row" in r)) return r;
  const targets = new Set(await requestTargetIds(deps.db, requestId));
  const rights = await filingRights(deps.db, telegramId, deps.clock(), deps.config.TZ);
  const units = rights.may.filter((u) => targets.has(u.id));
  const userId = await findUserId(deps.db, telegramId);
  if (units.length === 0 || userId === undefined) {
    return { why: "not-filer", title: r.row.title, waiting: rights.waiting.filter((u) => targets.has(u.id)).map((u) => u.name) };
  }
  return { userId, request: r.row, units };
}

/** What one branch's answer starts from: its current version (amending), and the pre-filled figures. */
export interface AnswerStart {
  current: { version: number; values: AnswerValues; submittedAt: string; late: boolean } | null;
  prefill: Record<string, Prefilled>;
}

export async function answerStart(deps: UseCaseDeps, requestId: number, unitId: number): Promise<AnswerStart> {
  const r = await loadRequest(deps.db, requestId);
  const cur = await currentAnswer(deps.db, requestId, unitId);
  return {
    current: cur ? { version: cur.version, values: cur.values, submittedAt: cur.submittedAt.toISOString(), late: cur.late } : null,
    prefill: r ? await prefillAnswers(deps, r, unitId) : {},
  };
}

export interface AnswerToFile {
  telegramId: number;
  userId: number;
  requestId: number;
  /** The revision the person answered (the questions they saw) */
  revision: number;
  unitId: number;
  values: AnswerValues;
  /** The totals the cohorts were to add up to, by question id, as the form showed them */
  totals: Record<string, number>;
  baseVersion: number;
}

export type AnswerSaveRefusal = RequestRefusal | { why: "no-rights"; refusal: Refusal } | { why: "not-target" } | { why: "invalid"; questions: string[] };

/** Plain JSON for the form (`at` an ISO time). */
export type FiledAnswer = ({ status: "ok"; version: number } | { status: "conflict"; version: number } | { status: "refused"; refusal: AnswerSaveRefusal }) & {
  at: string;
  late: boolean;
};

export async function fileAnswer(deps: UseCaseDeps, a: AnswerToFile): Promise<FiledAnswer> {
  const at = deps.clock();
  const tz = deps.config.TZ;
  // The due date of the revision answered: another revision is refused below, whatever it says.
  const request = await loadRequest(deps.db, a.requestId);
  const late = request ? isAnswerLate(request, at, tz) : false;
  const written = await saveCheckedAnswer<AnswerSaveRefusal>(
    deps.db,
    { requestId: a.requestId, unitId: a.unitId, revision: a.revision, values: a.values, late, submittedById: a.userId, now: at, baseVersion: a.baseVersion },
    async (tx) => {
      const checked = await requestRefusal(tx, a.requestId, a.revision);
      if (!("row" in checked)) return checked;
      if (!(await tx.requestTarget.findUnique({ where: { requestId_unitId: { requestId: a.requestId, unitId: a.unitId } } }))) return { why: "not-target" };
      const refusal = refusalIn(await filingRights(tx, a.telegramId, at, tz), a.unitId);
      if (refusal) return { why: "no-rights", refusal };
      const problems = answerProblems(checked.row.questions, a.values, a.totals);
      return problems.length > 0 ? { why: "invalid", questions: problems } : undefined;
    },
    (tx, answerId, version) => answerSaved(tx, { answerId, requestId: a.requestId, unitId: a.unitId, version }),
  );
  if (written.status === "ok") deps.outbox.kick();
  const base = { at: at.toISOString(), late };
  if (written.status === "refused") return { status: "refused", refusal: written.why, ...base };
  if (written.status === "conflict") return { status: "conflict", version: (await currentAnswer(deps.db, a.requestId, a.unitId))?.version ?? 0, ...base };
  return { status: "ok", version: written.version, ...base };
}

export interface SavedAnswer {
  answerId: number;
  requestId: number;
  unitId: number;
  version: number;
}

/**
 * Called once for every version saved, inside the transaction that stores it: where what
 * follows an answer is queued: the review card to the committee, queued exactly when the version is.
 */
export async function answerSaved(tx: Prisma.TransactionClient, saved: SavedAnswer): Promise<void> {
  await queueAnswerReview(tx, saved.answerId);
}
