// /caidat <mã> [tên hiện|ẩn]: a committee chooses whether its group's /tonghop names people (the
// secretaries of the branches still missing). /caidat alone stays the administrators' schedule
// (schedule.ts): this composer passes it on, except to a committee member, who is told how to choose.
import { Composer } from "grammy";
import { Action, mayAnywhere, ownUnits } from "../../domain/access.js";
import { parseNamesWord } from "../../domain/group-names.js";
import { committeeGroupNames } from "../../usecases/totals.js";
import type { AppDeps, BotContext } from "../context.js";

export function groupNamesFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  composer.command("caidat", async (ctx, next) => {
    const [rawCode, ...words] = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (!mayAnywhere(ctx.actor, Action.SET_TOTALS) || (!rawCode && ctx.actor.isAdmin)) return next();
    if (!rawCode) {
      const own = ownUnits(ctx.actor, Action.SET_TOTALS).may;
      // A committee's two settings here: names in its group, and its subtree's deadline (deadlines.ts).
      return ctx.reply(`${ctx.t("names-usage")}\n${ctx.t("deadline-usage")}\n${ctx.t("totals-your-units", { codes: own.map((m) => m.unitCode).join(", ") })}`);
    }
    const word = words.join(" ");
    const choice = words.length === 0 ? undefined : parseNamesWord(word);
    if (choice === null) return ctx.reply(ctx.t("names-bad-word", { word: word.slice(0, 40) }));
    const r = await committeeGroupNames(deps, ctx.actor, rawCode, choice);
    if (r.status === "unit-missing") return ctx.reply(ctx.t("totals-unit-missing", { code: rawCode.slice(0, 40) }));
    if (r.status === "branch") return ctx.reply(ctx.t("names-branch", { code: r.unit.code }));
    if (r.status === "not-allowed") return ctx.reply(ctx.t("names-not-allowed", { unit: r.unit.name }));
    const vars = { unit: r.unit.name, code: r.unit.code };
    if (r.status === "set" && !r.changed) return ctx.reply(ctx.t("names-unchanged", vars));
    if (r.status === "set") return ctx.reply(r.show ? ctx.t("names-set-shown", vars) : ctx.t("names-set-hidden", vars));
    return ctx.reply(r.show ? ctx.t("names-show-shown", vars) : ctx.t("names-show-hidden", vars));
  });
  return composer;
}
