// /yeucau with no argument: the requests the person made or may see, newest first, a page at a
// time; and a request's status view behind its button. Who sees what is the domain's rule
// (src/domain/request-view.ts), asked in the use case with the roles of the moment.
import { Composer } from "grammy";
import { readRequestButton } from "../../domain/request-buttons.js";
import { readRequestPage } from "../../domain/request-view.js";
import type { OutMessage } from "../../messages/out-message.js";
import { requestListOut, requestStatusOut } from "../../messages/request-status.js";
import { listRequests, requestStatus } from "../../usecases/request-status.js";
import type { AppDeps, BotContext } from "../context.js";

export async function sendOut(ctx: BotContext, messages: OutMessage[]): Promise<void> {
  for (const m of messages) if ("text" in m) await ctx.reply(m.text, m.keyboard ? { reply_markup: m.keyboard } : {});
}

export function requestListFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();

  async function showList(ctx: BotContext, page: number) {
    const list = await listRequests(deps, ctx.actor, page);
    await sendOut(ctx, [requestListOut(ctx.t, list)]);
  }

  // "/yeucau <something>" is the creating form's (h14-create); the list is the bare command.
  composer.command("yeucau", async (ctx, next) => {
    if (ctx.match.trim() !== "") return next();
    await showList(ctx, 1);
  });

  composer.callbackQuery(/^ycds:/, async (ctx) => {
    const page = readRequestPage(ctx.callbackQuery.data);
    if (page === undefined) return ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
    await ctx.answerCallbackQuery();
    await showList(ctx, page);
  });

  composer.callbackQuery(/^yc:xem:/, async (ctx, next) => {
    const b = readRequestButton(ctx.callbackQuery.data);
    if (b?.kind !== "view") return next();
    const view = await requestStatus(deps, ctx.from.id, b.requestId);
    if (view.status !== "ok") return ctx.answerCallbackQuery({ text: view.status === "missing" ? ctx.t("rq-missing") : ctx.t("rq-refused"), show_alert: true });
    await ctx.answerCallbackQuery();
    deps.log.info({ kind: "request-view", requestId: b.requestId, targets: view.counts.targets }, "request status shown");
    await sendOut(ctx, requestStatusOut(ctx.t, view));
  });

  return composer;
}
