// Outermost middleware: one log line per update with its outcome and time
// taken, and a polite answer instead of silence when something breaks. It
// gives the update its own logger (ctx.logger, bound to update_id), so every
// line a feature writes can be traced to its update.
import type { Context, MiddlewareFn } from "grammy";
import { isWellFormedUpdate } from "../../domain/update-shape.js";
import type { Logger } from "../../log.js";

/**
 * "duplicate": an update already taken on (middleware/dedup.ts), not handled again.
 * "malformed": a body whose fields are not of Telegram's types (src/domain/update-shape.ts), left alone.
 */
export type UpdateOutcome = "ok" | "error" | "duplicate" | "malformed";
export type UpdateListener = (updateId: number, outcome: UpdateOutcome) => void;

export type LoggingContext = Context & { logger: Logger };

const skipped = new WeakMap<Context, UpdateOutcome>();

/** For a middleware inside the boundary that decides to leave an update alone. */
export function markSkipped(ctx: Context, outcome: "duplicate"): void {
  skipped.set(ctx, outcome);
}

function kindOf(ctx: Context): string {
  return Object.keys(ctx.update).find((k) => k !== "update_id") ?? "unknown";
}

/** Only the command name is logged, never what people type. */
function commandOf(ctx: Context): string | undefined {
  const text = ctx.message?.text;
  return text?.startsWith("/") ? text.split(/[\s@]/, 1)[0] : undefined;
}

/** `errorText`: the apology for this failure (src/bot/middleware/form-watch.ts tells whether it closed a form). */
export function updateBoundary<C extends LoggingContext>(log: Logger, errorText: (ctx: C, err: unknown) => string, onDone?: UpdateListener): MiddlewareFn<C> {
  return async (ctx, next) => {
    const started = performance.now();
    const updateId = ctx.update.update_id;
    ctx.logger = log.child({ update_id: updateId });
    if (!isWellFormedUpdate(ctx.update)) {
      ctx.logger.warn({ kind: kindOf(ctx), outcome: "malformed" }, "update");
      onDone?.(updateId, "malformed");
      return;
    }
    let outcome: UpdateOutcome = "ok";
    try {
      await next();
    } catch (err) {
      outcome = "error";
      // The logger's serializer (src/safe-error.ts) keeps the error's kind and Telegram's answer, never the reply's text.
      ctx.logger.error({ err }, "update failed");
      if (ctx.chat?.type === "private") await ctx.reply(errorText(ctx, err)).catch(() => undefined);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    } finally {
      if (outcome === "ok") outcome = skipped.get(ctx) ?? "ok";
      ctx.logger.info(
        {
          kind: kindOf(ctx),
          chat_id: ctx.chat?.id,
          user_id: ctx.from?.id,
          command: commandOf(ctx),
          outcome,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        "update",
      );
      onDone?.(updateId, outcome);
    }
  };
}
