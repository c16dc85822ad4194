// The questions of the monthly report, in the order a secretary meets them.
import { addMonths, checkPeriod, formatPeriod, parsePeriod, type Period } from "../../domain/period.js";
import { COUNT_LIMITS, TEXT_LIMITS, type CountField } from "../../domain/report.js";
import type { Parsed, Question } from "../forms/session.js";
import { countQuestion, fieldQuestion, textQuestion } from "../forms/questions.js";

type T = (key: string, vars?: Record<string, string | number>) => string;

const periodValue = (p: Period) => `${p.year}-${p.month}`;

export function periodQuestion(t: T, suggested: Period, now: Date, timeZone: string): Question<Period> {
  const options = [suggested, addMonths(suggested, -1)];
  return {
    text: t("report-ask-period"),
    buttons: [options.map((p) => ({ label: t("report-period-button", { period: formatPeriod(p) }), value: periodValue(p) }))],
    parse(answer): Parsed<Period> {
      let r: Period | ReturnType<typeof checkPeriod>;
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      if ("choice" in answer) {
        const [year, month] = answer.choice.split("-").map(Number);
        const p = { year: year!, month: month! };
        r = checkPeriod(p, now, timeZone) ?? p;
      } else {
        r = parsePeriod(answer.text, now, timeZone);
      }
      if (typeof r === "object") return { ok: true, value: r, shown: formatPeriod(r) };
      return { ok: false, error: t(`report-period-${r}`) };
    },
  };
}

/** Quick answers for monthly flows: most months are 0, 1 or 2. */
const QUICK = [0, 1, 2, 3, 4, 5];

export function figureQuestion(t: T, field: CountField, previous?: number): Question<number> {
  const carriesOver = field === "candidates" || field === "applicationsInReview";
  return countQuestion(t, t(`report-ask-${field}`), {
    max: COUNT_LIMITS[field],
    quick: carriesOver ? [0] : QUICK,
    ...(carriesOver && previous !== undefined ? { offer: { label: t("report-same-as-last", { n: previous }), value: previous } } : {}),
  });
}

/** One cohort of those admitted; `left` is how many are not yet assigned to a cohort. */
export function cohortQuestion(t: T, field: CountField, total: number, left: number): Question<number> {
  return countQuestion(t, t(`report-ask-${field}`, { total, left }), {
    max: left,
    quick: QUICK.filter((n) => n <= left),
    tooLarge: t("report-cohort-too-many", { left, total }),
  });
}

export function reasonQuestion(t: T): Question<string | null> {
  return textQuestion(t, t("report-ask-removedReason"), { max: TEXT_LIMITS.removedReason, skippable: false });
}

export function noteQuestion(t: T): Question<string | null> {
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

export function whichFieldQuestion(t: T): Question<EditableGroup> {
  return fieldQuestion(t, EDITABLE.map((g) => ({ label: t(`report-field-${g}`), value: g })));
}
