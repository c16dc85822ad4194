// /tinhtong <mã> [daduyet|tatca]: a committee chooses whether its digests and exports count only
// approved reports (the default) or every submitted one; without a word, shows the choice in force.
import { Composer } from "grammy";
import { parseTotalsWord } from "../../domain/review-totals.js";
import { Action, ancestorsIn, may, mayAnywhere, ownUnits } from "../../domain/access.js";
import { normaliseUnitCode, UnitKind } from "../../domain/units.js";
import { totalsBasis } from "../../messages/digest.js";
import { allUnits } from "../../store/digest-data.js";
import { setTotalsMode, totalsChoiceOf } from "../../store/totals-setting.js";
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
    const units = await allUnits(deps.db);
    const unit = units.find((u) => u.code === normaliseUnitCode(rawCode));
    if (!unit) return ctx.reply(ctx.t("totals-unit-missing", { code: rawCode.slice(0, 40) }));
    if (unit.kind === UnitKind.BRANCH) return ctx.reply(ctx.t("totals-branch", { code: unit.code }));
    const target = { unitId: unit.id, ancestors: ancestorsIn(new Map(units.map((u) => [u.id, u.parentId])), unit.id), delegated: false };
    if (!may(ctx.actor, Action.SET_TOTALS, target)) return ctx.reply(ctx.t("totals-not-allowed", { unit: unit.name }));

    if (words.length === 0) {
      const choice = await totalsChoiceOf(deps.db, unit.id, units);
      const vars = { unit: unit.name, basis: totalsBasis(ctx.t, choice.mode) };
      const from = units.find((u) => u.id === choice.setAt);
      const shown =
        choice.setAt === null
          ? ctx.t("totals-show-default", vars)
          : choice.setAt === unit.id
            ? ctx.t("totals-show-own", vars)
            : ctx.t("totals-show-inherited", { ...vars, from: from?.name ?? "" });
      return ctx.reply(`${shown}\n${ctx.t("totals-show-hint", { code: unit.code })}`);
    }

    const mode = parseTotalsWord(words.join(" "));
    if (!mode) return ctx.reply(ctx.t("totals-bad-word", { word: words.join(" ").slice(0, 40) }));
    const { changed } = await setTotalsMode(deps.db, { unitId: unit.id, unitCode: unit.code, unitName: unit.name, mode, actorId: ctx.from!.id, now: deps.clock() });
    const vars = { unit: unit.name, basis: totalsBasis(ctx.t, mode) };
    return ctx.reply(changed ? ctx.t("totals-set", vars) : ctx.t("totals-unchanged", vars));
  });

  return composer;
}
