// Who sent the update (their roles, through the access loader), and the gates the
// access table puts before whole features: strangers, and administrators' commands.
import { Composer, type CommandContext, type MiddlewareFn } from "grammy";
import { Action, hasAnyRole, mayAnywhere } from "../../domain/access.js";
import { driverOf } from "../../db/client.js";
import type { Actor } from "../../domain/roles.js";
import { readActor } from "../../store/access.js";
import { findUserId } from "../../store/users.js";
import { readAccessVersion } from "../../store/update-claims.js";
import type { AppDeps, BotContext } from "../context.js";
import type { ClaimedContext } from "./dedup.js";

/** People whose roles an instance keeps; the least recently seen go first. */
const CACHED_PEOPLE = 10_000;

/**
 * The people's roles this instance keeps, each with the version of everyone's roles it was
 * read at or after. A form reads its sender's here (`of`): inside a conversation the update's
 * context has no actor, and what attachActor checked for this very update is the entry.
 */
export class KnownActors {
  private readonly cache = new Map<number, { version: number; actor: Actor }>();

  /** The person's roles if kept at `version`. */
  at(telegramId: number, version: number): Actor | undefined {
    const kept = this.cache.get(telegramId);
    return kept?.version === version ? kept.actor : undefined;
  }

  /** Kept as the most recently seen: the least recently seen go first. */
  keep(telegramId: number, version: number, actor: Actor): void {
    this.cache.delete(telegramId);
    this.cache.set(telegramId, { version, actor });
    if (this.cache.size > CACHED_PEOPLE) this.cache.delete(this.cache.keys().next().value!);
  }

  /** The roles attachActor kept for this person during the update being handled (undefined: no longer kept). */
  of(telegramId: number): Actor | undefined {
    return this.cache.get(telegramId)?.actor;
  }
}

/**
 * The person's roles, kept in memory while everyone's roles keep the version read
 * with this update's claim (src/store/access-version.ts): any change of roles, on any
 * instance, is seen at the next update. Decisions read the roles again inside their
 * own transaction anyway (src/store/access.ts refusalOf).
 */
export function attachActor(deps: AppDeps, actors = new KnownActors()): MiddlewareFn<BotContext & ClaimedContext> {
  return async (ctx, next) => {
    const id = ctx.from?.id;
    if (!id) {
      ctx.actor = { telegramId: 0, isAdmin: false, memberships: [] };
      return next();
    }
    // Read before the roles: a change committed in between makes the next update reload them.
    const version = ctx.accessVersion ?? (await readAccessVersion(await driverOf(deps.db)));
    const actor = actors.at(id, version) ?? (await readActor(deps.db, id, deps.config.ADMIN_IDS));
    actors.keep(id, version, actor);
    ctx.actor = actor;
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
