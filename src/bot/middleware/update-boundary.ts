// Outermost middleware: one log line per update with its outcome and time
// taken, and a polite answer instead of silence when something breaks.
import type { Context, MiddlewareFn } from "grammy";
import type { Logger } from "../../log.js";

/** "duplicate": an update already taken on (middleware/dedup.ts), not handled again. */
export type UpdateOutcome = "ok" | "error" | "duplicate";
export type UpdateListener = (updateId: number, outcome: UpdateOutcome) => void;

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
export function updateBoundary(log: Logger, errorText: (ctx: Context, err: unknown) => string, onDone?: UpdateListener): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const started = performance.now();
    let outcome: UpdateOutcome = "ok";
    try {
      await next();
    } catch (err) {
      outcome = "error";
      // The logger's serializer (src/safe-error.ts) keeps the error's kind and Telegram's answer, never the reply's text.
      log.error({ err, update_id: ctx.update.update_id }, "update failed");
      if (ctx.chat?.type === "private") await ctx.reply(errorText(ctx, err)).catch(() => undefined);
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
    } finally {
      if (outcome === "ok") outcome = skipped.get(ctx) ?? "ok";
      log.info(
        {
          update_id: ctx.update.update_id,
          kind: kindOf(ctx),
          chat_id: ctx.chat?.id,
          user_id: ctx.from?.id,
          command: commandOf(ctx),
          outcome,
          ms: Math.round((performance.now() - started) * 10) / 10,
        },
        "update",
      );
      onDone?.(ctx.update.update_id, outcome);
    }
  };
}
