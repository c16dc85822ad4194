// What /caidat shows, however it is asked (/caidat, /caidat han): the schedule with the coming
// deadlines a holiday moves, then every subtree's own deadline.
import { movedDeadlines } from "../../domain/moved-deadlines.js";
import { treeRule, type ScheduleSettings } from "../../domain/schedule.js";
import { describeSchedule, describeSubtreeDeadlines } from "../../messages/schedule.js";
import { loadSchedule } from "../../store/settings.js";
import { deadlinesInForce } from "../../usecases/deadlines.js";
import type { AppDeps, BotContext } from "../context.js";

/** The schedule, with the coming deadlines a holiday moves (also the answer to a change of it). */
export function scheduleText(deps: AppDeps, ctx: BotContext, s: ScheduleSettings): string {
  return describeSchedule(ctx.t, s, movedDeadlines(treeRule(s), deps.clock(), deps.config.TZ));
}

export async function scheduleView(deps: AppDeps, ctx: BotContext): Promise<string> {
  const { subtrees } = await deadlinesInForce(deps);
  return `${scheduleText(deps, ctx, await loadSchedule(deps.db))}\n\n${describeSubtreeDeadlines(ctx.t, subtrees)}`;
}
