// The rules a new or changed request (/yeucau) is held to, whichever way a value arrives
// (typed, a button's value, a copy of an older request): its due date, the options of a
// choice, the start year of pre-filled figures, and that it asks something.
import { addDays, parseTypedDate, todayIn, type IsoDate } from "./meeting.js";
import { QuestionKind, REQUEST_LIMITS, type RequestQuestion } from "./request.js";
import { cleanTypedText } from "./text.js";
import { fromLocal, toLocal } from "./time.js";

/** "format": not a date (and time); "invalid": no such day or hour; "past": before now; "too-far": over a year ahead. */
export type DueProblem = "format" | "invalid" | "past" | "too-far";
export interface Due {
  dueOn: IsoDate;
  /** HH:MM, or null: the end of the day */
  dueTime: string | null;
}

/** A request is for the weeks ahead; a due date years away is a typing slip (2062 for 2026). */
export const DUE_DAYS_AHEAD = 366;

/**
 * Reads "15/12/2026", "15/12" (the next such day) or "15/12/2026 17:00" (also 17h00, 17h). The time
 * is optional; without it the request is due at the end of that day.
 */
export function parseDue(text: string, now: Date, timeZone: string): Due | DueProblem {
  const m = cleanTypedText(text).match(/^(\S+)(?:\s+(?:lúc\s+)?(\d{1,2})\s*(?:[:h]\s*(\d{2})?)?)?$/i);
  if (!m) return "format";
  const date = parseTypedDate(m[1]!, todayIn(now, timeZone), "future");
  if (date === "format" || date === "invalid") return date;
  let dueTime: string | null = null;
  if (m[2] !== undefined) {
    const hour = Number(m[2]);
    const minute = m[3] === undefined ? 0 : Number(m[3]);
    if (hour > 23 || minute > 59) return "invalid";
    dueTime = `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`;
  }
  return checkDue({ dueOn: date, dueTime }, now, timeZone) ?? { dueOn: date, dueTime };
}

/** The moment a request falls due: its time on its day, or the end of the day. */
export function dueInstant(due: Due, timeZone: string): Date {
  const [year, month, day] = due.dueOn.split("-").map(Number) as [number, number, number];
  if (due.dueTime === null) return new Date(fromLocal({ year, month, day, hour: 23, minute: 59, second: 59 }, timeZone).getTime() + 999);
  const [hour, minute] = due.dueTime.split(":").map(Number) as [number, number];
  return fromLocal({ year, month, day, hour, minute, second: 0 }, timeZone);
}

/** Why a due date (read, or kept from the request being changed) may not be set now; undefined when it may. */
export function checkDue(due: Due, now: Date, timeZone: string): DueProblem | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(due.dueOn) || (due.dueTime !== null && !/^([01]\d|2[0-3]):[0-5]\d$/.test(due.dueTime))) return "format";
  const today = todayIn(now, timeZone);
  if (due.dueOn < today || dueInstant(due, timeZone) <= now) return "past";
  if (due.dueOn > addDays(today, DUE_DAYS_AHEAD)) return "too-far";
  return undefined;
}

/** "dd/mm/yyyy" or "hh:mm dd/mm/yyyy", as people write a due date. */
export function formatDue(due: Due): string {
  const [y, m, d] = due.dueOn.split("-");
  return due.dueTime ? `${due.dueTime} ${d}/${m}/${y}` : `${d}/${m}/${y}`;
}

/** "too-few": under two (a choice of one is no choice); "too-many"; "too-long": an option over the limit; "repeated": the same option twice. */
export type OptionsProblem = "too-few" | "too-many" | "too-long" | "repeated";

/** The options of a choice, one a line; blank lines and list marks ("-", "•", "1.") are dropped. */
export function parseOptions(text: string): { ok: true; options: string[] } | { ok: false; problem: OptionsProblem } {
  const options = text
    .split(/\r?\n/)
    .map((line) => cleanTypedText(line.replace(/^\s*(?:[-•*+]|\d{1,2}[.)])\s*/, "")))
    .filter((line) => line.length > 0);
  if (options.length < 2) return { ok: false, problem: "too-few" };
  if (options.length > REQUEST_LIMITS.options) return { ok: false, problem: "too-many" };
  if (options.some((o) => o.length > REQUEST_LIMITS.optionText)) return { ok: false, problem: "too-long" };
  if (new Set(options.map((o) => o.toLowerCase())).size !== options.length) return { ok: false, problem: "repeated" };
  return { ok: true, options };
}

/**
 * The figures of a term are counted from its first year: the 2020–2025 term of the plan in
 * reference/000 ("từ năm 2020 đến nay"). Earlier than 2000 the bot holds no report anyway.
 */
export const DEFAULT_PREFILL_YEAR = 2020;
export const EARLIEST_PREFILL_YEAR = 2000;
export type YearProblem = "format" | "future" | "too-old";

export function parsePrefillYear(text: string, now: Date, timeZone: string): { ok: true; year: number } | { ok: false; problem: YearProblem } {
  const m = cleanTypedText(text).match(/^(?:năm\s+)?(\d{4})$/i);
  if (!m) return { ok: false, problem: "format" };
  const year = Number(m[1]);
  if (year > toLocal(now, timeZone).year) return { ok: false, problem: "future" };
  if (year < EARLIEST_PREFILL_YEAR) return { ok: false, problem: "too-old" };
  return { ok: true, year };
}

/** "none": a request must ask something; "too-many": over REQUEST_LIMITS.questions. */
export type QuestionsProblem = "none" | "too-many";

export function checkQuestions(questions: readonly RequestQuestion[]): QuestionsProblem | undefined {
  if (questions.length === 0) return "none";
  if (questions.length > REQUEST_LIMITS.questions) return "too-many";
  return undefined;
}

/** The id of a question added to these: one past the highest, so an id is never used twice in a request. */
export function nextQuestionId(questions: readonly RequestQuestion[]): string {
  const highest = questions.reduce((max, q) => Math.max(max, Number(q.id.slice(1))), 0);
  return `q${highest + 1}`;
}

/** A new question, the options only on a choice (as readQuestions requires). */
export function newQuestion(questions: readonly RequestQuestion[], kind: QuestionKind, title: string, options?: string[]): RequestQuestion {
  return { id: nextQuestionId(questions), kind, title, ...(kind === QuestionKind.CHOICE ? { options: options ?? [] } : {}) };
}
