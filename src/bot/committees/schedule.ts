// /hanbaocao, /nhacnho, /lichtonghop: an administrator changes the deadline, the
// reminders and the weekly digest; /caidat shows them.
import { applyScheduleChange, WEEKDAYS, type ScheduleChange } from "../../domain/schedule.js";
import { loadSchedule, saveSchedule } from "../../store/settings.js";
import type { AppDeps, BotContext } from "../context.js";
import { adminCommands } from "../middleware/actor.js";
import { scheduleText, scheduleView } from "./schedule-view.js";

export function scheduleFeature(deps: AppDeps) {
  async function change(ctx: BotContext, parsed: ScheduleChange | undefined, usage: string) {
    if (!parsed) return ctx.reply(ctx.t(usage));
    const r = applyScheduleChange(await loadSchedule(deps.db), parsed);
    if (!r.ok) return ctx.reply(ctx.t(usage));
    await saveSchedule(deps.db, r.settings, ctx.from!.id, deps.clock());
    return ctx.reply(`${ctx.t("schedule-saved")}\n${scheduleText(deps, ctx, r.settings)}`);
  }

  return adminCommands({
    hanbaocao: (ctx) => {
      const day = ctx.match.trim();
      // Day N of the following month, as its usage says; a same-month deadline is /caidat han N cungthang.
      return change(ctx, /^\d{1,2}$/.test(day) ? { dueDay: Number(day), dueSameMonth: false } : undefined, "schedule-usage-due");
    },
    nhacnho: (ctx) => {
      const words = ctx.match.trim().split(/[\s,]+/).filter(Boolean);
      const days = words.length === 1 && words[0] === "-" ? [] : words.map(Number);
      const ok = words.length > 0 && days.every((d) => Number.isInteger(d));
      return change(ctx, ok ? { reminderDaysBefore: days } : undefined, "schedule-usage-reminders");
    },
    lichtonghop: (ctx) => {
      const m = ctx.match.trim().toLowerCase().match(/^(cn|t[2-7])\s+(\d{1,2})(?::(\d{2}))?$/);
      return change(
        ctx,
        m ? { digestWeekday: WEEKDAYS[m[1]!]!, digestHour: Number(m[2]), digestMinute: Number(m[3] ?? 0) } : undefined,
        "schedule-usage-digest",
      );
    },
    caidat: async (ctx) => ctx.reply(await scheduleView(deps, ctx)),
  });
}
