// /tiendo: the branch's year so far.
import { Composer } from "grammy";
import { periodOf } from "../../domain/period.js";
import { loadSchedule } from "../../store/settings.js";
import { yearProgress } from "../../domain/progress.js";
import { Action, ownUnits } from "../../domain/access.js";
import { yearReports } from "../../store/reports.js";
import { meetingCompliance } from "../../domain/meeting.js";
import { meetingFactsOfYear } from "../../store/meetings.js";
import { progressText } from "../../messages/progress.js";
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
      const reports = yearProgress(await yearReports(deps.db, unit.unitId, year), year, now, dueDay, tz);
      const meetings = meetingCompliance(await meetingFactsOfYear(deps.db, unit.unitId, year), year, now, tz);
      await ctx.reply(progressText(ctx.t, { unitName: unit.unitName, year, reports, meetings }, tz));
    }
  });
  return composer;
}
