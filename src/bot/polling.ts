// Long polling with @grammyjs/runner, and what happens when it stops on its own.
//
// The runner retries failed getUpdates calls for up to 15 hours, printing each
// error with its stack on stderr, and gives up at once on 401 (token revoked)
// and 409 (another process polls the same token, or a webhook is set): its
// task then rejects, which without a handler kills the process with a raw
// stack. Here it is silent, each failure is one log line, and giving up is
// reported through `halted` so that main.ts stops gracefully with one line.
import { GrammyError, HttpError, type Bot } from "grammy";
import { run, type RunnerHandle } from "@grammyjs/runner";
import type { Logger } from "../log.js";
import type { BotContext } from "./context.js";
import { ALLOWED_UPDATES } from "./create-bot.js";
import { errorDetail, type PollingProblem } from "../startup/problems.js";

export interface Polling {
  runner: RunnerHandle;
  /** Resolves when polling stopped by itself (never after runner.stop()). */
  halted: Promise<PollingProblem>;
}

export function startPolling(bot: Bot<BotContext>, log: Logger): Polling {
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method !== "getUpdates") return prev(method, payload, signal);
    try {
      const res = await prev(method, payload, signal);
      // 401 and 409 end the polling: logged once, below.
      if (!res.ok && res.error_code !== 401 && res.error_code !== 409) log.warn({ status: res.error_code }, "getUpdates failed, retrying");
      return res;
    } catch (err) {
      // Aborted: the runner is stopping. The error's message holds the URL and so the token: only its code is logged.
      if (!signal?.aborted) log.warn({ reason: codeOf(err) }, "getUpdates failed, retrying");
      throw err;
    }
  });
  const runner = run(bot, { runner: { silent: true, fetch: { timeout: 30, allowed_updates: [...ALLOWED_UPDATES] } } });
  const halted = new Promise<PollingProblem>((resolve) => {
    runner.task()?.catch((err: unknown) => {
      if (err instanceof GrammyError && err.error_code === 409) {
        log.error({ status: 409 }, "another process is running this bot");
        resolve({ kind: "conflict" });
      } else if (err instanceof GrammyError && err.error_code === 401) {
        log.error({ status: 401 }, "Telegram refused the bot token");
        resolve({ kind: "token-refused" });
      } else {
        log.error({ reason: codeOf(err) }, "polling stopped");
        resolve({ kind: "failed", detail: err instanceof GrammyError ? errorDetail(err) : codeOf(err) });
      }
    });
  });
  return { runner, halted };
}

function codeOf(err: unknown): string {
  if (err instanceof GrammyError) return String(err.error_code);
  const cause = (err instanceof HttpError ? err.error : err) as { code?: unknown; name?: unknown } | null;
  return [cause?.code, cause?.name].find((v): v is string => typeof v === "string") ?? "unknown";
}
