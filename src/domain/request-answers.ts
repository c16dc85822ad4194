// The answers to a request, checked: one rule per kind of input (a typed number, four
// numbers per cohort, a text, a file, a pressed option), used by the form as each answer
// arrives and again, on the whole answer, just before it is stored.
import { checkAttachment, type AttachmentProblem, type DocumentKind } from "./meeting.js";
import { parseCount, type CountProblem } from "./numbers.js";
import { cohortsTotal, QuestionKind, REQUEST_COHORTS, REQUEST_LIMITS, type AnswerValue, type AnswerValues, type Cohorts, type RequestFile, type RequestQuestion } from "./request.js";
import { cleanTypedText } from "./text.js";

export type Checked<T, P> = { ok: true; value: T } | ({ ok: false } & P);

/** A whole number (số lượng): 0 up to REQUEST_LIMITS.number. */
export function checkWholeNumber(raw: string): Checked<number, { problem: CountProblem }> {
  const r = parseCount(raw, REQUEST_LIMITS.number);
  return r.ok ? r : { ok: false, problem: r.problem };
}

export type CohortsProblem =
  | { problem: "count"; expected: number; got: number }
  | { problem: "number"; cohort: number; count: CountProblem }
  | { problem: "sum"; sum: number; total: number };

/**
 * Four numbers typed in one line, in the order of REQUEST_COHORTS (giáo viên, giảng viên; học
 * sinh; sinh viên; khác), separated by spaces, commas or semicolons. With a given total (the
 * candidates of the latest monthly report) they must add up to it.
 */
export function checkCohorts(raw: string, total?: number): Checked<Cohorts, CohortsProblem> {
  const parts = raw.normalize("NFC").trim().split(/[\s;,+]+/).filter((p) => p !== "");
  if (parts.length !== REQUEST_COHORTS.length) return { ok: false, problem: "count", expected: REQUEST_COHORTS.length, got: parts.length };
  const values: number[] = [];
  for (const [i, p] of parts.entries()) {
    const r = parseCount(p, REQUEST_LIMITS.number);
    if (!r.ok) return { ok: false, problem: "number", cohort: i, count: r.problem };
    values.push(r.value);
  }
  const cohorts = Object.fromEntries(REQUEST_COHORTS.map((c, i) => [c, values[i]!])) as Cohorts;
  return sumProblem(cohorts, total) ?? { ok: true, value: cohorts };
}

function sumProblem(c: Cohorts, total: number | undefined): ({ ok: false } & CohortsProblem) | undefined {
  const sum = cohortsTotal(c);
  return total !== undefined && sum !== total ? { ok: false, problem: "sum", sum, total } : undefined;
}

export type TextProblem = { problem: "empty" } | { problem: "too-long"; length: number; max: number };

/** A short (≤ 300) or long (≤ 4,000) text: what is left once invisible characters are taken out. */
export function checkAnswerText(raw: string, kind: typeof QuestionKind.SHORT_TEXT | typeof QuestionKind.LONG_TEXT): Checked<string, TextProblem> {
  const max = kind === QuestionKind.SHORT_TEXT ? REQUEST_LIMITS.shortText : REQUEST_LIMITS.longText;
  const value = cleanTypedText(raw);
  if (!value) return { ok: false, problem: "empty" };
  if (value.length > max) return { ok: false, problem: "too-long", length: value.length, max };
  return { ok: true, value };
}

/** A file sent in answer, as Telegram describes it before anything is downloaded. */
export interface SentFile {
  isPhoto: boolean;
  fileId: string;
  fileUniqueId: string;
  mimeType?: string;
  fileName?: string;
  size?: number;
}

/** The minutes' rule for files (src/domain/meeting.ts: a photo, a PDF or a Word file, 20 MB), with a request's count. */
export function checkRequestFile(f: SentFile, alreadyAttached: number): Checked<RequestFile, { problem: AttachmentProblem; claimed?: DocumentKind }> {
  const r = checkAttachment(f, alreadyAttached, REQUEST_LIMITS.files);
  if (!r.ok) return { ok: false, problem: r.problem, ...(r.claimed ? { claimed: r.claimed } : {}) };
  return { ok: true, value: { kind: r.kind, fileId: f.fileId, fileUniqueId: f.fileUniqueId, fileName: f.fileName ?? null, size: f.size ?? null } };
}

/** A pressed option's index, as the button's data carries it (it can be forged): one of the question's options. */
export function checkChoice(raw: string, options: readonly string[]): number | undefined {
  if (!/^\d{1,2}$/.test(raw)) return undefined;
  const i = Number(raw);
  return i < options.length ? i : undefined;
}

const isCohorts = (v: AnswerValue): v is Cohorts => typeof v === "object" && !Array.isArray(v) && REQUEST_COHORTS.every((c) => c in v);

/** Whether `v` is a valid answer to `q` (its kind, its bounds, a given total): the last check before storing. */
export function answerFits(q: RequestQuestion, v: AnswerValue, total?: number): boolean {
  switch (q.kind) {
    case QuestionKind.NUMBER:
      return typeof v === "number" && Number.isSafeInteger(v) && v >= 0 && v <= REQUEST_LIMITS.number;
    case QuestionKind.COHORTS:
      return isCohorts(v) && REQUEST_COHORTS.every((c) => Number.isSafeInteger(v[c]) && v[c] >= 0 && v[c] <= REQUEST_LIMITS.number) && !sumProblem(v, total);
    case QuestionKind.SHORT_TEXT:
    case QuestionKind.LONG_TEXT:
      return typeof v === "string" && checkAnswerText(v, q.kind).ok;
    case QuestionKind.FILES:
      return Array.isArray(v) && v.length <= REQUEST_LIMITS.files;
    case QuestionKind.CHOICE:
      return typeof v === "object" && "choice" in v && checkChoice(String(v.choice), q.options ?? []) !== undefined;
  }
}

/** The ids of the questions whose answer is missing or does not fit; empty when the whole answer may be stored. */
export function answerProblems(questions: readonly RequestQuestion[], values: AnswerValues, totals: Readonly<Record<string, number>>): string[] {
  return questions.filter((q) => values[q.id] === undefined || !answerFits(q, values[q.id]!, totals[q.id])).map((q) => q.id);
}
