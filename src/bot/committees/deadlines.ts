// /caidat han <ngày> [cungthang] (the whole tree's deadline, an administrator's) and
// /caidat <mã> han <ngày> [cungthang] | xoa (a subtree's own, an administrator's or a committee
// member's for the units under them). Before group-names.ts, which reads "/caidat <mã> tên …":
// whatever does not name "han" is passed on.
import { Composer } from "grammy";
import { Action, mayAnywhere } from "../../domain/access.js";
import { parseDueRule, type DueRuleInput } from "../../domain/deadline.js";
import { withoutMarks } from "../../domain/text.js";
import { dueRuleText } from "../../messages/schedule.js";
import { setTreeDeadline, unitDeadline } from "../../usecases/deadlines.js";
import type { AppDeps, BotContext } from "../context.js";
import { scheduleView } from "./schedule-view.js";

const isHan = (word: string | undefined) => word !== undefined && withoutMarks(word).toLowerCase() === "han";

export function deadlinesFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();

  /** Why the words after "han" are no deadline, with how to type one. */
  function problemText(ctx: BotContext, r: DueRuleInput & { ok: false }): string {
    const usage = ctx.t("deadline-usage");
    if (r.problem === "day") return `${ctx.t("deadline-bad-day", { word: r.word ?? "" })}\n${usage}`;
    if (r.problem === "word") return `${ctx.t("deadline-bad-word", { word: r.word ?? "" })}\n${usage}`;
    return usage;
  }

  composer.command("caidat", async (ctx, next) => {
    const words = ctx.match.trim().split(/\s+/).filter(Boolean);
    if (isHan(words[0])) {
      if (!ctx.actor.isAdmin) return mayAnywhere(ctx.actor, Action.SET_DEADLINE) ? ctx.reply(ctx.t("deadline-tree-admin-only")) : next();
      const rest = words.slice(1).join(" ");
      if (rest === "") return ctx.reply(await scheduleView(deps, ctx));
      const r = parseDueRule(rest);
      if (!r.ok) return ctx.reply(problemText(ctx, r));
      if ("remove" in r) return ctx.reply(ctx.t("deadline-tree-remove"));
      const { before, changed } = await setTreeDeadline(deps, ctx.actor, r.rule);
      if (!changed) return ctx.reply(ctx.t("deadline-tree-unchanged", { rule: dueRuleText(ctx.t, r.rule) }));
      return ctx.reply(ctx.t("deadline-tree-set", { rule: dueRuleText(ctx.t, r.rule), before: dueRuleText(ctx.t, before) }));
    }
    if (!isHan(words[1])) return next();
    // Anyone else is told by the commands after this one that /caidat is not theirs.
    if (!mayAnywhere(ctx.actor, Action.SET_DEADLINE)) return next();
    const code = words[0]!;
    const rest = words.slice(2).join(" ");
    const parsed = rest === "" ? undefined : parseDueRule(rest);
    if (parsed && !parsed.ok) return ctx.reply(problemText(ctx, parsed));
    const change = parsed === undefined ? undefined : "remove" in parsed ? ("remove" as const) : parsed.rule;
    const a = await unitDeadline(deps, ctx.actor, code, change);
    if (a.status === "unit-missing") return ctx.reply(ctx.t("deadline-unit-missing", { code: code.slice(0, 40) }));
    if (a.status === "not-allowed") return ctx.reply(ctx.t("deadline-not-allowed", { unit: a.unit.name }));
    const vars = { unit: a.unit.name, code: a.unit.code, rule: dueRuleText(ctx.t, a.rule) };
    const fromText = (from: { name: string } | null) => (from ? ctx.t("deadline-from-unit", { unit: from.name }) : ctx.t("deadline-from-tree"));
    if (a.status === "shown") {
      return ctx.reply(a.from?.id === a.unit.id ? ctx.t("deadline-unit-show-own", vars) : ctx.t("deadline-unit-show-inherited", { ...vars, from: fromText(a.from) }));
    }
    if (a.status === "removed") {
      const removed = { ...vars, from: fromText(a.from) };
      return ctx.reply(a.had ? ctx.t("deadline-unit-removed", removed) : ctx.t("deadline-unit-none", removed));
    }
    if (!a.changed) return ctx.reply(ctx.t("deadline-unit-unchanged", vars));
    return ctx.reply(ctx.t("deadline-unit-set", { ...vars, before: dueRuleText(ctx.t, a.before) }));
  });
  return composer;
}
