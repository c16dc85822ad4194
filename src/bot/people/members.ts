// /thanhvien <mã>: an administrator sees the unit's people with their roles and removes one,
// after a confirmation. The buttons carry a membership id (forgeable: read by
// src/domain/people.ts), and the confirmation asks the right and the membership again
// (src/usecases/members.ts).
import { Composer, InlineKeyboard } from "grammy";
import { memberButtonData, MEMBER_BUTTON, readMemberButton } from "../../domain/people.js";
import { splitIntoMessages } from "../../domain/text.js";
import { formatDate } from "../../domain/time.js";
import { normaliseUnitCode } from "../../domain/units.js";
import { queueNotice } from "../../outbox/form-notice.js";
import { findMembership, listMembers } from "../../store/members.js";
import { findUnit } from "../../store/units.js";
import { removeMember } from "../../usecases/members.js";
import type { AppDeps, BotContext } from "../context.js";
import { adminCommands, isAdmin } from "../middleware/actor.js";

/** Buttons in one message at most: Telegram takes 100; a unit with more is listed without the rest's buttons. */
const BUTTONS_MAX = 50;

export function membersFeature(deps: AppDeps) {
  const tz = deps.config.TZ;
  const composer = new Composer<BotContext>();

  composer.use(
    adminCommands({
      thanhvien: async (ctx) => {
        const raw = ctx.match.trim();
        if (!raw || /\s/.test(raw)) return ctx.reply(ctx.t("members-usage"));
        const code = normaliseUnitCode(raw);
        const unit = code ? await findUnit(deps.db, code) : null;
        if (!unit) return ctx.reply(ctx.t("members-unit-missing", { code: raw.slice(0, 40) }));
        const members = await listMembers(deps.db, unit.id);
        if (members.length === 0) return ctx.reply(ctx.t("members-empty", { unit: unit.name, code: unit.code }));
        const lines = [ctx.t("members-title", { code: unit.code, unit: unit.name, count: members.length })];
        const keyboard = new InlineKeyboard();
        members.forEach((m, i) => {
          const role = ctx.t(`role-${m.role}`);
          lines.push(ctx.t("members-line", { n: i + 1, title: m.title, role, since: formatDate(m.since, tz) }));
          if (i < BUTTONS_MAX) keyboard.text(ctx.t("members-button", { n: i + 1, name: m.title, role }), memberButtonData({ kind: "ask", membershipId: m.membershipId })).row();
        });
        lines.push("", ctx.t("members-hint"));
        const texts = splitIntoMessages(lines);
        for (const [i, text] of texts.entries()) await ctx.reply(text, i === texts.length - 1 ? { reply_markup: keyboard } : {});
      },
    }),
  );

  composer.callbackQuery(MEMBER_BUTTON, async (ctx) => {
    if (!isAdmin(ctx)) return ctx.answerCallbackQuery({ text: ctx.t("refuse-admin-only"), show_alert: true });
    const button = readMemberButton(ctx.callbackQuery.data);
    if (!button) return ctx.answerCallbackQuery({ text: ctx.t("members-bad-button"), show_alert: true });
    if (button.kind === "keep") {
      await ctx.answerCallbackQuery();
      return ctx.editMessageText(ctx.t("members-kept-plain"));
    }
    if (button.kind === "ask") {
      const m = await findMembership(deps.db, button.membershipId);
      if (!m) return ctx.answerCallbackQuery({ text: ctx.t("members-gone"), show_alert: true });
      await ctx.answerCallbackQuery();
      const keyboard = new InlineKeyboard()
        .text(ctx.t("members-confirm-yes"), memberButtonData({ kind: "confirm", membershipId: m.membershipId }))
        .text(ctx.t("members-confirm-no"), memberButtonData({ kind: "keep" }));
      return ctx.reply(ctx.t("members-confirm", { role: ctx.t(`role-${m.role}`), unit: m.unitName, title: m.title }), { reply_markup: keyboard });
    }
    const result = await removeMember(deps, ctx.from.id, button.membershipId);
    if (result.status === "refused") return ctx.answerCallbackQuery({ text: ctx.t("refuse-admin-only"), show_alert: true });
    if (result.status === "gone") {
      await ctx.answerCallbackQuery({ text: ctx.t("members-gone"), show_alert: true });
      return ctx.editMessageReplyMarkup();
    }
    const m = result.member;
    const role = ctx.t(`role-${m.role}`);
    // The person learns it from the bot, once, through the outbox (Telegram may be down now).
    const notice = ctx.t("members-removed-notice", { role, unit: m.unitName });
    await queueNotice(deps.db, { key: `removed:${m.membershipId}`, chatId: m.telegramId, text: notice, now: deps.clock() });
    deps.outbox.kick();
    await ctx.answerCallbackQuery();
    ctx.logger.info({ membership: m.membershipId, role: m.role, unit: m.unitId }, "membership removed");
    return ctx.editMessageText(ctx.t("members-removed", { role, unit: m.unitName, name: m.title }));
  });
  return composer;
}
