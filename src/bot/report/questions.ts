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
import { ruleOf, type DueSetting } from "../../domain/deadline.js";
import { anyAbove0, type ReportFigures } from "../../domain/report.js";
import { groupCounts, groupFields, REPORT_GROUPS, reportField, type ReportFieldSpecs, type ReportGroup, type TextField } from "../../domain/report-fields.js";
import type { Parsed, Question } from "../forms/session.js";
import { countQuestion, fieldQuestion, textQuestion } from "../forms/questions.js";
import type { Translate } from "../../i18n.js";

/** Why a month cannot be reported, with the day it opens and the latest month that can be; `due`: the branch's deadline. */
export function periodProblemText(t: Translate, problem: ReportPeriodProblem, period: Period | undefined, now: Date, timeZone: string, due: DueSetting): string {
  const vars = {
    period: period ? formatPeriod(period) : "",
    opens: period ? formatDate(reportOpensOn(period, timeZone, due), timeZone) : "",
    latest: formatPeriod(defaultReportPeriod(now, timeZone, due)),
  };
  // A same-month deadline opens the month on its first day, not its last.
  if (problem === "not-open" && ruleOf(due).sameMonth) return t("report-period-not-open-same", vars);
  return t(`report-period-${problem}`, vars);
}

/** Buttons for `suggested` and the month before, those that may be reported now; or a month typed. */
export function periodQuestion(t: Translate, suggested: Period, now: Date, timeZone: string, due: DueSetting): Question<Period> {
  const options = [suggested, addMonths(suggested, -1)].filter((p) => !checkReportPeriod(p, now, timeZone, due));
  return {
    text: t("report-ask-period"),
    buttons: [options.map((p) => ({ label: t("report-period-button", { period: formatPeriod(p) }), value: periodValue(p) }))],
    parse(answer): Parsed<Period> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      // A pressed button's value goes through the same checks as a typed month: the client can send any.
      const r = parseReportPeriod("choice" in answer ? { value: answer.choice } : { text: answer.text }, now, timeZone, due);
      if (r.ok) return { ok: true, value: r.period, shown: formatPeriod(r.period) };
      return { ok: false, error: periodProblemText(t, r.problem, r.period, now, timeZone, due) };
    },
  };
}

/** Quick answers for monthly flows: most months are 0, 1 or 2. */
const QUICK = [0, 1, 2, 3, 4, 5];

/** The counts asked one by one (a cohort is asked with its total in view: cohortQuestion; a legacy count is never asked). */
type FigureField = Extract<ReportFieldSpecs, { kind: "count" | "total"; ask: string }>["key"];
/** The cohorts and parts the form asks; the one without a question is what is left of the total. */
type AskedShare = Extract<ReportFieldSpecs, { kind: "cohort" | "part"; ask: string }>["key"];
type Share = Extract<ReportFieldSpecs, { kind: "cohort" | "part" }>["key"];
type Total = Extract<ReportFieldSpecs, { kind: "total" }>;

/** `previous`: last month's figure, offered for a field that carries over. */
export function figureQuestion(t: Translate, field: FigureField, previous?: number): Question<number> {
  const spec = reportField(field);
  const carriesOver = "carriesOver" in spec;
  return countQuestion(t, t(spec.ask), {
    max: spec.max,
    quick: carriesOver ? [0] : QUICK,
    ...(carriesOver && previous !== undefined ? { offer: { label: t("report-same-as-last", { n: previous }), value: previous } } : {}),
  });
}

/**
 * One share of a group's total (a cohort of those admitted, a kind of removal); `left` is how many
 * are not yet assigned; `tooMany` the total's message (ReportFieldSpec.tooMany) for a bigger answer.
 */
export function cohortQuestion(t: Translate, field: AskedShare, total: number, left: number, tooMany = "report-cohort-too-many"): Question<number> {
  return countQuestion(t, t(reportField(field).ask, { total, left }), {
    max: left,
    quick: QUICK.filter((n) => n <= left),
    tooLarge: t(tooMany, { left, total }),
  });
}

/** A reason is required (it is asked because its count is above 0); other texts may be skipped. */
export function textFieldQuestion(t: Translate, field: TextField): Question<string | null> {
  const spec = reportField(field);
  return textQuestion(t, t(spec.ask), { max: spec.max, skippable: !("reasonFor" in spec) });
}

/**
 * Asks the fields of one group in the order of src/domain/report-fields.ts: a total first, then
 * the cohorts that split it (the last one is the remainder); a reason only when its count is above 0.
 */
export async function askGroupFields(
  ask: <V>(q: Question<V>) => Promise<V>,
  t: Translate,
  group: ReportGroup,
  figures: ReportFigures,
  previous?: ReportFigures,
): Promise<ReportFigures> {
  const next: ReportFigures = { ...figures };
  let total = 0;
  let totalSpec: Total | undefined;
  const split: Partial<Record<Share, number>> = {};
  for (const spec of groupFields(group)) {
    switch (spec.kind) {
      case "total":
        totalSpec = spec;
        total = await ask(figureQuestion(t, spec.key));
        break;
      case "cohort":
      case "part": {
        const left = total - Object.values(split).reduce((sum, n) => sum + n, 0);
        const n = !("ask" in spec) ? left : left > 0 ? await ask(cohortQuestion(t, spec.key, total, left, totalSpec?.tooMany)) : 0;
        split[spec.key] = next[spec.key] = n;
        break;
      }
      case "count":
        // An older report's unsplit count gives way to the kinds just asked, which now say it all.
        next[spec.key] = "legacy" in spec ? 0 : await ask(figureQuestion(t, spec.key, previous?.[spec.key]));
        break;
      case "text":
        next[spec.key] = "reasonFor" in spec && !anyAbove0(next, groupCounts(spec.reasonFor)) ? null : await ask(textFieldQuestion(t, spec.key));
        break;
    }
  }
  return next;
}

/** The form's "Sửa" buttons: the month, then each group. */
export const EDITABLE = ["period", ...REPORT_GROUPS] as const;
export type EditableGroup = (typeof EDITABLE)[number];

export function whichFieldQuestion(t: Translate): Question<EditableGroup> {
  return fieldQuestion(t, EDITABLE.map((g) => ({ label: t(`report-field-${g}`), value: g })));
}
