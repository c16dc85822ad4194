// Committee members approve or return what their branches send: the buttons
// under a review card, and /choduyet for what is still waiting.
import { Composer } from "grammy";
import { Action, mayAnywhere, reach } from "../../domain/access.js";
import { ReviewState } from "../../domain/review.js";
import { MEETING_FIX_CALLBACK, recordTitle, REVIEW_CALLBACK, reviewCard, tooLateText } from "../../messages/review-card.js";
import { decide, latestVersionOf, loadReviewRecord, pendingRecords } from "../../store/review.js";
import { unitTree } from "../../store/units.js";
import { onDutyChatIds } from "../../store/delegations.js";
import { ensureUser } from "../../store/users.js";
import { stillReviews } from "../../store/rights.js";
import type { AppDeps, BotContext } from "../context.js";
import { MINUTES_FORM, type MeetingPreset } from "../minutes/form.js";
import { refOf, reviewable } from "../review/access.js";
import { RETURN_FORM } from "../review/return-form.js";

/** Cards shown at once by /choduyet; the rest after these are dealt with. */
const CARDS_SHOWN = 10;

export function reviewFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  const tz = deps.config.TZ;

  composer.callbackQuery(REVIEW_CALLBACK, async (ctx) => {
    const [, action, kind, id] = ctx.match;
    const ref = refOf(kind!, id!);
    const t = ctx.t.bind(ctx);
    const record = ref ? await reviewable(deps, ctx.actor, ref) : undefined;
    if (!ref || !record) return ctx.answerCallbackQuery({ text: ctx.t("review-not-allowed"), show_alert: true });
    // The pressed card's buttons go in every case: the answer below says what happened.
    await ctx.editMessageReplyMarkup().catch(() => undefined);
    if (action === "r") {
      await ctx.answerCallbackQuery();
      return ctx.conversation.enter(RETURN_FORM, ref);
    }
    const result = await decide(deps.db, {
      ref,
      reviewerUserId: await ensureUser(deps.db, ctx.from),
      decision: ReviewState.APPROVED,
      now: deps.clock(),
      // The branch hears of it as of a return: the sender and whoever files for it today.
      tellAlso: (tx, unitId) => onDutyChatIds(tx, unitId, deps.clock(), tz),
      // Checked again as the approval is recorded, not only as the button's press came in.
      stillMay: (tx, unitId) => stillReviews(tx, ctx.from.id, deps.config.ADMIN_IDS, unitId, deps.clock(), tz),
    });
    if (result.status === "ok") {
      deps.outbox.kick();
      await ctx.answerCallbackQuery({ text: ctx.t("review-approved-toast") });
      return ctx.reply(ctx.t("review-approved-done", { what: recordTitle(t, record) }));
    }
    await ctx.answerCallbackQuery();
    if (result.status === "not-allowed") return ctx.reply(ctx.t("review-lost-right-approve", { what: recordTitle(t, record) }));
    if (result.status === "missing") return ctx.reply(ctx.t("review-not-allowed"));
    await ctx.reply(tooLateText(t, result.record, ctx.from.id, tz));
    // Replaced meanwhile: the reviewer sees the version that counts now.
    if (!result.record.current) await showLatest(ctx, ref);
  });

  async function showLatest(ctx: BotContext, ref: { kind: "R" | "M"; id: number }) {
    const t = ctx.t.bind(ctx);
    const latest = await latestVersionOf(deps.db, ref);
    const record = latest && (await loadReviewRecord(deps.db, latest));
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
    if (!mayAnywhere(ctx.actor, Action.REVIEW)) return ctx.reply(ctx.t("review-not-reviewer"));
    const scope = reach(ctx.actor, Action.REVIEW, await unitTree(deps.db));
    const { refs, total } = await pendingRecords(deps.db, scope, CARDS_SHOWN);
    if (total === 0) return ctx.reply(ctx.t("review-queue-empty"));
    await ctx.reply(ctx.t("review-queue-head", { total, shown: refs.length }));
    for (const ref of refs) {
      const record = await loadReviewRecord(deps.db, ref);
      if (!record) continue;
      const card = reviewCard(t, record, tz);
      await ctx.reply(card.text, { reply_markup: card.keyboard });
    }
    if (total > refs.length) await ctx.reply(ctx.t("review-queue-more", { more: total - refs.length }));
  });

  // Under a returned minutes' notice: reopen /bienban on that meeting.
  composer.callbackQuery(MEETING_FIX_CALLBACK, async (ctx) => {
    const ref = refOf("M", ctx.match[1]!);
    const record = ref ? await loadReviewRecord(deps.db, ref) : null;
    if (!record || record.kind !== "M") return ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
    await ctx.answerCallbackQuery();
    await ctx.conversation.enter(MINUTES_FORM, { kind: record.draft.kind, heldOn: record.draft.heldOn, unitId: record.unitId } satisfies MeetingPreset);
  });

  return composer;
}
