// /baocao [tháng], and the button under a reminder, open the monthly report (form.ts).
import { Composer } from "grammy";
import { readPeriodValue } from "../../domain/period.js";
import type { BotContext } from "../context.js";
import { REPORT_FORM, type ReportPreset } from "./form.js";

/** Longer than any way of writing a month ("tháng 11/2026"); the rest is not worth keeping in the form's state. */
const MAX_TYPED = 40;

export function reportFeature() {
  const composer = new Composer<BotContext>();
  // "/baocao 11/2026" opens that month: the form reads the text as it reads a typed month.
  composer.command("baocao", (ctx) => {
    const typed = ctx.match.trim();
    return typed ? ctx.conversation.enter(REPORT_FORM, { typed: typed.slice(0, MAX_TYPED) } satisfies ReportPreset) : ctx.conversation.enter(REPORT_FORM);
  });
  // The button under a reminder opens the report for the month it reminds of; the form checks
  // that month as a typed one. Data no button of ours carries ("report:2026-0") gets the stale toast.
  composer.callbackQuery(/^report:(.*)$/, async (ctx) => {
    const period = readPeriodValue(ctx.match[1]!);
    if (period === "format") return ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(REPORT_FORM, period);
  });
  return composer;
}
