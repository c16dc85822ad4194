// /baocao: the monthly recruitment report, one question at a time.
import { defaultReportPeriod, deadlineOf, formatPeriod, parseReportPeriod, periodValue, type Period } from "../../domain/period.js";
import { admittedTotal, emptyFigures, pipelineShortfall, type ReportFigures } from "../../domain/report.js";
import { REPORT_GROUPS } from "../../domain/report-fields.js";
import { formatDate, formatDateTime } from "../../domain/time.js";
import type { StoredReport } from "../../store/reports.js";
import { fileReport, reportDueRule, reportMonth, type FiledReport, type ReportMonth } from "../../usecases/report.js";
import type { AppDeps, FormContext, FormConversation } from "../context.js";
import { FormSession } from "../forms/session.js";
import type { KnownActors } from "../middleware/actor.js";
import { summaryQuestion, typedReasonQuestion } from "../forms/questions.js";
import { REASON_MIN } from "../../domain/review.js";
import { refusalText, whoFiles } from "../forms/filer.js";
import { askGroupFields, periodProblemText, periodQuestion, whichFieldQuestion, type EditableGroup } from "./questions.js";
import { summaryText } from "../../messages/report-summary.js";

export const REPORT_FORM = "report";

/** The month the form opens on: a reminder's button names one, "/baocao 11/2026" types one. Both are input. */
export type ReportPreset = Period | { typed: string };

/** `actors`: the roles attachActor keeps (create-bot.ts), which the form opens on. */
export function createReportForm(deps: AppDeps, actors?: KnownActors) {
  const tz = deps.config.TZ;

  /** `preset`: the month a reminder's button or the command asked for; otherwise the secretary chooses. */
  return async function report(conversation: FormConversation, ctx: FormContext, preset?: ReportPreset) {
    const form = new FormSession(conversation, ctx, deps);
    const t = form.t.bind(form);

    const filer = await whoFiles(form, deps, actors);
    if (!filer) return;
    const { userId, unit: chosenUnit } = filer;

    const now = new Date(await form.external(() => deps.clock().getTime()));
    // The branch's own deadline: when its months open, and whether a report is late.
    const due = await form.external(() => reportDueRule(deps, chosenUnit.id));
    // A month asked for is read as a typed answer would be; it may not be open yet, be unreadable
    // or be forged: then say why, and ask.
    const opened = preset ? parseReportPeriod("typed" in preset ? { text: preset.typed } : { value: periodValue(preset) }, now, tz, due) : undefined;
    if (opened && !opened.ok) await form.say(periodProblemText(t, opened.problem, opened.period, now, tz, due));
    let period = opened?.ok ? opened.period : await form.ask(periodQuestion(t, defaultReportPeriod(now, tz, due), now, tz, due));
    let month = await loadMonth(period);
    if (month.closed) await form.say(closedNotice(period, month));
    let baseVersion = month.existing?.version ?? 0;
    let figures: ReportFigures;
    if (month.existing) {
      await form.say(amendingNotice(month.existing, period));
      figures = month.existing.figures;
    } else {
      figures = emptyFigures();
      for (const group of REPORT_GROUPS) {
        figures = await askGroup(group, figures);
      }
    }

    for (;;) {
      const action = await form.ask(
        summaryQuestion(
          t,
          `${summaryText(t, chosenUnit.name, period, figures)}\n\n${warningLine(figures)}${t("report-summary-prompt")}`,
          t("report-button-send"),
        ),
      );
      if (action === "cancel") return form.finish(t("report-cancelled"));
      if (action === "edit") {
        const group = await form.ask(whichFieldQuestion(t));
        if (group === "period") {
          period = await form.ask(periodQuestion(t, period, now, tz, due));
          month = await loadMonth(period);
          if (month.closed) await form.say(closedNotice(period, month));
          baseVersion = month.existing?.version ?? 0;
          if (month.existing) await form.say(amendingNotice(month.existing, period));
        } else {
          figures = await askGroup(group, figures);
        }
        continue;
      }
      // The rights, the month's closing (maybe since the form opened) and the version are asked as the
      // version is stored, not before: a closed month's amendment comes back once for its reason.
      let correctionReason: string | null = null;
      let result: FiledReport;
      for (;;) {
        const reason = correctionReason;
        result = await form.external(() =>
          fileReport(deps, { telegramId: form.userId, userId, unitId: chosenUnit.id, period, figures, baseVersion, due, correctionReason: reason }),
        );
        if (result.status !== "reason-needed") break;
        correctionReason = await form.ask(typedReasonQuestion(t, t("report-ask-correction-reason", { period: formatPeriod(period), min: REASON_MIN })));
      }
      if (result.status === "refused") return form.finish(refusalText(form, result.why, chosenUnit));
      if (result.status === "conflict") {
        const c = result.current;
        await form.say(
          t("report-conflict", { who: c.submittedBy, period: formatPeriod(period), version: c.version, time: formatDateTime(new Date(c.submittedAt), tz) }),
        );
        baseVersion = c.version;
        continue;
      }
      let receipt = t("report-receipt", {
        period: formatPeriod(period),
        unit: chosenUnit.name,
        time: formatDateTime(new Date(result.at), tz),
        version: result.version,
      });
      if (result.late) receipt += `\n${t("report-receipt-late", { deadline: formatDate(deadlineOf(period, due, tz), tz) })}`;
      if (correctionReason) receipt += `\n${t("report-receipt-correction", { reason: correctionReason })}`;
      return form.finish(receipt);
    }


    function loadMonth(p: Period): Promise<ReportMonth> {
      return form.external(() => reportMonth(deps, chosenUnit.id, p));
    }

    /** A closed month: an amendment needs a reason, a first report does not (it is late, not a correction). */
    function closedNotice(p: Period, m: ReportMonth): string {
      return t(m.existing ? "report-month-closed" : "report-month-closed-first", { period: formatPeriod(p) });
    }

    function amendingNotice(existing: StoredReport, p: Period): string {
      return t("report-amending", {
        period: formatPeriod(p),
        version: existing.version,
        time: formatDateTime(new Date(existing.submittedAt), tz),
      });
    }

    function warningLine(f: ReportFigures): string {
      const previous = month.previous?.figures.candidates;
      const shortfall = pipelineShortfall(previous, admittedTotal(f));
      return shortfall > 0 ? `${t("report-pipeline-warning", { admitted: admittedTotal(f), previous: previous! })}\n\n` : "";
    }

    async function askGroup(group: Exclude<EditableGroup, "period">, f: ReportFigures): Promise<ReportFigures> {
      const next = await askGroupFields((q) => form.ask(q), t, group, f, month.previous?.figures);
      // Said as soon as the admissions are known, and again above the summary.
      if (group === "admitted") {
        const warning = warningLine(next);
        if (warning) await form.say(warning.trim());
      }
      return next;
    }
  };
}
