// /tiendo: the branch's year so far, grouped, with its months one by one behind a button.
// A secretary or deputy reads their own branches; /tiendo <mã> names a branch, for a committee
// member above it or an administrator (and for the branch's own people).
import { Composer, InlineKeyboard } from "grammy";
import { periodOf } from "../../domain/period.js";
import { Action, mayAnywhere, ownUnits } from "../../domain/access.js";
import { progressDetailsData, readProgressDetails } from "../../domain/progress.js";
import { progressDetailsText, progressText } from "../../messages/progress.js";
import { branchYear, branchYearByCode, branchYearFor } from "../../usecases/progress.js";
import type { YearSoFar } from "../../domain/progress.js";
import type { AppDeps, BotContext } from "../context.js";

export function progressFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  const tz = deps.config.TZ;
  const show = (ctx: BotContext, y: YearSoFar) =>
    ctx.reply(progressText(ctx.t, y, tz), { reply_markup: new InlineKeyboard().text(ctx.t("progress-details-button"), progressDetailsData(y.unitId, y.year)) });

  composer.command("tiendo", async (ctx) => {
    const { year } = periodOf(deps.clock(), tz);
    const code = ctx.match.trim().split(/\s+/)[0];
    if (code) {
      if (!mayAnywhere(ctx.actor, Action.PROGRESS)) return ctx.reply(ctx.t("refuse-secretary-only"));
      const y = await branchYearByCode(deps, ctx.actor, code, year);
      if (!("status" in y)) return show(ctx, y);
      if (y.status === "unit-missing") return ctx.reply(ctx.t("invite-unit-missing", { code: code.slice(0, 40) }));
      const vars = { unit: y.name, code: code.slice(0, 40) };
      return ctx.reply(y.status === "not-branch" ? ctx.t("progress-not-branch", vars) : ctx.t("progress-not-allowed", vars));
    }
    const units = ownUnits(ctx.actor, Action.PROGRESS).may;
    if (units.length === 0) return ctx.reply(ctx.t(mayAnywhere(ctx.actor, Action.PROGRESS) ? "progress-usage" : "refuse-secretary-only"));
    for (const unit of units) {
      const y = await branchYear(deps, unit.unitId, year);
      if (y) await show(ctx, y);
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
