// /tinhtong <mã> [daduyet|tatca]: a committee chooses whether its digests and exports count only
// approved reports (the default) or every submitted one; without a word, shows the choice in force.
import { Composer } from "grammy";
import { parseTotalsWord } from "../../domain/review-totals.js";
import { Action, mayAnywhere, ownUnits } from "../../domain/access.js";
import { totalsBasis } from "../../messages/digest.js";
import { committeeTotals } from "../../usecases/totals.js";
import type { AppDeps, BotContext } from "../context.js";

export function totalsFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();

  composer.command("tinhtong", async (ctx) => {
    if (!mayAnywhere(ctx.actor, Action.SET_TOTALS)) return ctx.reply(ctx.t("totals-not-committee"));
    const own = ownUnits(ctx.actor, Action.SET_TOTALS).may;
    const [rawCode, ...words] = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (!rawCode) {
      const usage = ctx.t("totals-usage");
      return ctx.reply(own.length > 0 ? `${usage}\n${ctx.t("totals-your-units", { codes: own.map((m) => m.unitCode).join(", ") })}` : usage);
    }
    const word = words.join(" ");
    const r = await committeeTotals(deps, ctx.actor, rawCode, words.length === 0 ? undefined : (parseTotalsWord(word) ?? "bad"));
    if (r.status === "unit-missing") return ctx.reply(ctx.t("totals-unit-missing", { code: rawCode.slice(0, 40) }));
    if (r.status === "branch") return ctx.reply(ctx.t("totals-branch", { code: r.unit.code }));
    const unit = r.unit;
    if (r.status === "not-allowed") return ctx.reply(ctx.t("totals-not-allowed", { unit: unit.name }));
    if (r.status === "bad-word") return ctx.reply(ctx.t("totals-bad-word", { word: word.slice(0, 40) }));
    const vars = { unit: unit.name, basis: totalsBasis(ctx.t, r.mode) };
    if (r.status === "set") return ctx.reply(r.changed ? ctx.t("totals-set", vars) : ctx.t("totals-unchanged", vars));
    const shown =
      r.from === null
        ? ctx.t("totals-show-default", vars)
        : r.from.id === unit.id
          ? ctx.t("totals-show-own", vars)
          : ctx.t("totals-show-inherited", { ...vars, from: r.from.name });
    return ctx.reply(`${shown}\n${ctx.t("totals-show-hint", { code: unit.code })}`);
  });

  return composer;
}
