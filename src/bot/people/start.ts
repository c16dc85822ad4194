// /start, with or without an invite code.
import { Composer } from "grammy";
import { isWellFormedInviteCode } from "../../domain/invite.js";
import { hasAnyRole } from "../../domain/access.js";
import { Role } from "../../domain/roles.js";
import { formatDate } from "../../domain/time.js";
import { redeemInvite } from "../../store/invites.js";
import type { AppDeps, BotContext } from "../context.js";

export function startFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx) => {
    const code = ctx.match.trim();
    const name = ctx.from!.first_name;
    if (!code) {
      return ctx.reply(hasAnyRole(ctx.actor) ? ctx.t("start-greeting", { name }) : ctx.t("refuse-no-role"));
    }
    if (!isWellFormedInviteCode(code)) return ctx.reply(ctx.t("start-invite-bad-format"));
    const result = await redeemInvite(deps.db, code, ctx.from!, deps.clock());
    switch (result.status) {
      case "unknown":
        return ctx.reply(ctx.t("start-invite-unknown"));
      case "used":
        return ctx.reply(ctx.t("start-invite-used"));
      case "expired":
        return ctx.reply(ctx.t("start-invite-expired", { date: formatDate(result.expiresAt, deps.config.TZ) }));
      case "ok": {
        const key = result.already
          ? "start-invite-already"
          : result.role === Role.COMMITTEE
            ? "start-invite-welcome-committee"
            : result.role === Role.DEPUTY
              ? "start-invite-welcome-deputy"
              : "start-invite-welcome";
        return ctx.reply(ctx.t(key, { name, unit: result.unitName }));
      }
    }
  });
  return composer;
}
