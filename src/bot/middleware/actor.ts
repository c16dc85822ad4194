import type { MiddlewareFn } from "grammy";
import { hasAnyRole } from "../../domain/access.js";
import { loadActor } from "../../store/access.js";
import type { AppDeps, BotContext } from "../context.js";

export function attachActor(deps: AppDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const id = ctx.from?.id;
    ctx.actor = id
      ? await loadActor(deps.db, id, deps.config.ADMIN_IDS)
      : { telegramId: 0, isAdmin: false, memberships: [] };
    await next();
  };
}

/** A branch's figures are for that branch and the committees above it: strangers get a refusal and nothing else. */
export const refuseStrangers: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (hasAnyRole(ctx.actor)) return next();
  if (ctx.callbackQuery) await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("refuse-no-role"));
};

export const adminOnly: MiddlewareFn<BotContext> = async (ctx, next) => {
  if (ctx.actor.isAdmin) return next();
  await ctx.reply(ctx.t("refuse-admin-only"));
};
