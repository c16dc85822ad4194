// Review of the answers to requests (/yeucau): who reviews an answer and a decision on
// it, by the rules and the one transaction of the review of reports (./review.ts):
// the rights read again as the decision is recorded, the conditional update on the
// version, the notice to the branch queued with it.
import { Action, mayAnywhere, reach } from "../domain/access.js";
import type { Actor } from "../domain/roles.js";
import type { AnswerUnderReview } from "../domain/request-review.js";
import { ReviewState } from "../domain/review.js";
import { ANSWER_APPROVED_JOB, ANSWER_RETURNED_JOB, queueAnswerDecisionNotice } from "../outbox/answer-review.js";
import { refusalOf } from "../store/access.js";
import { onDutyChatIds } from "../store/delegations.js";
import { answerOrigin, latestAnswerIdOf, loadAnswerReview, markAnswerDecided, pendingAnswerIds } from "../store/request-review.js";
import { unitTree } from "../store/units.js";
import type { TelegramPerson } from "../store/users.js";
import type { UseCaseDeps } from "./deps.js";
import { recordDecision, type Decision } from "./review.js";

/**
 * The answer version, if it exists and this person reviews its branch now; "own-unit" when they
 * would, but it is their own branch; undefined otherwise (a forged or stale button).
 */
export async function reviewableAnswer(deps: UseCaseDeps, telegramId: number, answerId: number): Promise<AnswerUnderReview | { ownUnit: string } | undefined> {
  const answer = await loadAnswerReview(deps.db, answerId);
  if (!answer) return undefined;
  const why = await refusalOf(deps.db, { telegramId, adminIds: deps.config.ADMIN_IDS, action: Action.REVIEW, unitId: answer.unitId, now: deps.clock(), timeZone: deps.config.TZ });
  if (why === "own-unit") return { ownUnit: answer.unitName };
  return why === undefined ? answer : undefined;
}

/** The branch's answer that counts now in place of `answerId` (replaced while the reviewer looked). */
export async function latestAnswer(deps: UseCaseDeps, answerId: number): Promise<AnswerUnderReview | null> {
  const id = await latestAnswerIdOf(deps.db, answerId);
  return id === null ? null : loadAnswerReview(deps.db, id);
}

export type AnswerDecideResult =
  | { status: "ok" }
  /** Someone decided first, or the version was replaced meanwhile: `answer` says how it stands now. */
  | { status: "too-late"; answer: AnswerUnderReview }
  | { status: "not-allowed" }
  | { status: "own-unit" }
  | { status: "missing" };

export interface AnswerDecision {
  reviewer: TelegramPerson;
  answerId: number;
  decision: Decision["decision"];
  /** Why it is returned. */
  note?: string;
}

/**
 * Approves or returns one answer version. A closed request's answers can still be decided: closing
 * stops the answers, and the export then says which of them the committee approved. Whoever sent
 * the version and whoever files for the branch today hear of it, once.
 */
export async function decideAnswer(deps: UseCaseDeps, d: AnswerDecision): Promise<AnswerDecideResult> {
  const outcome = await recordDecision(deps, d, {
    unitId: async (tx) => (await answerOrigin(tx, d.answerId))?.unitId,
    mark: (tx, write) => markAnswerDecided(tx, d.answerId, write),
    async after(tx, now) {
      const origin = (await answerOrigin(tx, d.answerId))!;
      const chats = [origin.senderTelegramId, ...(await onDutyChatIds(tx, origin.unitId, now, deps.config.TZ))];
      await queueAnswerDecisionNotice(tx, d.decision === ReviewState.RETURNED ? ANSWER_RETURNED_JOB : ANSWER_APPROVED_JOB, d.answerId, chats, now);
    },
  });
  if (outcome !== "unchanged") return { status: outcome };
  const answer = await loadAnswerReview(deps.db, d.answerId);
  return answer ? { status: "too-late", answer } : { status: "missing" };
}

/** The answers waiting for this person's review (/choduyet), oldest first: the first `limit`, and how many in all. */
export async function answerQueue(deps: UseCaseDeps, actor: Actor, limit: number): Promise<{ answers: AnswerUnderReview[]; total: number }> {
  if (!mayAnywhere(actor, Action.REVIEW)) return { answers: [], total: 0 };
  const { ids, total } = await pendingAnswerIds(deps.db, reach(actor, Action.REVIEW, await unitTree(deps.db)), limit);
  const answers: AnswerUnderReview[] = [];
  for (const id of ids) {
    const answer = await loadAnswerReview(deps.db, id);
    if (answer) answers.push(answer);
  }
  return { answers, total };
}
