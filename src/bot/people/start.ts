// /start, with or without an invite code. A link of ours ("/start baocao-2026-11",
// src/domain/deep-link.ts) is passed on: deep-links.ts opens it, after strangers are refused.
import { Composer } from "grammy";
import { readStartPayload } from "../../domain/deep-link.js";
import { hasAnyRole } from "../../domain/access.js";
import { Role } from "../../domain/roles.js";
import { formatDate } from "../../domain/time.js";
import { acceptInvite } from "../../usecases/invites.js";
import type { AppDeps, BotContext } from "../context.js";

export function startFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  composer.command("start", async (ctx, next) => {
    const payload = readStartPayload(ctx.match);
    const name = ctx.from!.first_name;
    if (payload.kind === "none") {
      return ctx.reply(hasAnyRole(ctx.actor) ? ctx.t("start-greeting", { name }) : ctx.t("refuse-no-role"));
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
