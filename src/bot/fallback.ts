import { Composer } from "grammy";
import type { BotContext } from "./context.js";

/** Last in line: buttons of forms that have ended, and anything not understood. */
export function fallbackFeature() {
  const composer = new Composer<BotContext>();
  composer.on("callback_query", (ctx) => ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true }));
  composer.on("message", (ctx) => ctx.reply(ctx.t("unknown-input")));
  return composer;
}
