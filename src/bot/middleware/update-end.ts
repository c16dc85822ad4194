// What waits for the end of an update. Work a handler hands on (the outbox's
// kick: owed digest rows, review cards) starts once the update's replies are sent
// and its form state stored, so a receipt never waits for it. And with a webhook,
// the answer to a button press (answerCallbackQuery) goes as the webhook request's
// own reply, which costs no request of its own; it is held until the end because
// that reply is also what tells Telegram the update was handled: sent earlier, a
// crash in the rest of the handling would lose the press instead of having it sent
// again.
//
// An update without a press (a typed answer) carries instead the form's edit of the
// question it answers (the answer shown under it, the buttons gone): a call whose result
// the form does not read and whose failure it ignores (forms/session.ts), marked as such
// with replyMayCarry. It then comes a moment after the next question rather than just
// before it; the chat reads the same. Telegram takes one method in a reply, so the press's
// answer keeps it when there is one.
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
  /** The chat of a typed update whose reply may carry an edit (webhook only). */
  editChatId: number | undefined;
  /** The method the reply carries: the press's first answer (Telegram takes only one), or one edit. */
  answer: { method: string; payload: Record<string, unknown>; /** An edit's request as it came, should it have to go first after all. */ url?: string; init?: RequestInit } | undefined;
  /** The reply is being made: grammY may send this call in it. */
  replying: boolean;
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

/**
 * Whether grammY may send a call in the webhook request's reply (its canUseWebhookReply): only
 * the one kept for it, at the end of the update. Any other call earlier would answer the
 * request, and so tell Telegram the update was handled before it is.
 */
export const canUseWebhookReply = (): boolean => scopes.getStore()?.replying === true;

const carriable = new AsyncLocalStorage<true>();

/** Runs `call`, an edit whose result is not read and whose failure is ignored, so that a webhook reply may carry it. */
export function replyMayCarry<T>(call: () => Promise<T>): Promise<T> {
  return carriable.run(true, call);
}

const ANSWERED = JSON.stringify({ ok: true, result: true });

/**
 * The bot's transport: an answer to the press of the update being handled, when
 * it waits for the webhook reply, is kept for the end of the update and taken as
 * done (Telegram's own answer to it is `true`).
 */
export function deferringAnswers(fetch: typeof globalThis.fetch): typeof globalThis.fetch {
  const taken = () => Promise.resolve(new Response(ANSWERED, { status: 200, headers: { "content-type": "application/json" } }));
  return (input, init) => {
    const scope = scopes.getStore();
    if (!scope || scope.ended || typeof init?.body !== "string") return fetch(input, init);
    const url = String(input);
    if (scope.callbackQueryId !== undefined && url.endsWith("/answerCallbackQuery")) {
      const payload = JSON.parse(init.body) as Record<string, unknown>;
      if (payload.callback_query_id === scope.callbackQueryId) {
        scope.answer ??= { method: "answerCallbackQuery", payload };
        return taken();
      }
    }
    if (scope.editChatId === undefined) return fetch(input, init);
    const kept = scope.answer;
    // Only a call that may change a message is read: the next question's sendMessage goes as it is.
    const touchesKept = kept?.method === "editMessageText" && /\/(editMessage\w*|deleteMessage)$/.test(url);
    const mayKeep = kept === undefined && carriable.getStore() === true && url.endsWith("/editMessageText");
    if (!touchesKept && !mayKeep) return fetch(input, init);
    const payload = JSON.parse(init.body) as Record<string, unknown>;
    if (touchesKept && payload.message_id === kept.payload.message_id && Number(payload.chat_id) === scope.editChatId) {
      // The same message changed again in this update: the kept edit goes first, as it came.
      scope.answer = undefined;
      return fetch(kept.url!, kept.init)
        .catch(() => undefined)
        .then(() => fetch(input, init));
    }
    if (mayKeep && Number(payload.chat_id) === scope.editChatId && payload.reply_markup === undefined) {
      scope.answer = { method: "editMessageText", payload, url, init };
      return taken();
    }
    return fetch(input, init);
  };
}

/** `answerInWebhookReply`: updates come through a webhook (src/app.ts). Installed outside the update boundary, whose apology answers a press too. */
export function updateEnd(log: Logger, answerInWebhookReply: boolean): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const press = answerInWebhookReply ? ctx.callbackQuery?.id : undefined;
    const editChatId = answerInWebhookReply && press === undefined && ctx.message !== undefined && ctx.chat?.type === "private" ? ctx.chat.id : undefined;
    const scope: UpdateScope = { callbackQueryId: press, editChatId, answer: undefined, replying: false, later: [], ended: false };
    try {
      await scopes.run(scope, next);
    } finally {
      scope.ended = true;
      if (scope.answer) await scopes.run(scope, () => reply(ctx, scope, log));
      // Once the webhook's answer is on its way: on SQLite the statements of these tasks would hold up its writing.
      if (scope.later.length > 0) setImmediate(() => scope.later.forEach((task) => task()));
    }
  };
}

async function reply(ctx: Context, scope: UpdateScope, log: Logger): Promise<void> {
  const { method, payload } = scope.answer!;
  const call = () => ctx.api.raw[method as "answerCallbackQuery"](payload as never);
  scope.replying = true;
  try {
    await call();
  } catch {
    // The webhook request was already answered (it timed out, src/app.ts WEBHOOK_ANSWER_MS):
    // grammY then sends this call as a request of its own.
    scope.replying = false;
    await call().catch((err: unknown) => log.debug({ err, method }, "the update's last call could not be made"));
  } finally {
    scope.replying = false;
  }
}
