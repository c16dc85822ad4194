// The questions of a request's answer form, one builder per kind of question. Each reads
// its input through its one rule in src/domain/request-answers.ts. The "✅ Đúng" and
// "Giữ nguyên" buttons carry no value: what they accept is in the form's state.
import { DOCUMENT_KINDS, MEETING_LIMITS } from "../../domain/meeting.js";
import { checkAnswerText, checkChoice, checkCohorts, checkRequestFile, checkWholeNumber } from "../../domain/request-answers.js";
import { QuestionKind, REQUEST_COHORTS, REQUEST_LIMITS, type AnswerValue, type Cohorts, type RequestFile, type RequestQuestion } from "../../domain/request.js";
import { cleanTypedText } from "../../domain/text.js";
import type { Translate } from "../../i18n.js";
import { answerText, cohortNames, questionHeading } from "../../messages/request-answer.js";
import type { Prefilled } from "../../usecases/request-prefill.js";
import type { Choice, Parsed, Question } from "../forms/session.js";

const KEEP = "keep";
const RIGHT = "right";
const DONE = "done";

/** What a question starts from: the current answer (amending) and the pre-filled figures. */
export interface Starting {
  kept?: AnswerValue;
  prefill?: Prefilled;
}

function heading(t: Translate, q: RequestQuestion, n: number, of: number, hint: string): string {
  return `${t("request-question-number", { n, of })} ${questionHeading(q)}\n${hint}`;
}

/** The buttons that take what is there: the current answer, a pre-filled figure. */
function startButtons(t: Translate, q: RequestQuestion, s: Starting): Choice[][] {
  const rows: Choice[][] = [];
  if (s.prefill?.value !== undefined) rows.push([{ label: t("request-button-right", { value: answerText(t, q, s.prefill.value) }), value: RIGHT }]);
  if (s.kept !== undefined) rows.push([{ label: t("request-button-keep"), value: KEEP }]);
  return rows;
}

function fromButton<T extends AnswerValue>(t: Translate, q: RequestQuestion, s: Starting, choice: string): Parsed<T> | undefined {
  const v = choice === KEEP ? s.kept : choice === RIGHT ? s.prefill?.value : undefined;
  return v === undefined ? undefined : { ok: true, value: v as T, shown: answerText(t, q, v) };
}

export function numberQuestion(t: Translate, q: RequestQuestion, n: number, of: number, s: Starting): Question<number> {
  return {
    text: heading(t, q, n, of, t("request-hint-number")),
    buttons: startButtons(t, q, s),
    parse(answer): Parsed<number> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      if ("choice" in answer) return fromButton<number>(t, q, s, answer.choice) ?? { ok: false, error: t("form-choose-button") };
      const r = checkWholeNumber(answer.text);
      if (r.ok) return { ok: true, value: r.value, shown: String(r.value) };
      return { ok: false, error: t(`form-count-${r.problem}`, { max: REQUEST_LIMITS.number, input: answer.text.slice(0, 50) }) };
    },
  };
}

export function cohortsQuestion(t: Translate, q: RequestQuestion, n: number, of: number, s: Starting): Question<Cohorts> {
  const total = s.prefill?.total;
  const names = cohortNames(t);
  const order = REQUEST_COHORTS.map((c) => names[c]).join("; ");
  const hint = t("request-hint-cohorts", { order }) + (total !== undefined ? `\n${t("request-hint-cohorts-total", { total })}` : "");
  return {
    text: heading(t, q, n, of, hint),
    buttons: startButtons(t, q, s),
    parse(answer): Parsed<Cohorts> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      if ("choice" in answer) return fromButton<Cohorts>(t, q, s, answer.choice) ?? { ok: false, error: t("form-choose-button") };
      const r = checkCohorts(answer.text, total);
      if (r.ok) return { ok: true, value: r.value, shown: answerText(t, q, r.value) };
      if (r.problem === "sum") return { ok: false, error: t("request-cohorts-sum", { sum: r.sum, total: r.total }) };
      if (r.problem === "count") return { ok: false, error: t("request-cohorts-count", { expected: r.expected, got: r.got, order }) };
      return {
        ok: false,
        error: t("request-cohorts-number", { cohort: names[REQUEST_COHORTS[r.cohort]!], why: t(`form-count-${r.count}`, { max: REQUEST_LIMITS.number, input: "" }) }),
      };
    },
  };
}

export function textAnswerQuestion(t: Translate, q: RequestQuestion, n: number, of: number, s: Starting): Question<string> {
  const kind = q.kind === QuestionKind.LONG_TEXT ? QuestionKind.LONG_TEXT : QuestionKind.SHORT_TEXT;
  const max = kind === QuestionKind.LONG_TEXT ? REQUEST_LIMITS.longText : REQUEST_LIMITS.shortText;
  return {
    text: heading(t, q, n, of, t("request-hint-text", { max })),
    buttons: startButtons(t, q, s),
    parse(answer): Parsed<string> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      if ("choice" in answer) return fromButton<string>(t, q, s, answer.choice) ?? { ok: false, error: t("form-choose-button") };
      const r = checkAnswerText(answer.text, kind);
      if (r.ok) return { ok: true, value: r.value, shown: answerText(t, q, r.value) };
      return { ok: false, error: r.problem === "empty" ? t("form-text-empty") : t("request-text-too-long", { length: r.length, max: r.max }) };
    },
  };
}

export function choiceAnswerQuestion(t: Translate, q: RequestQuestion, n: number, of: number, s: Starting): Question<{ choice: number }> {
  const options = q.options ?? [];
  return {
    text: heading(t, q, n, of, t("request-hint-choice")),
    buttons: [...options.map((o, i) => [{ label: o, value: String(i) }]), ...startButtons(t, q, s)],
    parse(answer): Parsed<{ choice: number }> {
      if (!("choice" in answer)) return { ok: false, error: t("form-choose-button") };
      const kept = fromButton<{ choice: number }>(t, q, s, answer.choice);
      if (kept) return kept;
      // The index comes back in the button's data, which the client can change.
      const i = checkChoice(answer.choice, options);
      return i === undefined ? { ok: false, error: t("request-choice-forged") } : { ok: true, value: { choice: i }, shown: options[i]! };
    },
  };
}

export type FileStep = { done: true } | { keep: true } | { file: RequestFile };

/** One file at a time, up to REQUEST_LIMITS.files, until "Xong". */
export function fileAnswerQuestion(t: Translate, q: RequestQuestion, n: number, of: number, attached: number, s: Starting): Question<FileStep> {
  const doneLabel = t(attached === 0 ? "request-files-none" : "request-files-done");
  const text = attached === 0 ? heading(t, q, n, of, t("request-hint-files", { max: REQUEST_LIMITS.files, mb: MEETING_LIMITS.attachmentBytes / 1024 / 1024 })) : t("request-files-more", { count: attached });
  return {
    text,
    buttons: [[{ label: doneLabel, value: DONE }], ...(attached === 0 && s.kept !== undefined ? [[{ label: t("request-button-keep"), value: KEEP }]] : [])],
    acceptsFiles: true,
    parse(answer): Parsed<FileStep> {
      if ("choice" in answer && answer.choice === DONE) return { ok: true, value: { done: true }, shown: doneLabel };
      if ("choice" in answer && answer.choice === KEEP && attached === 0 && s.kept !== undefined) return { ok: true, value: { keep: true }, shown: answerText(t, q, s.kept) };
      if (!("file" in answer)) return { ok: false, error: t("meeting-file-expected") };
      const f = answer.file;
      const r = checkRequestFile(f, attached);
      if (r.ok) return { ok: true, value: { file: r.value }, shown: f.fileName ?? (f.isPhoto ? "📷" : "📄") };
      return {
        ok: false,
        error: t(`request-file-${r.problem}`, {
          size: Math.round(((f.size ?? 0) / 1024 / 1024) * 10) / 10,
          max: REQUEST_LIMITS.files,
          mb: MEETING_LIMITS.attachmentBytes / 1024 / 1024,
          name: cleanTypedText(f.fileName ?? "").slice(0, 60),
          extension: r.claimed ? DOCUMENT_KINDS[r.claimed].extension : "",
        }),
      };
    },
  };
}
