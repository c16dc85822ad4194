// A request's answers as people read them: one question's answer, the form's summary
// and the receipt.
import { QuestionKind, REQUEST_COHORTS, cohortsTotal, type AnswerValue, type Cohorts, type RequestCohort, type RequestQuestion } from "../domain/request.js";
import type { Translate } from "../i18n.js";

/** A long text is shown cut in a summary: the whole of it is stored and exported. */
const SHOWN_TEXT = 150;
/**
 * In the summary and the receipt each line is cut further, so that 20 questions (REQUEST_LIMITS)
 * of 300-character titles and long answers still fit one Telegram message (4,096 characters).
 */
const LIST_HEADING = 60;
const LIST_ANSWER = 90;
const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);

export function cohortNames(t: Translate): Record<RequestCohort, string> {
  return {
    teachers: t("request-cohort-teachers"),
    pupils: t("request-cohort-pupils"),
    students: t("request-cohort-students"),
    other: t("request-cohort-other"),
  };
}

export function cohortsText(t: Translate, c: Cohorts): string {
  const names = cohortNames(t);
  return t("request-cohorts-shown", { parts: REQUEST_COHORTS.map((k) => `${names[k]}: ${c[k]}`).join("; "), total: cohortsTotal(c) });
}

/** "I.1. Title" or the title alone. */
export const questionHeading = (q: RequestQuestion): string => (q.section ? `${q.section}. ${q.title}` : q.title);

export function answerText(t: Translate, q: RequestQuestion, v: AnswerValue | undefined): string {
  if (v === undefined) return t("request-answer-none");
  switch (q.kind) {
    case QuestionKind.NUMBER:
      return String(v as number);
    case QuestionKind.COHORTS:
      return cohortsText(t, v as Cohorts);
    case QuestionKind.SHORT_TEXT:
    case QuestionKind.LONG_TEXT: {
      const s = v as string;
      return s.length > SHOWN_TEXT ? `${s.slice(0, SHOWN_TEXT)}…` : s;
    }
    case QuestionKind.FILES:
      return t("request-files-count", { count: (v as unknown[]).length });
    case QuestionKind.CHOICE:
      return q.options?.[(v as { choice: number }).choice] ?? t("request-answer-none");
  }
}

/** Each question with its answer, one line each. */
export function answersList(t: Translate, questions: readonly RequestQuestion[], values: Record<string, AnswerValue>): string {
  return questions.map((q) => `• ${cut(questionHeading(q), LIST_HEADING)}: ${cut(answerText(t, q, values[q.id]), LIST_ANSWER)}`).join("\n");
}
