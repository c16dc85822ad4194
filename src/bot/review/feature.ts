// Committee members approve or return what their branches send: the buttons
// under a review card, and /choduyet for what is still waiting.
import { Composer } from "grammy";
import { ReviewState } from "../../domain/review.js";
import { MEETING_FIX_CALLBACK, recordTitle, REVIEW_CALLBACK, reviewCard, tooLateText } from "../../messages/review-card.js";
import type { RecordRef } from "../../domain/review.js";
import { answerCard } from "../../messages/answer-review.js";
import { answerQueue } from "../../usecases/answer-review.js";
import { CARDS_SHOWN, decide, latestRecord, recordOf, reviewable, reviewQueue } from "../../usecases/review.js";
import type { AppDeps, BotContext } from "../context.js";
import { MINUTES_FORM, type MeetingPreset } from "../minutes/form.js";
import { refOf } from "./buttons.js";
import { RETURN_FORM } from "./return-form.js";

export function reviewFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  const tz = deps.config.TZ;

  composer.callbackQuery(REVIEW_CALLBACK, async (ctx) => {
    const [, action, kind, id] = ctx.match;
    const ref = refOf(kind!, id!);
    const t = ctx.t.bind(ctx);
    const record = ref ? await reviewable(deps, ctx.from.id, ref) : undefined;
    if (!ref || !record) return ctx.answerCallbackQuery({ text: ctx.t("review-not-allowed"), show_alert: true });
    if ("ownUnit" in record) {
      await ctx.answerCallbackQuery();
      return ctx.reply(ctx.t("review-own-unit", { unit: record.ownUnit }));
    }
    // The pressed card's buttons go in every case: the answer below says what happened.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (action === "r") {
      await ctx.answerCallbackQuery();
      return ctx.conversation.enter(RETURN_FORM, ref);
    }
    // The rights are checked again as the approval is recorded, not only as the button's press came in.
    const result = await decide(deps, { reviewer: ctx.from, ref, decision: ReviewState.APPROVED });
    if (result.status === "ok") {
      await ctx.answerCallbackQuery({ text: ctx.t("review-approved-toast") });
      return ctx.reply(ctx.t("review-approved-done", { what: recordTitle(t, record) }));
    }
    await ctx.answerCallbackQuery();
    if (result.status === "not-allowed") return ctx.reply(ctx.t("review-lost-right-approve", { what: recordTitle(t, record) }));
    if (result.status === "own-unit") return ctx.reply(ctx.t("review-own-unit", { unit: record.unitName }));
    if (result.status === "missing") return ctx.reply(ctx.t("review-not-allowed"));
    await ctx.reply(tooLateText(t, result.record, ctx.from.id, tz));
    // Replaced meanwhile: the reviewer sees the version that counts now.
    if (!result.record.current) await showLatest(ctx, ref);
  });

  async function showLatest(ctx: BotContext, ref: RecordRef) {
    const t = ctx.t.bind(ctx);
    const record = await latestRecord(deps, ref);
    if (!record) return;
    if (record.state === ReviewState.PENDING) {
      const card = reviewCard(t, record, tz);
      await ctx.reply(card.text, { reply_markup: card.keyboard });
    } else {
      await ctx.reply(tooLateText(t, record, ctx.from!.id, tz));
    }
  }

  composer.command("choduyet", async (ctx) => {
    const t = ctx.t.bind(ctx);
    const queue = await reviewQueue(deps, ctx.actor);
    if (queue.status === "not-reviewer") return ctx.reply(ctx.t("review-not-reviewer"));
    const { records } = queue;
    // Answers to requests (/yeucau) after the reports and minutes, in the room the first left.
    const answers = await answerQueue(deps, ctx.actor, Math.max(0, CARDS_SHOWN - queue.shown));
    const total = queue.total + answers.total;
    const shown = queue.shown + answers.answers.length;
    if (total === 0) return ctx.reply(ctx.t("review-queue-empty"));
    await ctx.reply(ctx.t("review-queue-head", { total, shown }));
    for (const record of records) {
      const card = reviewCard(t, record, tz);
      await ctx.reply(card.text, { reply_markup: card.keyboard });
    }
    for (const answer of answers.answers) {
      for (const part of answerCard(t, answer, tz)) await ctx.reply(part.text, part.keyboard ? { reply_markup: part.keyboard } : {});
    }
    if (total > shown) await ctx.reply(ctx.t("review-queue-more", { more: total - shown }));
  });

  // Under a returned minutes' notice: reopen /bienban on that meeting.
  composer.callbackQuery(MEETING_FIX_CALLBACK, async (ctx) => {
    const ref = refOf("M", ctx.match[1]!);
    const record = ref ? await recordOf(deps, ref) : null;
    if (!record || record.kind !== "M") return ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(MINUTES_FORM, { kind: record.draft.kind, heldOn: record.draft.heldOn, unitId: record.unitId } satisfies MeetingPreset);
  });

  return composer;
}
