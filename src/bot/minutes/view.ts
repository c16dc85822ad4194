// /xembienban: a branch's minutes for a month, for the branch and the committees above it.
import { Composer, InlineKeyboard } from "grammy";
import { formatIsoDate } from "../../domain/meeting.js";
import { parseId } from "../../domain/numbers.js";
import { formatPeriod, parsePeriod, periodOf, type Period } from "../../domain/period.js";
import { normaliseUnitCode } from "../../domain/units.js";
import { minutesFiles, minutesOfMonth } from "../../usecases/minutes.js";
import type { AppDeps, BotContext } from "../context.js";
import { meetingSummary } from "../../messages/meeting-summary.js";

const RESEND = /^mfiles:(\d+)$/;

export function minutesViewFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  const tz = deps.config.TZ;

  composer.command("xembienban", async (ctx) => {
    const now = deps.clock();
    let period: Period | undefined;
    let code: string | undefined;
    for (const arg of ctx.match.trim().split(/\s+/).filter(Boolean)) {
      const p = parsePeriod(arg, now, tz);
      if (typeof p === "object" && !period) period = p;
      else if (p === "format" && !code) code = normaliseUnitCode(arg) ?? arg;
      else return ctx.reply(ctx.t("minutes-usage"));
    }
    period ??= periodOf(now, tz);
    const found = await minutesOfMonth(deps, ctx.actor, code, period);
    if (found.status === "no-unit") return ctx.reply(ctx.t("minutes-usage"));
    if (found.status === "unit-missing") return ctx.reply(ctx.t("invite-unit-missing", { code: code!.slice(0, 40) }));
    if (found.status === "not-allowed") return ctx.reply(ctx.t("minutes-not-allowed"));

    const { unit, meetings } = found;
    if (meetings.length === 0) return ctx.reply(ctx.t("minutes-none", { unit: unit.name, period: formatPeriod(period) }));
    await ctx.reply(ctx.t("minutes-title", { unit: unit.name, period: formatPeriod(period), count: meetings.length }));
    for (const m of meetings) {
      const files = m.draft.attachments.length;
      await ctx.reply(meetingSummary(ctx.t, unit.name, m.draft), {
        ...(files > 0 ? { reply_markup: new InlineKeyboard().text(ctx.t("minutes-resend", { count: files }), `mfiles:${m.id}`) } : {}),
      });
    }
  });

  composer.callbackQuery(RESEND, async (ctx) => {
    const id = parseId(ctx.match[1]!);
    const meeting = id === undefined ? null : await minutesFiles(deps, ctx.actor, id);
    if (!meeting) {
      return ctx.answerCallbackQuery({ text: ctx.t("minutes-not-allowed"), show_alert: true });
    }
    await ctx.answerCallbackQuery();
    if (meeting.attachments.length === 0) return ctx.reply(ctx.t("minutes-files-gone"));
    const count = meeting.attachments.length;
    for (const [i, a] of meeting.attachments.entries()) {
      const caption = ctx.t("minutes-file-caption", {
        kind: ctx.t(`meeting-kind-${meeting.kind}`).toLowerCase(),
        date: formatIsoDate(meeting.heldOn),
        n: i + 1,
        count,
      });
      if (a.kind === "PHOTO") await ctx.replyWithPhoto(a.fileId, { caption });
      else await ctx.replyWithDocument(a.fileId, { caption });
    }
  });
  return composer;
}
