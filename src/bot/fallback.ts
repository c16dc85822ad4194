import { Composer } from "grammy";
import type { Db } from "../db/client.js";
import { dropFormFromOlderVersion } from "../store/older-forms.js";
import type { BotContext } from "./context.js";

/**
 * Last in line: buttons of forms that have ended, and anything not understood. In a private chat,
 * a form saved by an older version of the bot (its questions changed since: FORM_STATE_VERSION)
 * is what the person was answering: they are told it was closed, once, and the saved state goes.
 */
export function fallbackFeature(db: Db, formStateVersion: number) {
  const composer = new Composer<BotContext>();
  const olderForm = (ctx: BotContext) =>
    ctx.chat?.type === "private" ? dropFormFromOlderVersion(db, String(ctx.chat.id), formStateVersion) : Promise.resolve(false);
  composer.on("callback_query", async (ctx) => {
    if (await olderForm(ctx)) {
      await ctx.answerCallbackQuery();
      return void (await ctx.reply(ctx.t("form-from-older-version")));
    }
    await ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
  });
  composer.on("message", async (ctx) => ctx.reply(ctx.t((await olderForm(ctx)) ? "form-from-older-version" : "unknown-input")));
  return composer;
}
