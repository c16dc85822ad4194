// The figures a branch's answer starts from, worked out from what it already reported:
// shown with a one-tap "✅ Đúng" and corrected by typing (src/bot/requests/answer-questions.ts).
import { periodOf } from "../domain/period.js";
import { cohortsTotal, PrefillKey, QuestionKind, type AnswerValue, type RequestQuestion } from "../domain/request.js";
import { lastOnRoll } from "../store/meetings.js";
import { admittedSince, latestCandidates } from "../store/request-facts.js";
import type { UseCaseDeps } from "./deps.js";

/** Plain JSON (kept in the form's log): a value to confirm, and/or the total the cohorts must add up to. */
export interface Prefilled {
  value?: AnswerValue;
  total?: number;
}

/** By question id, for the questions with a `prefill` the branch has figures for. */
export async function prefillAnswers(
  deps: UseCaseDeps,
  request: { questions: readonly RequestQuestion[]; prefillFromYear: number | null },
  unitId: number,
): Promise<Record<string, Prefilled>> {
  const out: Record<string, Prefilled> = {};
  // Without a start year the figures count from January of this year.
  const fromYear = request.prefillFromYear ?? periodOf(deps.clock(), deps.config.TZ).year;
  for (const q of request.questions) {
    if (!q.prefill) continue;
    const p = await prefillOne(deps, q, q.prefill, unitId, fromYear);
    if (p) out[q.id] = p;
  }
  return out;
}

async function prefillOne(deps: UseCaseDeps, q: RequestQuestion, key: PrefillKey, unitId: number, fromYear: number): Promise<Prefilled | undefined> {
  switch (key) {
    case PrefillKey.ADMITTED_SINCE: {
      const admitted = await admittedSince(deps.db, unitId, fromYear);
      if (q.kind === QuestionKind.COHORTS) return { value: admitted };
      return q.kind === QuestionKind.NUMBER ? { value: cohortsTotal(admitted) } : undefined;
    }
    case PrefillKey.CANDIDATES_NOW: {
      const candidates = await latestCandidates(deps.db, unitId);
      if (candidates === undefined) return undefined;
      // The monthly report counts candidates without cohorts: the branch splits the total.
      if (q.kind === QuestionKind.COHORTS) return { total: candidates };
      return q.kind === QuestionKind.NUMBER ? { value: candidates } : undefined;
    }
    case PrefillKey.MEMBERS_NOW: {
      const onRoll = await lastOnRoll(deps.db, unitId);
      return onRoll !== undefined && q.kind === QuestionKind.NUMBER ? { value: onRoll } : undefined;
    }
  }
}
