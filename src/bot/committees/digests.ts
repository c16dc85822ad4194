// Committees' views: /tonghop and /xuat in a registered group (groups.ts), or in a
// private chat for the units the access table lets the person see.
import { Composer, InputFile } from "grammy";
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
import { viewScope } from "../../usecases/views.js";

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
      const { digest } = loaded;
      for (const text of digestMessages(ctx.t, unit.name, digest)) await ctx.reply(text);
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
    for (const unit of units) {
      const loaded = await exportRows(deps.db, unit.id, range);
      if ("tooLarge" in loaded) {
        await ctx.reply(ctx.t("export-too-large", { unit: unit.name, branches: loaded.tooLarge, max: EXPORT_MAX_BRANCHES }));
        continue;
      }
      const { totals, ...rows } = loaded;
      const xlsx = await buildWorkbook({ labels: workbookLabels((k) => ctx.t(k)), timeZone: tz, createdAt: now, ...rows });
      const caption = ctx.t("export-caption", { unit: unit.name, range: rangeText, reports: rows.reports.length, meetings: rows.meetings.length });
      await ctx.replyWithDocument(new InputFile(xlsx, `tong-hop-${normaliseFileName(unit.name)}-${suffix}.xlsx`), {
        caption: `${caption}\n${ctx.t("export-totals", { basis: totalsBasis(ctx.t, totals) })}`,
      });
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
