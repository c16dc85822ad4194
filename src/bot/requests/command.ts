// /yeucau for now: a short intro with the button that starts a new request ("/yeucau moi"
// starts it at once). The list of requests (issue 14, point 5) replaces the intro and keeps the
// button. The buttons that open the form (new, copy, change) are read here, each through the
// one reading of request buttons; the others pass on to their own handlers.
import { Composer, InlineKeyboard } from "grammy";
import { Action, mayAnywhere } from "../../domain/access.js";
import { readRequestButton, requestButtonData } from "../../domain/request-buttons.js";
import { withoutMarks } from "../../domain/text.js";
import type { BotContext } from "../context.js";
import { REQUEST_FORM, type RequestPreset } from "./form.js";

export function requestCommandFeature() {
  const composer = new Composer<BotContext>();
  composer.command("yeucau", async (ctx) => {
    if (!mayAnywhere(ctx.actor, Action.REQUEST)) return ctx.reply(ctx.t("request-not-allowed"));
    if (withoutMarks(ctx.match.trim().toLowerCase()) === "moi") return ctx.conversation.enter(REQUEST_FORM);
    await ctx.reply(ctx.t("request-intro"), { reply_markup: new InlineKeyboard().text(ctx.t("request-button-new"), requestButtonData({ kind: "new" })) });
  });
  return composer;
}

/** The buttons that open the request form; data no button of ours carries gets the stale toast. */
export function requestFormButtons() {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(/^yc:/, async (ctx, next) => {
    const b = readRequestButton(ctx.callbackQuery.data);
    if (!b) return ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
    if (b.kind !== "new" && b.kind !== "copy" && b.kind !== "edit") return next();
    await ctx.answerCallbackQuery();
    const preset: RequestPreset | undefined = b.kind === "copy" ? { copy: b.requestId } : b.kind === "edit" ? { edit: b.requestId } : undefined;
    await (preset ? ctx.conversation.enter(REQUEST_FORM, preset) : ctx.conversation.enter(REQUEST_FORM));
  });
  return composer;
}
