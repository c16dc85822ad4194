// Committee members approve or return the answers to requests (/yeucau) from the card
// the queue sent them, as they do reports (./feature.ts): the same rules, the same replies.
import { Composer } from "grammy";
import { readRequestButton } from "../../domain/request-buttons.js";
import { ReviewState } from "../../domain/review.js";
import { answerCard, answerTitle, answerTooLateText } from "../../messages/answer-review.js";
import { decideAnswer, latestAnswer, reviewableAnswer } from "../../usecases/answer-review.js";
import type { AppDeps, BotContext } from "../context.js";
import { ANSWER_RETURN_FORM } from "./answer-return-form.js";

/** The review buttons' prefix; the data is read whole by readRequestButton, which refuses a forged one. */
const ANSWER_REVIEW_CALLBACK = /^yc:(?:ok|tra):/;

export function answerReviewFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  const tz = deps.config.TZ;

  composer.callbackQuery(ANSWER_REVIEW_CALLBACK, async (ctx) => {
    const button = readRequestButton(ctx.callbackQuery.data);
    const answerId = button?.kind === "approve" || button?.kind === "return" ? button.answerId : undefined;
    const answer = answerId === undefined ? undefined : await reviewableAnswer(deps, ctx.from.id, answerId);
    if (answerId === undefined || !answer) return ctx.answerCallbackQuery({ text: ctx.t("review-not-allowed"), show_alert: true });
    if ("ownUnit" in answer) {
      await ctx.answerCallbackQuery();
      return ctx.reply(ctx.t("answer-review-own-unit", { unit: answer.ownUnit }));
    }
    const t = ctx.t.bind(ctx);
    // The pressed card's buttons go in every case: the answer below says what happened.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (button!.kind === "return") {
      await ctx.answerCallbackQuery();
      return ctx.conversation.enter(ANSWER_RETURN_FORM, answerId);
    }
    // The rights are checked again as the approval is recorded, not only as the button's press came in.
    const result = await decideAnswer(deps, { reviewer: ctx.from, answerId, decision: ReviewState.APPROVED });
    if (result.status === "ok") {
      await ctx.answerCallbackQuery({ text: ctx.t("review-approved-toast") });
      return ctx.reply(ctx.t("review-approved-done", { what: answerTitle(t, answer) }));
    }
    await ctx.answerCallbackQuery();
    if (result.status === "not-allowed") return ctx.reply(ctx.t("review-lost-right-approve", { what: answerTitle(t, answer) }));
    if (result.status === "own-unit") return ctx.reply(ctx.t("answer-review-own-unit", { unit: answer.unitName }));
    if (result.status === "missing") return ctx.reply(ctx.t("review-not-allowed"));
    await ctx.reply(answerTooLateText(t, result.answer, ctx.from.id, tz));
    // Replaced meanwhile: the reviewer sees the version that counts now.
    if (!result.answer.current) await showLatest(ctx, answerId);
  });

  async function showLatest(ctx: BotContext, answerId: number) {
    const t = ctx.t.bind(ctx);
    const answer = await latestAnswer(deps, answerId);
    if (!answer) return;
    if (answer.state !== ReviewState.PENDING) return void (await ctx.reply(answerTooLateText(t, answer, ctx.from!.id, tz)));
    for (const part of answerCard(t, answer, tz)) await ctx.reply(part.text, part.keyboard ? { reply_markup: part.keyboard } : {});
  }

  return composer;
}
