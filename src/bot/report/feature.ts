// /baocao, and the button under a reminder, open the monthly report (form.ts).
import { Composer } from "grammy";
import { readPeriodValue } from "../../domain/period.js";
import type { BotContext } from "../context.js";
import { REPORT_FORM } from "./form.js";

export function reportFeature() {
  const composer = new Composer<BotContext>();
  composer.command("baocao", (ctx) => ctx.conversation.enter(REPORT_FORM));
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
