// /tiendo: the branch's year so far.
import { Composer } from "grammy";
import { formatPeriod, periodOf } from "../../domain/period.js";
import { loadSchedule } from "../../store/settings.js";
import { yearProgress } from "../../domain/progress.js";
import { Action, ownUnits } from "../../domain/access.js";
import { formatDate } from "../../domain/time.js";
import { yearReports } from "../../store/reports.js";
import { meetingCompliance } from "../../domain/meeting.js";
import { meetingFactsOfYear } from "../../store/meetings.js";
import { formatPercent } from "../../domain/text.js";
import type { AppDeps, BotContext } from "../context.js";

export function progressFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  composer.command("tiendo", async (ctx) => {
    const units = ownUnits(ctx.actor, Action.PROGRESS).may;
    if (units.length === 0) return ctx.reply(ctx.t("refuse-secretary-only"));
    const now = deps.clock();
    const tz = deps.config.TZ;
    const { year } = periodOf(now, tz);
    const { dueDay } = await loadSchedule(deps.db);
    for (const unit of units) {
      const { rows, totals } = yearProgress(await yearReports(deps.db, unit.unitId, year), year, now, dueDay, tz);
      const lines = [ctx.t("progress-title", { unit: unit.unitName, year: String(year) })];
      for (const row of rows) {
        const month = ctx.t(`progress-month-${row.status}`, {
          month: formatPeriod({ year, month: row.month }),
          admitted: row.admitted,
          deadline: formatDate(row.deadline, tz),
        });
        lines.push(row.review ? `${month}${ctx.t(`progress-review-${row.review}`)}` : month);
      }
      lines.push("", ctx.t("progress-total", totals));
      const meetings = meetingCompliance(await meetingFactsOfYear(deps.db, unit.unitId, year), year, now, tz);
      lines.push("", ctx.t("progress-meetings-title", { year: String(year) }));
      for (const m of meetings.months) {
        lines.push(ctx.t(`progress-regular-${m.status}`, { month: formatPeriod({ year, month: m.month }) }));
      }
      for (const q of meetings.quarters) lines.push(ctx.t(`progress-thematic-${q.status}`, { quarter: q.quarter }));
      lines.push(
        meetings.averageAttendance === null
          ? ctx.t("progress-attendance-none")
          : ctx.t("progress-attendance", { rate: formatPercent(meetings.averageAttendance) }),
      );
      await ctx.reply(lines.join("\n"));
    }
  });
  return composer;
}
