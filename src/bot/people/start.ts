// /start, with or without an invite code. A link of ours ("/start baocao-2026-11",
// src/domain/deep-link.ts) is passed on: deep-links.ts opens it, after strangers are refused.
// A person who has not given their full name is asked for it under the welcome (profile.ts).
import { Composer } from "grammy";
import { readStartPayload } from "../../domain/deep-link.js";
import { hasAnyRole } from "../../domain/access.js";
import { personName } from "../../domain/people.js";
import { Role } from "../../domain/roles.js";
import { formatDate } from "../../domain/time.js";
import { queueNotice } from "../../outbox/form-notice.js";
import { loadProfile } from "../../store/users.js";
import { acceptInvite } from "../../usecases/invites.js";
import type { AppDeps, BotContext } from "../context.js";
import { PROFILE_FORM, type ProfileOpening } from "./profile.js";

export function startFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();

  /** The welcome, and under it the question of the full name when the person has not given it. */
  async function welcome(ctx: BotContext, text: string) {
    const profile = await loadProfile(deps.db, ctx.from!.id);
    if (profile?.fullName) return ctx.reply(text);
    // A form keeps the update that opened it (ConversationState) until it ends: the invite code
    // is taken out of it first, so that it is never written to the database (secrets-at-rest.test.ts).
    if (ctx.message?.text) ctx.message.text = "/start";
    await ctx.conversation.enter(PROFILE_FORM, { intro: text } satisfies ProfileOpening);
  }

  composer.command("start", async (ctx, next) => {
    const payload = readStartPayload(ctx.match);
    if (payload.kind === "none") {
      if (!hasAnyRole(ctx.actor)) return ctx.reply(ctx.t("refuse-no-role", { id: String(ctx.from!.id) }));
      const profile = await loadProfile(deps.db, ctx.from!.id);
      return welcome(ctx, ctx.t("start-greeting", { name: profile?.fullName ?? ctx.from!.first_name }));
    }
    if (payload.kind === "link") return next();
    if (payload.kind === "bad") return ctx.reply(ctx.t("start-invite-bad-format"));
    const result = await acceptInvite(deps, payload.code, ctx.from!);
    switch (result.status) {
      case "unknown":
        return ctx.reply(ctx.t("start-invite-unknown"));
      case "used":
        return ctx.reply(ctx.t("start-invite-used"));
      case "expired":
        return ctx.reply(ctx.t("start-invite-expired", { date: formatDate(result.expiresAt, deps.config.TZ) }));
      case "taken":
        return ctx.reply(ctx.t("start-invite-taken", { unit: result.unitName, name: result.secretary }));
      case "ok": {
        if (result.already) return ctx.reply(ctx.t("start-invite-already", { unit: result.unitName }));
        const profile = await loadProfile(deps.db, ctx.from!.id);
        const name = profile?.fullName ?? personName({ firstName: ctx.from!.first_name });
        const key =
          result.role === Role.COMMITTEE ? "start-invite-welcome-committee" : result.role === Role.DEPUTY ? "start-invite-welcome-deputy" : "start-invite-welcome";
        let text = ctx.t(key, { name, unit: result.unitName });
        if (result.replaced.length > 0) {
          text += `\n${ctx.t("start-invite-replaced", { names: result.replaced.map((m) => m.name).join(", "), unit: result.unitName })}`;
          // The replaced secretary learns it from the bot, once, even if Telegram is down now.
          const notice = ctx.t("members-replaced-notice", { name, unit: result.unitName });
          const now = deps.clock();
          for (const m of result.replaced) await queueNotice(deps.db, { key: `replaced:${m.membershipId}`, chatId: m.telegramId, text: notice, now });
          deps.outbox.kick();
        }
        return welcome(ctx, text);
      }
    }
  });
  return composer;
}
