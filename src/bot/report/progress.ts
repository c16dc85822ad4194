// /tiendo: the branch's year so far, grouped, with its months one by one behind a button.
import { Composer, InlineKeyboard } from "grammy";
import { periodOf } from "../../domain/period.js";
import { Action, ownUnits } from "../../domain/access.js";
import { progressDetailsData, readProgressDetails } from "../../domain/progress.js";
import { progressDetailsText, progressText } from "../../messages/progress.js";
import { branchYear, branchYearFor } from "../../usecases/progress.js";
import type { AppDeps, BotContext } from "../context.js";

export function progressFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  const tz = deps.config.TZ;
  composer.command("tiendo", async (ctx) => {
    const units = ownUnits(ctx.actor, Action.PROGRESS).may;
    if (units.length === 0) return ctx.reply(ctx.t("refuse-secretary-only"));
    const { year } = periodOf(deps.clock(), tz);
    for (const unit of units) {
      const y = await branchYear(deps, unit.unitId, year);
      if (!y) continue;
      const details = new InlineKeyboard().text(ctx.t("progress-details-button"), progressDetailsData(unit.unitId, year));
      await ctx.reply(progressText(ctx.t, y, tz), { reply_markup: details });
    }
  });

  // The button's data names a branch and a year: checked as input (readProgressDetails), and the
  // person's right to the branch asked again, as it is now.
  composer.callbackQuery(/^progress:/, async (ctx) => {
    const asked = readProgressDetails(ctx.callbackQuery.data, deps.clock(), tz);
    if (!asked) return ctx.answerCallbackQuery({ text: ctx.t("progress-details-stale"), show_alert: true });
    const y = await branchYearFor(deps, ctx.actor, asked.unitId, asked.year);
    if (y === "not-allowed") return ctx.answerCallbackQuery({ text: ctx.t("progress-details-not-allowed"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.reply(progressDetailsText(ctx.t, y, tz));
  });
  return composer;
}
