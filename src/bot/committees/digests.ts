// Committees' views: /tonghop and /xuat in a registered group (groups.ts), or in a
// private chat for the units the access table lets the person see. In a group, /tonghop
// is everyone's there and names no one unless the committee chose it (/caidat); /xuat,
// with names and removal reasons, goes to the asker's private chat, and only to someone
// the access table lets export the group's unit.
import { Composer, GrammyError, InputFile } from "grammy";
import { formatPeriod, parsePeriod, periodOf, type Period } from "../../domain/period.js";
import { digestPeriodAt } from "../../domain/schedule.js";
import { buildWorkbook, workbookLabels } from "../../export/workbook.js";
import { digestMessages, totalsBasis } from "../../messages/digest.js";
import { digestChart } from "../../messages/digest-chart.js";
import { loadDigest } from "../../store/digest-sql.js";
import { EXPORT_MAX_BRANCHES, exportRows, type ExportRange } from "../../store/export-data.js";
import type { AppDeps, BotContext } from "../context.js";
import { withoutMarks } from "../../domain/text.js";
import { Action } from "../../domain/access.js";
import { digestPeople, exportTo, viewScope } from "../../usecases/views.js";
import { privateChatButton } from "../people/help.js";

export function digestsFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  const tz = deps.config.TZ;
  /** The units a command in this chat may look at, or a reason why none. */
  async function scope(ctx: BotContext, action: typeof Action.DIGEST | typeof Action.EXPORT, code: string | undefined): Promise<{ id: number; name: string }[] | string> {
    const viewer = ctx.chat?.type === "private" ? { actor: ctx.actor } : { group: ctx.chat!.id };
    const units = await viewScope(deps, viewer, action, code);
    if (units === "group-not-registered") return ctx.t("group-not-registered");
    if (units === "not-allowed") return ctx.t("digest-not-allowed");
    if (units === "unit-missing") return ctx.t("invite-unit-missing", { code: code!.slice(0, 40) });
    if (units === "no-units") return ctx.t("units-empty");
    return units;
  }

  /** Splits "[mã] [tháng]" (either may be left out). */
  function readArgs(text: string): { code?: string; rest?: string } {
    const words = text.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) return {};
    if (words.length === 1) return /^\d/.test(words[0]!) ? { rest: words[0]! } : { code: words[0]! };
    return { code: words[0]!, rest: words.slice(1).join(" ") };
  }

  composer.command("tonghop", async (ctx) => {
    const now = deps.clock();
    const { code, rest } = readArgs(ctx.match);
    let period: Period = digestPeriodAt(now, tz);
    if (rest) {
      const p = parsePeriod(rest, now, tz);
      if (typeof p !== "object") return ctx.reply(ctx.t("digest-usage"));
      period = p;
    }
    const units = await scope(ctx, Action.DIGEST, ctx.chat?.type === "private" ? code : undefined);
    if (typeof units === "string") return ctx.reply(units);
    for (const unit of units) {
      const loaded = await loadDigest(deps.db, unit.id, period);
      if (!loaded) continue;
      const { digest, inviteAt } = loaded;
      const people = await digestPeople(deps, ctx.chat?.type === "private" ? "private" : "group", unit.id, digest.reports.missing);
      for (const text of digestMessages(ctx.t, unit.name, digest, { inviteAt, people })) await ctx.reply(text);
      const chart = digestChart(ctx.t, unit.name, digest);
      if (chart) await ctx.replyWithPhoto(new InputFile(chart.png, "tien-do.png"), { caption: chart.caption });
    }
  });

  composer.command("xuat", async (ctx) => {
    const now = deps.clock();
    const { code, rest } = readArgs(ctx.match);
    let range: ExportRange = { year: periodOf(now, tz).year };
    let suffix = String(range.year);
    if (rest) {
      if (/^\d{4}$/.test(rest.trim())) {
        range = { year: Number(rest.trim()) };
        suffix = rest.trim();
      } else {
        const p = parsePeriod(rest, now, tz);
        if (typeof p !== "object") return ctx.reply(ctx.t("export-usage"));
        range = p;
        // The file name keeps a sortable "2026-11"; the caption a person reads says "tháng 11/2026".
        suffix = `${p.year}-${String(p.month).padStart(2, "0")}`;
      }
    }
    const rangeText = range.month
      ? ctx.t("export-range-month", { period: formatPeriod({ year: range.year, month: range.month }) })
      : ctx.t("export-range-year", { year: String(range.year) });
    const units = await scope(ctx, Action.EXPORT, ctx.chat?.type === "private" ? code : undefined);
    if (typeof units === "string") return ctx.reply(units);
    const inGroup = ctx.chat?.type !== "private";
    if (inGroup && !(await exportTo(deps, ctx.actor, units[0]!.id))) return ctx.reply(ctx.t("export-group-not-allowed", { unit: units[0]!.name }));
    // In a group the workbook goes to the asker alone: the group is told where it went.
    const send = (file: InputFile, caption: string) => (inGroup ? ctx.api.sendDocument(ctx.from!.id, file, { caption }) : ctx.replyWithDocument(file, { caption }));
    for (const unit of units) {
      const loaded = await exportRows(deps.db, unit.id, range);
      if ("tooLarge" in loaded) {
        await ctx.reply(ctx.t("export-too-large", { unit: unit.name, branches: loaded.tooLarge, max: EXPORT_MAX_BRANCHES }));
        continue;
      }
      const { totals, unreviewed, ...rows } = loaded;
      const xlsx = await buildWorkbook({ labels: workbookLabels((k) => ctx.t(k)), timeZone: tz, createdAt: now, ...rows });
      const caption = ctx.t("export-caption", { unit: unit.name, range: rangeText, reports: rows.reports.length, meetings: rows.meetings.length });
      const file = new InputFile(xlsx, `tong-hop-${normaliseFileName(unit.name)}-${suffix}.xlsx`);
      const notes = [caption, ctx.t("export-totals", { basis: totalsBasis(ctx.t, totals) }), ...(unreviewed > 0 ? [ctx.t("export-unreviewed", { count: unreviewed })] : [])];
      const sent = await send(file, notes.join("\n")).then(
        () => true,
        // Telegram refuses a private message to someone who never opened (or blocked) the chat with the bot.
        (err: unknown) => {
          if (!inGroup) throw err;
          // Ids and the error code only: the refused call carries the caption.
          deps.log.warn({ kind: "export-private", chatId: ctx.from!.id, status: err instanceof GrammyError ? err.error_code : undefined }, "workbook not delivered privately");
          return false;
        },
      );
      if (inGroup) {
        await (sent
          ? ctx.reply(ctx.t("export-sent-privately", { unit: unit.name }))
          : ctx.reply(ctx.t("export-private-failed"), { reply_markup: privateChatButton(ctx, ctx.t("private-chat-button"), { kind: "help" }) }));
      }
    }
  });

  return composer;
}

/** File names without diacritics or spaces travel best between phones and office computers. */
function normaliseFileName(name: string): string {
  return withoutMarks(name)
    .replace(/[^A-Za-z0-9]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase()
    .slice(0, 60);
}
