// Which failures of a call to Telegram are Telegram being away for a while, as
// opposed to a request it will never take (400) or a person who blocked the bot (403).
import { GrammyError, HttpError } from "grammy";

/** Left after retrying-fetch.ts has tried several times: a 5xx, a 429 longer than it waits, no connection. */
export function isTelegramOutage(err: unknown): boolean {
  if (err instanceof HttpError) return true;
  return err instanceof GrammyError && (err.error_code >= 500 || err.error_code === 429);
}
