// "/yeucau moi" starts a new request at once (the bare /yeucau is the list, ./list.ts, which
// carries the new-request button). The buttons that open the form (new, copy, change) are read here, each through the
// one reading of request buttons; the others pass on to their own handlers.
import { Composer } from "grammy";
import { Action, mayAnywhere } from "../../domain/access.js";
import { readRequestButton } from "../../domain/request-buttons.js";
import { withoutMarks } from "../../domain/text.js";
import type { BotContext } from "../context.js";
import { REQUEST_FORM, type RequestPreset } from "./form.js";

export function requestCommandFeature() {
  const composer = new Composer<BotContext>();
  composer.command("yeucau", async (ctx, next) => {
    if (withoutMarks(ctx.match.trim().toLowerCase()) !== "moi") return next();
    if (!mayAnywhere(ctx.actor, Action.REQUEST)) return ctx.reply(ctx.t("request-not-allowed"));
    return ctx.conversation.enter(REQUEST_FORM);
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
