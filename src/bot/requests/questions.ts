// The questions of the request form (/yeucau): each reads a typed answer or a button's value
// through the one rule of src/domain (the client can send any value).
import { QUESTION_KINDS, REQUEST_LIMITS, type QuestionKind, type RequestQuestion } from "../../domain/request.js";
import { checkDue, DEFAULT_PREFILL_YEAR, formatDue, parseDue, parseOptions, parsePrefillYear, type Due } from "../../domain/request-rules.js";
import { parseId } from "../../domain/numbers.js";
import type { Translate } from "../../i18n.js";
import type { CopyableRequest } from "../../store/request-changes.js";
import type { RequestUnit } from "../../usecases/requests.js";
import { choiceQuestion, textQuestion } from "../forms/questions.js";
import type { Choice, Parsed, Question } from "../forms/session.js";
import { formatIsoDate } from "../../domain/meeting.js";

export type StartChoice = "blank" | "template" | "copy";

export function startQuestion(t: Translate, canCopy: boolean): Question<StartChoice> {
  const rows: Choice[][] = [[{ label: t("request-start-blank"), value: "blank" }], [{ label: t("request-start-template"), value: "template" }]];
  if (canCopy) rows.push([{ label: t("request-start-copy"), value: "copy" }]);
  return choiceQuestion<StartChoice>(t("request-ask-start"), rows, t("form-choose-button"));
}

/** The requests to copy, by their buttons; the id a button carries is read as input and checked again by the use case. */
export function copyQuestion(t: Translate, copies: CopyableRequest[]): Question<number> {
  const ids = new Set(copies.map((c) => c.id));
  return {
    text: t("request-ask-copy"),
    buttons: copies.map((c) => [{ label: t("request-copy-button", { title: c.title.slice(0, 40), due: formatIsoDate(c.dueOn) }), value: String(c.id) }]),
    parse(answer): Parsed<number> {
      const id = "choice" in answer ? parseId(answer.choice) : undefined;
      if (id === undefined || !ids.has(id)) return { ok: false, error: t("form-choose-button") };
      return { ok: true, value: id, shown: copies.find((c) => c.id === id)!.title };
    },
  };
}

export function yearQuestion(t: Translate, now: Date, timeZone: string, current: number | null): Question<number> {
  const suggested = current ?? DEFAULT_PREFILL_YEAR;
  return {
    text: t("request-ask-year", { year: String(DEFAULT_PREFILL_YEAR) }),
    buttons: [[{ label: String(suggested), value: String(suggested) }]],
    parse(answer): Parsed<number> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      const r = parsePrefillYear("text" in answer ? answer.text : answer.choice, now, timeZone);
      if (!r.ok) return { ok: false, error: t(`request-year-${r.problem}`) };
      return { ok: true, value: r.year, shown: String(r.year) };
    },
  };
}

const KEEP = "keep";

/** The title; one from a template or a copy is offered as it is. */
export function titleQuestion(t: Translate, current: string): Question<string> {
  const base = textQuestion(t, t("request-ask-title", { max: REQUEST_LIMITS.title }), { max: REQUEST_LIMITS.title, skippable: false });
  return {
    ...base,
    buttons: current ? [[{ label: t("request-keep-title"), value: KEEP }]] : [],
    parse(answer): Parsed<string> {
      if ("choice" in answer && answer.choice === KEEP && current) return { ok: true, value: current, shown: current };
      const r = base.parse(answer);
      return r.ok ? { ok: true, value: r.value!, shown: r.shown } : r;
    },
  };
}

/** A unit by its button (its id) or its code typed; the use case then checks it against the person's scope. */
export function unitQuestion(t: Translate, offered: RequestUnit[]): Question<{ id: number } | { code: string }> {
  return {
    text: t("request-ask-unit"),
    buttons: offered.map((u) => [{ label: t("request-unit-button", { unit: u.name, count: u.branches }), value: String(u.id) }]),
    parse(answer): Parsed<{ id: number } | { code: string }> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      if ("choice" in answer) {
        const id = parseId(answer.choice);
        return id === undefined ? { ok: false, error: t("form-choose-button") } : { ok: true, value: { id }, shown: answer.choice };
      }
      const code = answer.text.trim().slice(0, 40);
      return code ? { ok: true, value: { code }, shown: code } : { ok: false, error: t("form-text-empty") };
    },
  };
}

export function dueQuestion(t: Translate, now: Date, timeZone: string, current: Due | null): Question<Due> {
  return {
    text: t("request-ask-due"),
    buttons: current ? [[{ label: t("request-keep-due", { due: formatDue(current) }), value: KEEP }]] : [],
    parse(answer): Parsed<Due> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      // A kept due date is checked as a typed one: the day may have passed while the form was open.
      const r = "choice" in answer ? (answer.choice === KEEP && current ? (checkDue(current, now, timeZone) ?? current) : "format") : parseDue(answer.text, now, timeZone);
      if (typeof r === "string") return { ok: false, error: t(`request-due-${r}`) };
      return { ok: true, value: r, shown: formatDue(r) };
    },
  };
}

export type QuestionsAction = QuestionKind | "remove" | "done";

/** The questions so far and what to do next: add one of a kind, remove one, or go on. */
export function questionsMenu(t: Translate, questions: RequestQuestion[], list: string): Question<QuestionsAction> {
  const rows: Choice[][] = [];
  if (questions.length < REQUEST_LIMITS.questions) {
    const kinds = QUESTION_KINDS.map((k) => ({ label: t(`request-kind-${k}`), value: k }));
    for (let i = 0; i < kinds.length; i += 2) rows.push(kinds.slice(i, i + 2));
  }
  if (questions.length > 0) rows.push([{ label: t("request-button-remove"), value: "remove" }]);
  rows.push([{ label: t("request-button-done"), value: "done" }]);
  const text = questions.length > 0 ? `${list}\n\n${t("request-ask-more", { max: REQUEST_LIMITS.questions })}` : t("request-ask-first-question");
  return choiceQuestion<QuestionsAction>(text, rows, t("form-choose-button"), true);
}

export function questionTitleQuestion(t: Translate, kind: QuestionKind): Question<string> {
  const q = textQuestion(t, t("request-ask-question-title", { kind: t(`request-kind-${kind}`), max: REQUEST_LIMITS.questionTitle }), { max: REQUEST_LIMITS.questionTitle, skippable: false });
  return { ...q, parse: (a) => q.parse(a) as Parsed<string> };
}

export function optionsQuestion(t: Translate): Question<string[]> {
  return {
    text: t("request-ask-options", { max: REQUEST_LIMITS.options }),
    parse(answer): Parsed<string[]> {
      if (!("text" in answer)) return { ok: false, error: t("form-text-expected") };
      const r = parseOptions(answer.text);
      if (!r.ok) return { ok: false, error: t(`request-options-${r.problem}`, { max: REQUEST_LIMITS.options, length: REQUEST_LIMITS.optionText }) };
      return { ok: true, value: r.options, shown: r.options.join("; ") };
    },
  };
}

export function removeQuestion(t: Translate, questions: RequestQuestion[]): Question<string> {
  const choices = questions.map((q, i) => ({ label: String(i + 1), value: q.id }));
  const rows: Choice[][] = [];
  for (let i = 0; i < choices.length; i += 5) rows.push(choices.slice(i, i + 5));
  return choiceQuestion<string>(t("request-ask-remove"), rows, t("form-choose-button"));
}

export type RequestPart = "title" | "unit" | "due" | "questions" | "year";

export function partQuestion(t: Translate, parts: RequestPart[]): Question<RequestPart> {
  const rows: Choice[][] = [];
  const options = parts.map((p) => ({ label: t(`request-part-${p}`), value: p }));
  for (let i = 0; i < options.length; i += 2) rows.push(options.slice(i, i + 2));
  return choiceQuestion<RequestPart>(t("form-ask-which-field"), rows, t("form-choose-button"));
}
