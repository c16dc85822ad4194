// What waits for the end of an update. Work a handler hands on (the outbox's
// kick: owed digest rows, review cards) starts once the update's replies are sent
// and its form state stored, so a receipt never waits for it. And with a webhook,
// the answer to a button press (answerCallbackQuery) goes as the webhook request's
// own reply, which costs no request of its own; it is held until the end because
// that reply is also what tells Telegram the update was handled: sent earlier, a
// crash in the rest of the handling would lose the press instead of having it sent
// again.
//
// The press is answered inside forms too, where grammY's conversations plugin calls
// the Bot API through an Api of its own (no webhook reply there): so the answer is
// taken at the transport (deferringAnswers, below every Api), and the form's log still
// records the call and its result as before.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Context, MiddlewareFn } from "grammy";
import type { Logger } from "../../log.js";

interface UpdateScope {
  /** The press this update carries, when its answer is to wait for the webhook reply. */
  callbackQueryId: string | undefined;
  /** Its first answer (Telegram takes only one). */
  answer: Record<string, unknown> | undefined;
  later: (() => void)[];
  /** The update is done: what is handed on now runs at once. */
  ended: boolean;
}

const scopes = new AsyncLocalStorage<UpdateScope>();

/** Runs `task` when the update being handled is done; at once outside an update (jobs, tests, benchmarks). */
export function afterThisUpdate(task: () => void): void {
  const scope = scopes.getStore();
  if (scope && !scope.ended) scope.later.push(task);
  else task();
}

/** The Bot API methods a webhook request's reply may carry (grammY's canUseWebhookReply). */
export const canUseWebhookReply = (method: string): boolean => method === "answerCallbackQuery";

const ANSWERED = JSON.stringify({ ok: true, result: true });

/**
 * The bot's transport: an answer to the press of the update being handled, when
 * it waits for the webhook reply, is kept for the end of the update and taken as
 * done (Telegram's own answer to it is `true`).
 */
export function deferringAnswers(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  return (input, init) => {
    const scope = scopes.getStore();
    if (scope?.callbackQueryId !== undefined && !scope.ended && typeof init?.body === "string" && String(input).endsWith("/answerCallbackQuery")) {
      const payload = JSON.parse(init.body) as Record<string, unknown>;
      if (payload.callback_query_id === scope.callbackQueryId) {
        scope.answer ??= payload;
        return Promise.resolve(new Response(ANSWERED, { status: 200, headers: { "content-type": "application/json" } }));
      }
    }
    return fetch(input, init);
  };
}

/** `answerInWebhookReply`: updates come through a webhook (src/app.ts). Installed outside the update boundary, whose apology answers a press too. */
export function updateEnd(log: Logger, answerInWebhookReply: boolean): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const scope: UpdateScope = { callbackQueryId: answerInWebhookReply ? ctx.callbackQuery?.id : undefined, answer: undefined, later: [], ended: false };
    try {
      await scopes.run(scope, next);
    } finally {
      scope.ended = true;
      if (scope.answer) await answer(ctx, scope.answer, log);
      // Once the webhook's answer is on its way: on SQLite the statements of these tasks would hold up its writing.
      if (scope.later.length > 0) setImmediate(() => scope.later.forEach((task) => task()));
    }
  };
}

async function answer(ctx: Context, payload: Record<string, unknown>, log: Logger): Promise<void> {
  const { callback_query_id, ...rest } = payload;
  const call = () => ctx.api.answerCallbackQuery(String(callback_query_id), rest);
  try {
    await call();
  } catch {
    // The webhook request was already answered (it timed out, src/app.ts WEBHOOK_ANSWER_MS):
    // grammY then sends this call as a request of its own.
    await call().catch((err: unknown) => log.debug({ err }, "a button press could not be answered"));
  }
}
