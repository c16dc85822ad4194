// The questions of the monthly report, in the order a secretary meets them.
import {
  addMonths,
  checkReportPeriod,
  defaultReportPeriod,
  formatPeriod,
  parseReportPeriod,
  periodValue,
  reportOpensOn,
  type Period,
  type ReportPeriodProblem,
} from "../../domain/period.js";
import { formatDate } from "../../domain/time.js";
import { COUNT_LIMITS, TEXT_LIMITS, type CountField } from "../../domain/report.js";
import type { Parsed, Question } from "../forms/session.js";
import { countQuestion, fieldQuestion, textQuestion } from "../forms/questions.js";
import type { Translate } from "../../i18n.js";

/** Why a month cannot be reported, with the day it opens and the latest month that can be. */
export function periodProblemText(t: Translate, problem: ReportPeriodProblem, period: Period | undefined, now: Date, timeZone: string): string {
  return t(`report-period-${problem}`, {
    period: period ? formatPeriod(period) : "",
    opens: period ? formatDate(reportOpensOn(period, timeZone), timeZone) : "",
    latest: formatPeriod(defaultReportPeriod(now, timeZone)),
  });
}

/** Buttons for `suggested` and the month before, those that may be reported now; or a month typed. */
export function periodQuestion(t: Translate, suggested: Period, now: Date, timeZone: string): Question<Period> {
  const options = [suggested, addMonths(suggested, -1)].filter((p) => !checkReportPeriod(p, now, timeZone));
  return {
    text: t("report-ask-period"),
    buttons: [options.map((p) => ({ label: t("report-period-button", { period: formatPeriod(p) }), value: periodValue(p) }))],
    parse(answer): Parsed<Period> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      // A pressed button's value goes through the same checks as a typed month: the client can send any.
      const r = parseReportPeriod("choice" in answer ? { value: answer.choice } : { text: answer.text }, now, timeZone);
      if (r.ok) return { ok: true, value: r.period, shown: formatPeriod(r.period) };
      return { ok: false, error: periodProblemText(t, r.problem, r.period, now, timeZone) };
    },
  };
}

/** Quick answers for monthly flows: most months are 0, 1 or 2. */
const QUICK = [0, 1, 2, 3, 4, 5];

export function figureQuestion(t: Translate, field: CountField, previous?: number): Question<number> {
  const carriesOver = field === "candidates" || field === "applicationsInReview";
  return countQuestion(t, t(`report-ask-${field}`), {
    max: COUNT_LIMITS[field],
    quick: carriesOver ? [0] : QUICK,
    ...(carriesOver && previous !== undefined ? { offer: { label: t("report-same-as-last", { n: previous }), value: previous } } : {}),
  });
}

/** One cohort of those admitted; `left` is how many are not yet assigned to a cohort. */
export function cohortQuestion(t: Translate, field: CountField, total: number, left: number): Question<number> {
  return countQuestion(t, t(`report-ask-${field}`, { total, left }), {
    max: left,
    quick: QUICK.filter((n) => n <= left),
    tooLarge: t("report-cohort-too-many", { left, total }),
  });
}

export function reasonQuestion(t: Translate): Question<string | null> {
  return textQuestion(t, t("report-ask-removedReason"), { max: TEXT_LIMITS.removedReason, skippable: false });
}

export function noteQuestion(t: Translate): Question<string | null> {
  return textQuestion(t, t("report-ask-note"), { max: TEXT_LIMITS.note, skippable: true });
}

export const EDITABLE = [
  "period",
  "candidates",
  "awarenessClass",
  "applicationsInReview",
  "admitted",
  "madeFull",
  "removed",
  "transfers",
  "note",
] as const;
export type EditableGroup = (typeof EDITABLE)[number];

export function whichFieldQuestion(t: Translate): Question<EditableGroup> {
  return fieldQuestion(t, EDITABLE.map((g) => ({ label: t(`report-field-${g}`), value: g })));
}
