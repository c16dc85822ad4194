// getMe at start, tried again for a bounded time: Telegram may be a moment
// away (the network comes up after the bot), but not for ever. grammY's own
// bot.init() retries network errors without end and says nothing meanwhile.
import { Api, GrammyError, HttpError } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "../log.js";
import { StartupError, type NetProblem } from "./problems.js";
import { hideCredentials } from "./urls.js";

/** The production budget for reaching Telegram at start (TELEGRAM_START_SECONDS overrides it). */
export const TELEGRAM_START_MS = 60_000;
/** One getMe waits at most this long for its answer: a silent server must not use the whole budget at once. */
const ATTEMPT_MS = 10_000;
/** Pause after the first failed attempt, doubled after each next one up to the maximum. */
const FIRST_PAUSE_MS = 1_000;
const MAX_PAUSE_MS = 8_000;

export interface ReachOptions {
  token: string;
  /** TELEGRAM_API_ROOT. */
  root: string;
  budgetMs: number;
  log: Logger;
}

export async function reachTelegram(o: ReachOptions): Promise<UserFromGetMe> {
  // A client of its own, without the bot's retrying fetch (src/bot/retrying-fetch.ts):
  // the retries here are the only ones, so each failure is seen with its reason
  // and the whole stays within the budget.
  const api = new Api(o.token, { apiRoot: o.root });
  const deadline = Date.now() + o.budgetMs;
  let last: Failure;
  for (let attempt = 1; ; attempt++) {
    const left = deadline - Date.now();
    try {
      // Node's own AbortSignal: grammY only needs addEventListener (its types name the abort-controller package's).
      const signal = AbortSignal.timeout(Math.max(1, Math.min(ATTEMPT_MS, left))) as unknown as Parameters<Api["getMe"]>[0];
      return await api.getMe(signal);
    } catch (err) {
      if (err instanceof GrammyError && err.error_code === 401) {
        o.log.error({ status: 401 }, "Telegram refused the bot token");
        throw new StartupError({ kind: "token-refused" });
      }
      if (err instanceof GrammyError && err.error_code !== 429 && err.error_code < 500) {
        o.log.error({ status: err.error_code }, "Telegram refused getMe");
        throw new StartupError({ kind: "telegram-refused", root: hideCredentials(o.root), status: err.error_code, description: err.description.slice(0, 200) });
      }
      last = failureOf(err);
      const retryAfter = err instanceof GrammyError ? err.parameters.retry_after : undefined;
      const wanted = typeof retryAfter === "number" ? retryAfter * 1000 : Math.min(FIRST_PAUSE_MS * 2 ** (attempt - 1), MAX_PAUSE_MS);
      const remaining = deadline - Date.now();
      // No time left for another attempt: the budget is spent (waited out, so that the line's "after N seconds" is true).
      if (wanted >= remaining) {
        if (remaining > 0) await new Promise((resolve) => setTimeout(resolve, remaining));
        o.log.error({ attempts: attempt, ...last }, "Telegram not reachable, giving up");
        break;
      }
      o.log.warn({ attempt, ...last, retry_in_ms: wanted }, "Telegram not reachable, retrying");
      await new Promise((resolve) => setTimeout(resolve, wanted));
    }
  }
  throw new StartupError({ kind: "telegram-unreachable", root: hideCredentials(o.root), seconds: Math.round(o.budgetMs / 1000), ...last });
}

interface Failure {
  problem: NetProblem;
  /** The HTTP status or the error code: never the error's message, which holds the URL and so the token. */
  detail: string;
}

function failureOf(err: unknown): Failure {
  if (err instanceof GrammyError) return { problem: "status", detail: String(err.error_code) };
  // node-fetch's FetchError (code: ECONNREFUSED..., type: "system" or "invalid-json") or AbortError.
  const cause = (err instanceof HttpError ? err.error : err) as { code?: unknown; type?: unknown; name?: unknown } | null;
  const detail = [cause?.code, cause?.type, cause?.name].find((v): v is string => typeof v === "string") ?? "unknown";
  if (cause?.name === "AbortError" || cause?.type === "aborted" || detail === "ETIMEDOUT" || detail === "ESOCKETTIMEDOUT") return { problem: "timeout", detail };
  if (detail === "ENOTFOUND" || detail === "EAI_AGAIN") return { problem: "dns", detail };
  if (detail === "ECONNREFUSED") return { problem: "refused", detail };
  if (detail === "ECONNRESET" || detail === "EPIPE") return { problem: "reset", detail };
  // An answer that is not JSON: something else than a Bot API at that address (a web page, a proxy's error).
  if (detail === "invalid-json") return { problem: "not-bot-api", detail };
  return { problem: "other", detail };
}
