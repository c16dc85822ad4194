// The "✍️ Trả lời" button under a delivered request (and under its reminders) opens the
// answer form (answer-form.ts). Its data is input: read by readRequestButton, and a
// request or revision it names is checked by the form as the person opens it.
import { Composer } from "grammy";
import { readRequestButton } from "../../domain/request-buttons.js";
import type { BotContext } from "../context.js";
import { ANSWER_FORM, type AnswerPreset } from "./answer-form.js";

export function answerFeature() {
  const composer = new Composer<BotContext>();
  composer.callbackQuery(/^yc:tl:/, async (ctx) => {
    const b = readRequestButton(ctx.callbackQuery.data);
    if (b?.kind !== "answer") return ctx.answerCallbackQuery({ text: ctx.t("request-button-forged"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(ANSWER_FORM, { requestId: b.requestId, revision: b.revision } satisfies AnswerPreset);
  });
  return composer;
}
