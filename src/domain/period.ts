// Reporting periods (calendar months) and their deadlines.
import { FOLLOWING_MONTH, ruleOf, type DueSetting } from "./deadline.js";
import { moveOffHolidays, type LocalDate, type MovedDate } from "./holidays.js";
import { daysInMonth, fromLocal, toLocal } from "./time.js";

export interface Period {
  year: number;
  month: number; // 1-12
}

/** How far back a secretary may still file or amend a month. */
export const MAX_MONTHS_BACK = 24;

export function periodOf(instant: Date, timeZone: string): Period {
  const l = toLocal(instant, timeZone);
  return { year: l.year, month: l.month };
}

export function addMonths(p: Period, n: number): Period {
  const index = p.year * 12 + (p.month - 1) + n;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function comparePeriods(a: Period, b: Period): number {
  return a.year !== b.year ? a.year - b.year : a.month - b.month;
}

export function samePeriod(a: Period, b: Period): boolean {
  return comparePeriods(a, b) === 0;
}

/** "10/2026" */
export function formatPeriod(p: Period): string {
  return `${String(p.month).padStart(2, "0")}/${p.year}`;
}

/** The month in which the report for `p` falls due: `p` itself for a same-month deadline, else the next one. */
export function dueMonthOf(p: Period, due: DueSetting): Period {
  return ruleOf(due).sameMonth ? p : addMonths(p, 1);
}

/**
 * The local date on which the report for `p` is due under the deadline setting `due`, and, when
 * the set day is a public holiday or in the Tết break, the day it was set for and the holiday
 * (src/domain/holidays.ts): the one place the due date of a month is worked out. Lateness,
 * reminders, the late list, closing, progress and /caidat all read it, so they agree on a moved
 * deadline. No time-zone lookup.
 */
export function dueDateOf(p: Period, due: DueSetting): LocalDate & Omit<MovedDate, "on"> {
  const month = dueMonthOf(p, due);
  const moved = moveOffHolidays({ ...month, day: Math.min(ruleOf(due).day, daysInMonth(month.year, month.month)) });
  return { ...moved.on, ...(moved.movedFrom ? { movedFrom: moved.movedFrom, holiday: moved.holiday! } : {}) };
}

/** Last instant on which the report for `p` is on time: the end of the due day in the zone. */
export function deadlineOf(p: Period, due: DueSetting, timeZone: string): Date {
  const { year, month, day } = dueDateOf(p, due);
  return fromLocal({ year, month, day, hour: 23, minute: 59, second: 59 }, timeZone, 999);
}

export function isLate(p: Period, submittedAt: Date, due: DueSetting, timeZone: string): boolean {
  return submittedAt.getTime() > deadlineOf(p, due, timeZone).getTime();
}

/**
 * When a month's report can first be filed: 00:00 in the zone on the month's last day. Before
 * that the month has hardly begun to be lived, and figures for it would be guesses. With a
 * same-month deadline (day N of the month itself) the report is due while the month runs: it
 * opens at 00:00 on the month's first day, so that the whole run-up to day N is there to file
 * in (a day 3 deadline leaves no "few days before N" that is still in the month). The one place
 * this rule lives (typed months, buttons, reminders, the default of /baocao all ask here).
 * `due`: the branch's deadline (default: a day of the following month).
 */
export function reportOpensOn(p: Period, timeZone: string, due: DueSetting = FOLLOWING_MONTH): Date {
  const day = ruleOf(due).sameMonth ? 1 : daysInMonth(p.year, p.month);
  return fromLocal({ year: p.year, month: p.month, day, hour: 0, minute: 0, second: 0 }, timeZone);
}

export function isReportOpen(p: Period, now: Date, timeZone: string, due: DueSetting = FOLLOWING_MONTH): boolean {
  return now.getTime() >= reportOpensOn(p, timeZone, due).getTime();
}

/**
 * The month /baocao offers first: the latest month whose report is open (on 10/11 October,
 * from 30/11 November). Until a month opens, its deadline is weeks away and the month before
 * is the one being collected.
 */
export function defaultReportPeriod(now: Date, timeZone: string, due: DueSetting = FOLLOWING_MONTH): Period {
  const current = periodOf(now, timeZone);
  return isReportOpen(current, now, timeZone, due) ? current : addMonths(current, -1);
}

export type PeriodProblem = "format" | "future" | "too-old";

/** What keeps a month from being reported: unreadable, not open yet (reportOpensOn), or too far back. */
export type ReportPeriodProblem = "format" | "not-open" | "too-old";

export type ReportPeriodResult = { ok: true; period: Period } | { ok: false; problem: ReportPeriodProblem; period?: Period };

/** A real month: a whole month 1-12 of a four-digit year (a forged button may carry "2026-0" or "2026-1.5"). */
export function isPeriod(p: Period): boolean {
  return Number.isInteger(p.year) && Number.isInteger(p.month) && p.year >= 1000 && p.year <= 9999 && p.month >= 1 && p.month <= 12;
}

/** A month carried in a button's data ("2026-11", as periodValue writes it), read as strictly as a typed one. */
export function readPeriodValue(value: string): Period | "format" {
  const m = value.match(/^(\d{4})-(\d{1,2})$/);
  if (!m) return "format";
  const p = { year: Number(m[1]), month: Number(m[2]) };
  return isPeriod(p) ? p : "format";
}

/** A button's value for a month: the inverse of readPeriodValue. */
export const periodValue = (p: Period): string => `${p.year}-${p.month}`;

/** Whether a report may be filed for `p` now; the same for a typed month, a button and a reminder. */
export function checkReportPeriod(p: Period, now: Date, timeZone: string, due: DueSetting = FOLLOWING_MONTH): ReportPeriodProblem | undefined {
  if (!isPeriod(p)) return "format";
  if (!isReportOpen(p, now, timeZone, due)) return "not-open";
  if (comparePeriods(p, addMonths(periodOf(now, timeZone), -MAX_MONTHS_BACK)) < 0) return "too-old";
  return undefined;
}

function reportResult(p: Period | "format", now: Date, timeZone: string, due: DueSetting): ReportPeriodResult {
  if (p === "format") return { ok: false, problem: "format" };
  const problem = checkReportPeriod(p, now, timeZone, due);
  return problem ? { ok: false, problem, period: p } : { ok: true, period: p };
}

/** The month of a report, typed (as parsePeriod reads it) or from a button's value. */
export function parseReportPeriod(answer: { text: string } | { value: string }, now: Date, timeZone: string, due: DueSetting = FOLLOWING_MONTH): ReportPeriodResult {
  return reportResult("text" in answer ? readPeriod(answer.text, now, timeZone) : readPeriodValue(answer.value), now, timeZone, due);
}

/**
 * Reads a month typed by a person: "10/2026", "10-2026", "2026-10", "T10/2026",
 * "tháng 10/2026", or just "10" (this year, or last year if month 10 is still ahead).
 * Any month that has begun: /tonghop, /xembienban and /khoaso look at the running one;
 * a report asks parseReportPeriod.
 */
export function parsePeriod(text: string, now: Date, timeZone: string): Period | PeriodProblem {
  const p = readPeriod(text, now, timeZone);
  return p === "format" ? p : (checkPeriod(p, now, timeZone) ?? p);
}

function readPeriod(text: string, now: Date, timeZone: string): Period | "format" {
  // NFC: some Vietnamese keyboards send "á" as "a" + U+0301.
  const t = text.normalize("NFC").trim().toLowerCase().replace(/^(tháng|thang|t)\s*/u, "");
  const current = periodOf(now, timeZone);
  let year: number;
  let month: number;
  let m: RegExpMatchArray | null;
  if ((m = t.match(/^(\d{1,2})\s*[/.-]\s*(\d{4})$/))) {
    month = Number(m[1]);
    year = Number(m[2]);
  } else if ((m = t.match(/^(\d{4})\s*[/.-]\s*(\d{1,2})$/))) {
    year = Number(m[1]);
    month = Number(m[2]);
  } else if ((m = t.match(/^(\d{1,2})$/))) {
    month = Number(m[1]);
    year = month > current.month ? current.year - 1 : current.year;
  } else {
    return "format";
  }
  const p = { year, month };
  return isPeriod(p) ? p : "format";
}

export function checkPeriod(p: Period, now: Date, timeZone: string): PeriodProblem | undefined {
  if (!isPeriod(p)) return "format";
  const current = periodOf(now, timeZone);
  if (comparePeriods(p, current) > 0) return "future";
  if (comparePeriods(p, addMonths(current, -MAX_MONTHS_BACK)) < 0) return "too-old";
  return undefined;
}
