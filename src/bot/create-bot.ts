// Assembles the bot: the order of middleware here is the order an update meets them.
import { Bot, Composer } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { conversations, createConversation, type ConversationData, type VersionedState } from "@grammyjs/conversations";
import { sequentialize } from "@grammyjs/runner";
import { createI18n, LOCALE } from "../i18n.js";
import nodeFetch from "node-fetch";
import { retryingFetch, type RetryOptions } from "./retrying-fetch.js";
import { leanResults } from "./lean-results.js";
import type { AppDeps, BotContext, FormContext } from "./context.js";
import { attachActor, KnownActors, refuseStrangers } from "./middleware/actor.js";
import { updateBoundary, type UpdateListener } from "./middleware/update-boundary.js";
import { canUseWebhookReply, deferringAnswers, updateEnd } from "./middleware/update-end.js";
import { dedupUpdates } from "./middleware/dedup.js";
import { FormStateStore } from "../store/form-state.js";
import { closedAForm, watchForms } from "./middleware/form-watch.js";
import type { InFlight } from "./middleware/in-flight.js";
import { startFeature } from "./people/start.js";
import { groupHelpFeature, helpFeature } from "./people/help.js";
import { deepLinksFeature } from "./people/deep-links.js";
import { groupRedirectFeature } from "./people/group-redirect.js";
import { handoverFeature } from "./people/handover.js";
import { membersFeature } from "./people/members.js";
import { createProfileForm, PROFILE_FORM, profileFeature } from "./people/profile.js";
import { unitsFeature } from "./units/feature.js";
import { reportFeature } from "./report/feature.js";
import { createReportForm, REPORT_FORM } from "./report/form.js";
import { progressFeature } from "./report/progress.js";
import { minutesFeature } from "./minutes/feature.js";
import { createMinutesForm, MINUTES_FORM } from "./minutes/form.js";
import { minutesViewFeature } from "./minutes/view.js";
import { reviewFeature } from "./review/feature.js";
import { answerFeature } from "./requests/answer-feature.js";
import { ANSWER_FORM, createAnswerForm } from "./requests/answer-form.js";
import { createReturnForm, RETURN_FORM } from "./review/return-form.js";
import { answerReviewFeature } from "./review/answers.js";
import { ANSWER_RETURN_FORM, createAnswerReturnForm } from "./review/answer-return-form.js";
import { auditFeature } from "./committees/audit.js";
import { closeMonthFeature } from "./committees/close-month.js";
import { digestsFeature } from "./committees/digests.js";
import { groupsFeature } from "./committees/groups.js";
import { deadlinesFeature } from "./committees/deadlines.js";
import { groupNamesFeature } from "./committees/group-names.js";
import { quotasFeature } from "./committees/quotas.js";
import { scheduleFeature } from "./committees/schedule.js";
import { totalsFeature } from "./committees/totals.js";
import { fallbackFeature } from "./fallback.js";
import { requestCommandFeature, requestFormButtons } from "./requests/command.js";
import { createRequestForm, REQUEST_FORM } from "./requests/form.js";
import { requestListFeature } from "./requests/list.js";
import { requestActionsFeature } from "./requests/actions.js";

/**
 * Bump when a form's questions change shape: forms left open by older code are then discarded, and
 * the person's next answer is told so (src/bot/fallback.ts). 4: the removals asked by kind. 5: /baocao's
 * send no longer asks the rights and the month's closing before storing (a form logged at the
 * correction reason would replay those answers into the send).
 */
export const FORM_STATE_VERSION = 5;

/**
 * The kinds of update the handlers below use, asked of Telegram (setWebhook,
 * getUpdates) so that nothing else is sent. Add a kind here when a handler
 * starts using it (bot.on("my_chat_member"), edited messages, ...).
 */
export const ALLOWED_UPDATES = ["message", "callback_query"] as const;

export interface BotOptions {
  onUpdateDone?: UpdateListener;
  /** Skips getMe at start (tests, benchmarks). */
  botInfo?: UserFromGetMe;
  /** Counts the updates being handled, for a graceful stop. */
  inFlight?: InFlight;
  /** How replies to people are retried (src/bot/retrying-fetch.ts); tests shorten the back-off. */
  retry?: RetryOptions;
  /** The Bot API's transport: fast composer-level tests answer in memory (test/support/memory-bot.ts). */
  fetch?: typeof fetch;
  /** Updates come through a webhook: a button press is answered in the request's reply (middleware/update-end.ts). */
  webhook?: boolean;
  /** How long an update holds its chat's form against other instances (src/store/update-claims.ts); tests shorten it. */
  formHoldMs?: number;
  /** Whether no other instance runs on the database (src/store/instance-presence.ts); without it, the bot takes itself for not alone. */
  alone?: () => boolean;
}

export function createBot(deps: AppDeps, options: BotOptions = {}): Bot<BotContext> {
  const bot = new Bot<BotContext>(deps.config.BOT_TOKEN, {
    // node-fetch, grammY's own fetch on Node: it keeps connections to the Bot API
    // alive through grammY's agent, which Node's global fetch ignores (measured:
    // a fifth more updates a second, see README "Benchmarks").
    // Answers cut to what the forms use (./lean-results.ts), so that their stored log stays small.
    client: {
      apiRoot: deps.config.TELEGRAM_API_ROOT,
      fetch: deferringAnswers(leanResults(retryingFetch(options.fetch ?? (nodeFetch as unknown as typeof fetch), options.retry))) as never,
      canUseWebhookReply,
    },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  const i18n = createI18n<BotContext>();
  const formI18n = createI18n<FormContext>();

  // What escapes the update boundary (with long polling; a webhook's goes to src/server/http.ts):
  // through the logger, not grammY's default handler, which prints the error's payload to stderr.
  bot.catch((err) => deps.log.error({ err }, "update failed outside its boundary"));
  if (options.inFlight) bot.use(options.inFlight.middleware());
  // One chat's updates in order, different chats in parallel (with the runner).
  bot.use(sequentialize((ctx) => String(ctx.chatId ?? ctx.from?.id ?? "")));
  bot.use(updateEnd(deps.log, options.webhook === true));
  bot.use(updateBoundary(deps.log, (ctx, err) => i18n.t(LOCALE, closedAForm(ctx, err) ? "error-form-ended" : "error-generic"), options.onUpdateDone));
  // Form state through the driver, handed from the update's claim to the plugin (src/store/form-state.ts).
  const forms = new FormStateStore<VersionedState<ConversationData>>(deps.db, deps.clock, options.formHoldMs, options.alone);
  // Inside the boundary, so a skipped duplicate is logged; before anything that writes. What
  // follows it runs again when another instance changed the form meanwhile (middleware/dedup.ts).
  const claimed = new Composer<BotContext>();
  bot.use(dedupUpdates(forms, claimed));
  claimed.use(i18n);
  // The forms open on the roles it keeps (src/bot/forms/filer.ts whoFiles).
  const actors = new KnownActors();
  claimed.use(attachActor(deps, actors));

  // Groups come with the committee features; until then the bot stays silent there.
  const pm = claimed.chatType("private");
  pm.use(
    conversations<BotContext, FormContext>({
      storage: { type: "key", version: FORM_STATE_VERSION, adapter: forms.adapter },
      // Retries need no plugin here: they happen at fetch (src/bot/retrying-fetch.ts), below the replay.
      plugins: [formI18n],
    }),
  );
  // What an error ended, for the apology: inside conversations(), which may close a form on an error.
  pm.use(watchForms);
  // Before the forms, or a form's question would swallow /huy.
  pm.command("huy", async (ctx) => {
    const open = Object.keys(ctx.conversation.active()).length > 0;
    await ctx.conversation.exitAll();
    await ctx.reply(ctx.t(open ? "cancel-done" : "cancel-nothing"));
  });
  pm.use(createConversation(createReportForm(deps, actors), REPORT_FORM));
  pm.use(createConversation(createMinutesForm(deps, actors), MINUTES_FORM));
  pm.use(createConversation(createReturnForm(deps), RETURN_FORM));
  pm.use(createConversation(createAnswerReturnForm(deps), ANSWER_RETURN_FORM));
  pm.use(createConversation(createProfileForm(deps), PROFILE_FORM));
  pm.use(createConversation(createRequestForm(deps), REQUEST_FORM));
  pm.use(createConversation(createAnswerForm(deps), ANSWER_FORM));

  pm.use(startFeature(deps));
  const digests = digestsFeature(deps);
  // Groups: committee commands, /trogiup, and a pointer to the private chat for the commands
  // typed there; everything else in a group is left alone.
  claimed.chatType(["group", "supergroup"]).use(groupsFeature(deps), digests, groupHelpFeature(), groupRedirectFeature());
  pm.use(refuseStrangers(deps));
  // A link's "/start <payload>" becomes the command it stands for, before the features below.
  pm.use(deepLinksFeature());
  // Each feature's audience is at its top: the administrators' ones are behind adminCommands (middleware/actor.ts).
  pm.use(digests);
  pm.use(helpFeature());
  pm.use(unitsFeature(deps));
  pm.use(membersFeature(deps));
  pm.use(profileFeature());
  pm.use(quotasFeature(deps));
  // Before the schedule's /caidat: "/caidat <mã> tên …" is a committee's, /caidat alone the administrators'.
  // "/caidat [<mã>] han …" before both: a deadline, the tree's or a subtree's.
  pm.use(deadlinesFeature(deps));
  pm.use(groupNamesFeature(deps));
  pm.use(scheduleFeature(deps));
  pm.use(auditFeature(deps));
  pm.use(totalsFeature(deps));
  pm.use(closeMonthFeature(deps));
  pm.use(reviewFeature(deps));
  pm.use(answerReviewFeature(deps));
  pm.use(reportFeature());
  pm.use(answerFeature());
  pm.use(minutesFeature());
  pm.use(minutesViewFeature(deps));
  pm.use(progressFeature(deps));
  pm.use(handoverFeature(deps));
  pm.use(requestListFeature(deps));
  pm.use(requestCommandFeature());
  pm.use(requestFormButtons());
  pm.use(requestActionsFeature(deps));
  pm.use(fallbackFeature(deps.db, FORM_STATE_VERSION));
  return bot;
}
