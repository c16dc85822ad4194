// The status view's buttons: remind the missing now (once a day, through the outbox), close
// (after a confirming tap), export (.xlsx and the draft .docx, in this private chat). Each
// one asks the use case, which reads the person's roles afresh: a forged id, or a request
// the person may not see, is refused and nothing is done.
import { Composer, InputFile } from "grammy";
import { safeFileName } from "../../domain/file-names.js";
import { RequestStatus } from "../../domain/request.js";
import { readRequestButton } from "../../domain/request-buttons.js";
import { readCloseConfirm } from "../../domain/request-view.js";
import { buildRequestFiles } from "../../export/request-files.js";
import { requestExportLabels } from "../../export/request-labels.js";
import { closeConfirmOut } from "../../messages/request-status.js";
import { requestFilesData } from "../../store/request-export.js";
import { closeRequest, managedRequest, remindMissing } from "../../usecases/request-status.js";
import type { AppDeps, BotContext } from "../context.js";
import { sendOut } from "./list.js";

export function requestActionsFeature(deps: AppDeps) {
  const composer = new Composer<BotContext>();
  const refuse = (ctx: BotContext, status: "missing" | "refused") => ctx.answerCallbackQuery({ text: status === "missing" ? ctx.t("rq-missing") : ctx.t("rq-refused"), show_alert: true });

  composer.callbackQuery(/^yc:nhac:/, async (ctx, next) => {
    const b = readRequestButton(ctx.callbackQuery.data);
    if (b?.kind !== "remind") return next();
    const r = await remindMissing(deps, ctx.from.id, b.requestId);
    if (r.status === "missing" || r.status === "refused") return refuse(ctx, r.status);
    await ctx.answerCallbackQuery();
    deps.log.info({ kind: "request-remind", requestId: b.requestId, outcome: r.status, ...(r.status === "reminded" ? { branches: r.branches, chats: r.chats } : {}) }, "request reminder asked");
    if (r.status === "reminded") {
      deps.outbox.kick();
      return ctx.reply(ctx.t("rq-remind-done", { branches: r.branches, chats: r.chats }));
    }
    await ctx.reply(r.status === "already-today" ? ctx.t("rq-remind-already") : r.status === "closed" ? ctx.t("rq-remind-closed") : ctx.t("rq-remind-nobody"));
  });

  composer.callbackQuery(/^yc:dong:/, async (ctx, next) => {
    const b = readRequestButton(ctx.callbackQuery.data);
    if (b?.kind !== "close") return next();
    // Asked here too, so that the confirming question is never shown to someone who may not close.
    const found = await managedRequest(deps, ctx.from.id, b.requestId);
    if (found.status !== "ok") return refuse(ctx, found.status);
    await ctx.answerCallbackQuery();
    if (found.request.status !== RequestStatus.OPEN) return ctx.reply(ctx.t("rq-close-already", { title: found.request.title }));
    await sendOut(ctx, [closeConfirmOut(ctx.t, found.request)]);
  });

  composer.callbackQuery(/^ycdx:/, async (ctx) => {
    const id = readCloseConfirm(ctx.callbackQuery.data);
    if (id === undefined) return ctx.answerCallbackQuery({ text: ctx.t("stale-button"), show_alert: true });
    const r = await closeRequest(deps, ctx.from.id, id);
    if (r.status === "missing" || r.status === "refused") return refuse(ctx, r.status);
    await ctx.answerCallbackQuery();
    deps.log.info({ kind: "request-close", requestId: id, outcome: r.status }, "request close asked");
    await ctx.reply(r.status === "closed" ? ctx.t("rq-close-done", { title: r.title }) : ctx.t("rq-close-already-plain"));
  });

  composer.callbackQuery(/^yc:xuat:/, async (ctx, next) => {
    const b = readRequestButton(ctx.callbackQuery.data);
    if (b?.kind !== "export") return next();
    const found = await managedRequest(deps, ctx.from.id, b.requestId);
    if (found.status !== "ok") return refuse(ctx, found.status);
    await ctx.answerCallbackQuery({ text: ctx.t("rq-export-preparing") });
    const started = performance.now();
    const data = await requestFilesData(deps.db, found.request);
    const { xlsx, docx } = await buildRequestFiles({ input: data, labels: requestExportLabels(ctx.t, data), timeZone: deps.config.TZ, createdAt: deps.clock() });
    const answered = data.rows.filter((r) => r.answer).length;
    const caption = ctx.t("rq-export-caption", { title: found.request.title, answered, targets: data.rows.length });
    await ctx.replyWithDocument(new InputFile(xlsx, safeFileName(`tong hop ${found.request.title}`, "xlsx")), { caption });
    await ctx.replyWithDocument(new InputFile(docx, safeFileName(`du thao bao cao ${found.request.title}`, "docx")), { caption: ctx.t("rq-export-draft-caption") });
    deps.log.info({ kind: "request-export", requestId: b.requestId, rows: data.rows.length, ms: Math.round(performance.now() - started) }, "request exported");
  });

  return composer;
}
