// The request form's texts built from its draft: the list of questions and the summary shown
// before sending. A long title is cut in the list so twenty questions fit one message.
import type { RequestQuestion } from "../domain/request.js";
import { formatEffectiveDue } from "../domain/request-deadline.js";
import type { Due } from "../domain/request-rules.js";
import { requestMove, withMove } from "./deadline-moved.js";
import type { Translate } from "../i18n.js";

const SHOWN_TITLE = 120;

export function questionLine(t: Translate, q: RequestQuestion, n: number): string {
  const title = q.title.length > SHOWN_TITLE ? `${q.title.slice(0, SHOWN_TITLE)}…` : q.title;
  const all = q.options?.join(" / ") ?? "";
  const options = q.options ? `: ${all.length > SHOWN_TITLE ? `${all.slice(0, SHOWN_TITLE)}…` : all}` : "";
  return t("request-question-line", { n, section: q.section ? `${q.section}. ` : "", title, kind: `${t(`request-kind-${q.kind}`)}${options}` });
}

export function questionList(t: Translate, questions: readonly RequestQuestion[]): string {
  return [t("request-questions-head", { count: questions.length }), ...questions.map((q, i) => questionLine(t, q, i + 1))].join("\n");
}

export interface SummaryDraft {
  title: string;
  unit: { name: string; branches: number } | null;
  due: Due | null;
  questions: readonly RequestQuestion[];
  prefillFromYear: number | null;
}

/** `revision`: the request being changed, whose change becomes the next revision. */
export function requestSummary(t: Translate, d: SummaryDraft, revision?: number): string {
  const lines = [
    revision === undefined ? t("request-summary-head", { title: d.title }) : t("request-summary-head-change", { title: d.title, revision: revision + 1 }),
    t("request-summary-unit", { unit: d.unit?.name ?? "", count: d.unit?.branches ?? 0 }),
    withMove(t, t("request-summary-due", { due: d.due ? formatEffectiveDue(d.due) : "" }), d.due ? requestMove(d.due) : undefined),
  ];
  if (d.prefillFromYear !== null) lines.push(t("request-summary-year", { year: String(d.prefillFromYear) }));
  return [...lines, "", questionList(t, d.questions)].join("\n");
}
