// Who sent the update (their roles, through the access loader), and the gates the
// access table puts before whole features: strangers, and administrators' commands.
import { Composer, type CommandContext, type MiddlewareFn } from "grammy";
import { Action, hasAnyRole, mayAnywhere } from "../../domain/access.js";
import { loadActor } from "../../store/access.js";
import { findUserId } from "../../store/users.js";
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

/**
 * A branch's figures are for that branch and the committees above it: strangers get a refusal
 * and nothing else, with their Telegram id for the administrator. Someone whose roles were all
 * removed is told so (their old buttons and forms end here).
 */
export function refuseStrangers(deps: AppDeps): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (hasAnyRole(ctx.actor)) return next();
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    const id = ctx.from?.id ?? 0;
    await ctx.reply(ctx.t((await findUserId(deps.db, id)) === undefined ? "refuse-no-role" : "refuse-removed", { id: String(id) }));
  };
}

/** The administrators' commands (ADMIN in src/domain/access.ts). */
export const isAdmin = (ctx: BotContext): boolean => mayAnywhere(ctx.actor, Action.ADMIN);

export type CommandHandler = (ctx: CommandContext<BotContext>) => unknown;

/**
 * A composer of commands for administrators: its handlers sit behind
 * `filter(isAdmin)`, and the same commands from anyone else get the refusal
 * (other updates pass on). Each command is named once, with its handler.
 */
export function adminCommands(commands: Record<string, CommandHandler>): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const admins = composer.filter(isAdmin);
  for (const [name, handler] of Object.entries(commands)) admins.command(name, handler);
  composer.command(Object.keys(commands), (ctx) => ctx.reply(ctx.t("refuse-admin-only")));
  return composer;
}
