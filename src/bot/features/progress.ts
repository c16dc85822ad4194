// /tiendo: the branch's year so far.
import { Composer } from "grammy";
import { DEFAULT_DUE_DAY, formatPeriod, periodOf } from "../../domain/period.js";
import { yearProgress } from "../../domain/progress.js";
import { reportingUnits } from "../../domain/roles.js";
import { formatDate } from "../../domain/time.js";
import { yearReports } from "../../store/reports.js";
import type { AppDeps, BotContext } from "../context.js";

export function progressFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  composer.command("tiendo", async (ctx) => {
    const units = reportingUnits(ctx.actor);
    if (units.length === 0) return ctx.reply(ctx.t("refuse-secretary-only"));
    const now = deps.clock();
    const tz = deps.config.TZ;
    const { year } = periodOf(now, tz);
    for (const unit of units) {
      const { rows, totals } = yearProgress(await yearReports(deps.db, unit.unitId, year), year, now, DEFAULT_DUE_DAY, tz);
      const lines = [ctx.t("progress-title", { unit: unit.unitName, year: String(year) })];
      for (const row of rows) {
        lines.push(
          ctx.t(`progress-month-${row.status}`, {
            month: formatPeriod({ year, month: row.month }),
            admitted: row.admitted,
            deadline: formatDate(row.deadline, tz),
          }),
        );
      }
      lines.push("", ctx.t("progress-total", totals));
      await ctx.reply(lines.join("\n"));
    }
  });
  return composer;
}
