// /yeucau: a new request for figures by a date, or a change to a sent one, one question at a
// time: start (blank, template, copy), title, units, due date, questions; then a summary with
// send / change / cancel, as in every form.
import { QuestionKind } from "../../domain/request.js";
import { DEFAULT_PREFILL_YEAR, newQuestion } from "../../domain/request-rules.js";
import { needsPrefillYear, requestTemplate, TemplateId, withPrefillYear } from "../../domain/request-templates.js";
import { formatDue } from "../../domain/request-rules.js";
import { formatEffectiveDue } from "../../domain/request-deadline.js";
import { questionList, requestSummary } from "../../messages/request-summary.js";
import {
  chooseRequestUnit,
  copyChoices,
  draftProblem,
  openRequestChange,
  requestScope,
  requestToCopy,
  sendNewRequest,
  sendRequestChange,
  type RequestDraft,
  type RequestUnit,
  type SendResult,
} from "../../usecases/requests.js";
import type { AppDeps, FormContext, FormConversation } from "../context.js";
import { summaryQuestion } from "../forms/questions.js";
import { FormSession } from "../forms/session.js";
import { holidayOnDue } from "./due-notice.js";
import {
  copyQuestion,
  dueQuestion,
  optionsQuestion,
  partQuestion,
  questionsMenu,
  questionTitleQuestion,
  removeQuestion,
  startQuestion,
  titleQuestion,
  unitQuestion,
  yearQuestion,
  type RequestPart,
} from "./questions.js";

export const REQUEST_FORM = "request";

/** A button's request (copy it, or change it): its id is input, checked by the use case. */
export type RequestPreset = { copy: number } | { edit: number };

export function createRequestForm(deps: AppDeps) {
  const tz = deps.config.TZ;

  return async function request(conversation: FormConversation, ctx: FormContext, preset?: RequestPreset) {
    const form = new FormSession(conversation, ctx, deps);
    const t = form.t.bind(form);
    const person = { ...ctx.from! };
    const now = async () => new Date(await form.external(() => deps.clock().getTime()));

    if (preset && "edit" in preset) {
      const opened = await form.external(() => openRequestChange(deps, form.userId, preset.edit));
      if (opened.status !== "ok") return form.finish(t(`request-change-${opened.status}`));
      return review(opened.draft, { requestId: preset.edit, revision: opened.revision }, []);
    }

    const scope = await form.external(() => requestScope(deps, form.userId));
    if (!scope) return form.finish(t("request-not-allowed"));
    let draft: RequestDraft = { title: "", unit: null, due: null, questions: [], template: null, prefillFromYear: null };
    const copyId = preset && "copy" in preset ? preset.copy : await chooseStart();
    if (copyId !== undefined) {
      const copied = await form.external(() => requestToCopy(deps, form.userId, copyId));
      if (!copied) await form.say(t("request-copy-missing"));
      else draft = { ...draft, ...copied };
    }
    draft.title = await form.ask(titleQuestion(t, draft.title));
    draft.unit = await askUnit(scope);
    draft.due = await askDue(draft);
    if (draft.questions.length === 0) draft.questions = await editQuestions(draft);
    return review(draft, undefined, scope);

    /** Blank or template fill the draft here; a copy returns the request to copy. */
    async function chooseStart(): Promise<number | undefined> {
      const copies = await form.external(() => copyChoices(deps, form.userId));
      const start = await form.ask(startQuestion(t, copies.length > 0));
      if (start === "copy") return form.ask(copyQuestion(t, copies));
      if (start === "template") {
        const year = await form.ask(yearQuestion(t, await now(), tz, null));
        draft = { ...draft, ...requestTemplate(t, TemplateId.SOURCE_REPORT, year), template: TemplateId.SOURCE_REPORT, prefillFromYear: year };
      }
      return undefined;
    }

    /** Asked until the unit is one the person may ask, with at least one branch. */
    async function askUnit(offered: RequestUnit[]): Promise<RequestUnit> {
      for (;;) {
        const typed = await form.ask(unitQuestion(t, offered));
        const chosen = await form.external(() => chooseRequestUnit(deps, form.userId, typed));
        if (chosen.status === "ok") return chosen.unit;
        const code = "code" in typed ? typed.code : "";
        await form.say(t(`request-unit-${chosen.status}`, { code, unit: "name" in chosen ? chosen.name : "" }));
      }
    }

    async function askDue(d: RequestDraft) {
      const due = await form.ask(dueQuestion(t, await now(), tz, d.due));
      const moved = holidayOnDue(due);
      if (moved) await form.say(t("request-due-holiday", { due: formatDue(due), holiday: moved.holiday, moved: moved.moved }));
      return due;
    }

    async function askYear(d: RequestDraft): Promise<RequestDraft> {
      const year = await form.ask(yearQuestion(t, await now(), tz, d.prefillFromYear));
      return { ...d, prefillFromYear: year, questions: withPrefillYear(t, d.questions, year) };
    }

    /** Adds and removes questions until there is at least one and the person is done. */
    async function editQuestions(d: RequestDraft) {
      let questions = d.questions;
      for (;;) {
        const action = await form.ask(questionsMenu(t, questions, questionList(t, questions)));
        if (action === "done") {
          if (questions.length > 0) return questions;
          await form.say(t("request-questions-none"));
        } else if (action === "remove") {
          const id = await form.ask(removeQuestion(t, questions));
          questions = questions.filter((q) => q.id !== id);
        } else {
          const title = await form.ask(questionTitleQuestion(t, action));
          const options = action === QuestionKind.CHOICE ? await form.ask(optionsQuestion(t)) : undefined;
          questions = [...questions, newQuestion(questions, action, title, options)];
        }
      }
    }

    /** The summary, its changes, and the sending (a new request, or the change of one). */
    async function review(start: RequestDraft, change: { requestId: number; revision: number } | undefined, offered: RequestUnit[]) {
      let d = start;
      if (needsPrefillYear(d.questions) && d.prefillFromYear === null) d = await askYear({ ...d, prefillFromYear: DEFAULT_PREFILL_YEAR });
      for (;;) {
        const text = `${requestSummary(t, d, change?.revision)}\n\n${t("request-summary-prompt")}`;
        const action = await form.ask(summaryQuestion(t, text, t(change ? "request-button-send-change" : "request-button-send")));
        if (action === "cancel") return form.finish(t(change ? "request-change-cancelled" : "request-cancelled"));
        if (action === "edit") {
          const parts: RequestPart[] = ["title", ...(change ? [] : ["unit" as const]), "due", "questions", ...(needsPrefillYear(d.questions) ? ["year" as const] : [])];
          const part = await form.ask(partQuestion(t, parts));
          if (part === "title") d = { ...d, title: await form.ask(titleQuestion(t, d.title)) };
          else if (part === "unit") d = { ...d, unit: await askUnit(offered) };
          else if (part === "due") d = { ...d, due: await askDue(d) };
          else if (part === "questions") d = { ...d, questions: await editQuestions(d) };
          else d = await askYear(d);
          if (needsPrefillYear(d.questions) && d.prefillFromYear === null) d = await askYear({ ...d, prefillFromYear: DEFAULT_PREFILL_YEAR });
          continue;
        }
        // Asked again at send: the due date may have passed while the summary waited (or, for a change, before it was opened).
        const problem = draftProblem(d, await now(), tz);
        if (problem && "due" in problem) {
          await form.say(t("request-due-passed", { due: d.due ? formatDue(d.due) : "" }));
          d = { ...d, due: await askDue({ ...d, due: null }) };
          continue;
        }
        const draft = needsPrefillYear(d.questions) ? d : { ...d, prefillFromYear: null };
        const result = await form.external(() => (change ? sendRequestChange(deps, form.userId, change.requestId, change.revision, draft) : sendNewRequest(deps, person, draft)));
        return form.finish(receipt(result, draft));
      }
    }

    function receipt(r: SendResult, d: RequestDraft): string {
      if (r.status !== "sent") return t(`request-send-${r.status}`, { revision: "revision" in r ? r.revision : 0 });
      const head = r.revision > 1 ? "request-sent-change" : "request-sent";
      const lines = [t(head, { title: d.title, count: r.reached, total: r.branches, due: formatEffectiveDue(d.due!), revision: r.revision })];
      if (r.unreached.length > 0) lines.push(t("request-sent-unreached", { count: r.unreached.length, units: r.unreached.slice(0, 20).join(", ") }));
      return lines.join("\n");
    }
  };
}
