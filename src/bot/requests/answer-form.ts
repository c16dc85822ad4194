// "✍️ Trả lời" under a request: the branch's answer, one question at a time, a summary
// with send / change / cancel, and the saving, where the request, its revision and the
// person's rights are asked again (src/usecases/request-answers.ts).
import { InlineKeyboard } from "grammy";
import { formatIsoDate } from "../../domain/meeting.js";
import { requestButtonData } from "../../domain/request-buttons.js";
import { effectiveDueOn, requestDeadline } from "../../domain/request-deadline.js";
import { answerFits } from "../../domain/request-answers.js";
import { QuestionKind, type AnswerValue, type AnswerValues, type RequestFile, type RequestQuestion } from "../../domain/request.js";
import { formatDateTime } from "../../domain/time.js";
import { answersList, questionHeading } from "../../messages/request-answer.js";
import { answerStart, fileAnswer, openAnswer, type AnswerSaveRefusal, type RequestRefusal, type RequestShown } from "../../usecases/request-answers.js";
import type { AppDeps, FormContext, FormConversation } from "../context.js";
import { refusalText } from "../forms/filer.js";
import { fieldQuestion, summaryQuestion, unitQuestion } from "../forms/questions.js";
import { FormSession } from "../forms/session.js";
import { choiceAnswerQuestion, cohortsQuestion, fileAnswerQuestion, numberQuestion, textAnswerQuestion, type Starting } from "./answer-questions.js";

export const ANSWER_FORM = "request-answer";

/** The pressed button's request and revision (read by readRequestButton). */
export interface AnswerPreset {
  requestId: number;
  revision: number;
}

export function createAnswerForm(deps: AppDeps) {
  const tz = deps.config.TZ;

  return async function answer(conversation: FormConversation, ctx: FormContext, preset: AnswerPreset) {
    const form = new FormSession(conversation, ctx, deps);
    const t = form.t.bind(form);

    const opening = await form.external(() => openAnswer(deps, form.userId, preset.requestId, preset.revision));
    if (opening.why === "not-filer") {
      const text = opening.waiting.length > 0 ? t("refuse-deputy-not-delegated", { unit: opening.waiting.join(", ") }) : t("request-answer-not-filer", { title: opening.title });
      return form.finish(text);
    }
    if (opening.why !== undefined) return refuse(opening);
    const { userId, request } = opening;
    // Secretary of one target branch and deputy on duty for another: which one this answer is for.
    const chosen = opening.units.length > 1 ? await form.ask(unitQuestion(t, opening.units)) : String(opening.units[0]!.id);
    const unit = opening.units.find((u) => String(u.id) === chosen)!;

    const start = await form.external(() => answerStart(deps, request.id, unit.id));
    let baseVersion = start.current?.version ?? 0;
    const kept: AnswerValues = start.current?.values ?? {};
    const totals: Record<string, number> = Object.fromEntries(Object.entries(start.prefill).flatMap(([q, p]) => (p.total !== undefined ? [[q, p.total]] : [])));
    await form.say(introText(request, unit.name, start.current));

    const values: AnswerValues = {};
    const qs = request.questions;
    for (const [i, q] of qs.entries()) values[q.id] = await askOne(q, i);

    for (;;) {
      const action = await form.ask(
        summaryQuestion(t, `${t("request-summary-title", { title: request.title, unit: unit.name })}\n${answersList(t, qs, values)}\n\n${t("answer-summary-prompt")}`, t("answer-button-send")),
      );
      if (action === "cancel") return form.finish(t("request-answer-cancelled"));
      if (action === "edit") {
        const qid = await form.ask(fieldQuestion<string>(t, qs.map((q) => ({ label: questionHeading(q).slice(0, 60), value: q.id }))));
        const i = qs.findIndex((q) => q.id === qid);
        values[qid] = await askOne(qs[i]!, i, values[qid]);
        continue;
      }
      const result = await form.external(() =>
        fileAnswer(deps, { telegramId: form.userId, userId, requestId: request.id, revision: request.revision, unitId: unit.id, values, totals, baseVersion }),
      );
      if (result.status === "refused") return refuse(result.refusal, unit);
      if (result.status === "conflict") {
        await form.say(t("request-answer-conflict", { unit: unit.name, version: result.version }));
        baseVersion = result.version;
        continue;
      }
      const lines = [
        t("request-receipt", { title: request.title, unit: unit.name, time: formatDateTime(new Date(result.at), tz), version: result.version }),
        answersList(t, qs, values),
        result.late ? t("request-receipt-late", { deadline: deadlineText(request) }) : t("request-receipt-on-time", { deadline: deadlineText(request) }),
      ];
      return form.finish(lines.join("\n"));
    }

    /** One question by its kind; `current`: the answer given in this form (changing it keeps it at hand). */
    async function askOne(q: RequestQuestion, i: number, current?: AnswerValue): Promise<AnswerValue> {
      // "Giữ nguyên" only for an answer that still fits the question (a revision may have changed its kind or options).
      const keep = current ?? kept[q.id];
      const s: Starting = {
        ...(keep !== undefined && answerFits(q, keep, totals[q.id]) ? { kept: keep } : {}),
        ...(start.prefill[q.id] ? { prefill: start.prefill[q.id] } : {}),
      };
      const n = i + 1;
      switch (q.kind) {
        case QuestionKind.NUMBER:
          return form.ask(numberQuestion(t, q, n, qs.length, s));
        case QuestionKind.COHORTS:
          return form.ask(cohortsQuestion(t, q, n, qs.length, s));
        case QuestionKind.SHORT_TEXT:
        case QuestionKind.LONG_TEXT:
          return form.ask(textAnswerQuestion(t, q, n, qs.length, s));
        case QuestionKind.CHOICE:
          return form.ask(choiceAnswerQuestion(t, q, n, qs.length, s));
        case QuestionKind.FILES: {
          const files: RequestFile[] = [];
          for (;;) {
            const step = await form.ask(fileAnswerQuestion(t, q, n, qs.length, files.length, s));
            if ("keep" in step) return s.kept!;
            if ("done" in step) return files;
            files.push(step.file);
          }
        }
      }
    }

    function deadlineText(r: RequestShown): string {
      return r.dueTime ? formatDateTime(requestDeadline(r, tz), tz) : formatIsoDate(effectiveDueOn(r));
    }

    function introText(r: RequestShown, unitName: string, current: { version: number; submittedAt: string } | null): string {
      const head = t("request-answer-intro", { title: r.title, unit: unitName, deadline: deadlineText(r), count: r.questions.length });
      return current ? `${head}\n${t("request-answer-amending", { version: current.version, time: formatDateTime(new Date(current.submittedAt), tz) })}` : head;
    }

    function refuse(r: RequestRefusal | AnswerSaveRefusal, unit?: { name: string }): Promise<void> {
      switch (r.why) {
        case "missing":
          return form.finish(t("request-answer-missing"));
        case "closed": {
          const when = r.closedAt ? formatDateTime(new Date(r.closedAt), tz) : undefined;
          const key = r.by && when ? "request-answer-closed-by" : when ? "request-answer-closed-at" : "request-answer-closed";
          return form.finish(t(key, { title: r.title, by: r.by ?? "", time: when ?? "" }));
        }
        case "old-revision":
          return form.finish(
            t("request-answer-old-revision", { title: r.title, revision: r.revision }),
            new InlineKeyboard().text(t("request-button-answer"), requestButtonData({ kind: "answer", requestId: preset.requestId, revision: r.revision })),
          );
        case "no-rights":
          return form.finish(refusalText(form, r.refusal, unit ?? { name: "" }));
        case "not-target":
          return form.finish(t("request-answer-no-longer-target", { unit: unit?.name ?? "" }));
        case "invalid":
          return form.finish(t("request-answer-invalid"));
      }
    }
  };
}
