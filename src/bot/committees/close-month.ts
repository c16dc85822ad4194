// /khoaso <tháng> [mã đơn vị]: an administrator closes a month once its deadline has passed and its reports are approved;
// /mokhoa <tháng> [mã đơn vị] opens it again.
import { monthIsOver } from "../../domain/closing.js";
import { formatPeriod, parsePeriod, type Period, type PeriodProblem } from "../../domain/period.js";
import { closeMonthMessages, reopenMonthMessages } from "../../messages/close-month.js";
import { closeMonth, closingTargets, reopenMonth } from "../../usecases/closing.js";
import type { AppDeps, BotContext } from "../context.js";
import { adminCommands, type CommandHandler } from "../middleware/actor.js";

interface Args {
  period: Period | PeriodProblem;
  code?: string;
}

/**
 * The month is what /tonghop and /xuat accept, and may itself hold a space
 * ("tháng 10/2026"), so the unit code is whichever end word is left over.
 */
export function readCloseArgs(text: string, now: Date, timeZone: string): Args | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const whole = parsePeriod(words.join(" "), now, timeZone);
  if (typeof whole === "object" || words.length === 1) return { period: whole };
  const codeLast = parsePeriod(words.slice(0, -1).join(" "), now, timeZone);
  if (codeLast !== "format") return { period: codeLast, code: words.at(-1)! };
  const codeFirst = parsePeriod(words.slice(1).join(" "), now, timeZone);
  if (codeFirst !== "format") return { period: codeFirst, code: words[0]! };
  return { period: whole };
}

export function closeMonthFeature(deps: AppDeps) {
  const tz = deps.config.TZ;

  // Behind the administrator filter (adminCommands, at the end).
  const khoaso: CommandHandler = async (ctx) => {
    const asked = await monthAndUnits(ctx, "close");
    if (!asked) return;
    const { period, targets } = asked;

    const month = formatPeriod(period);
    for (const unit of targets) {
      const r = await closeMonth(deps, { unitId: unit.id, period, closedBy: ctx.from!.id });
      for (const text of closeMonthMessages(ctx.t, r, { month, unit, timeZone: tz })) await ctx.reply(text);
      // The deadline is the same for every unit: said once.
      if (r.status === "too-early") return;
    }
  };

  const mokhoa: CommandHandler = async (ctx) => {
    // A month too old or not over cannot have been closed: /khoaso refuses both.
    const asked = await monthAndUnits(ctx, "reopen");
    if (!asked) return;
    const { period, targets } = asked;

    const month = formatPeriod(period);
    for (const unit of targets) {
      const r = await reopenMonth(deps, { unitId: unit.id, period, reopenedBy: ctx.from!.id });
      for (const text of reopenMonthMessages(ctx.t, r, { month, unit, timeZone: tz })) await ctx.reply(text);
    }
  };

  /**
   * The month, which must have begun (closing: the use case then asks whether its
   * deadline has passed) or be over (reopening) and be within reach, and the unit
   * named or every root when none is: what both commands act on. Undefined once a
   * refusal is said.
   */
  async function monthAndUnits(ctx: BotContext, command: "close" | "reopen") {
    const now = deps.clock();
    const args = readCloseArgs(typeof ctx.match === "string" ? ctx.match : "", now, tz);
    if (!args) return void (await ctx.reply(ctx.t(`${command}-usage`)));
    const { period, code } = args;
    if (period === "format") return void (await ctx.reply(ctx.t(`${command}-bad-month`)));
    if (period === "too-old") return void (await ctx.reply(ctx.t("close-too-old")));
    // The running month goes on to closeMonth, which says from when it can be closed.
    if (period === "future" || (command === "reopen" && !monthIsOver(period, now, tz))) return void (await ctx.reply(ctx.t(`${command}-not-over`)));
    const targets = await closingTargets(deps, code);
    if (targets === "unit-missing") return void (await ctx.reply(ctx.t("invite-unit-missing", { code: code!.slice(0, 40) })));
    if (targets === "no-units") return void (await ctx.reply(ctx.t("units-empty")));
    return { period, targets };
  }

  return adminCommands({ khoaso, mokhoa });
}
