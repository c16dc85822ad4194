// Reporting periods (calendar months) and their deadlines.
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

/** Last instant on which the report for `p` is on time: the end of the due day in the zone. */
export function deadlineOf(p: Period, dueDay: number, timeZone: string): Date {
  const next = addMonths(p, 1);
  const day = Math.min(dueDay, daysInMonth(next.year, next.month));
  return fromLocal({ year: next.year, month: next.month, day, hour: 23, minute: 59, second: 59 }, timeZone, 999);
}

export function isLate(p: Period, submittedAt: Date, dueDay: number, timeZone: string): boolean {
  return submittedAt.getTime() > deadlineOf(p, dueDay, timeZone).getTime();
}

/** The month whose deadline comes next: last month until its due day has passed, then this month. */
export function defaultReportPeriod(now: Date, dueDay: number, timeZone: string): Period {
  const previous = addMonths(periodOf(now, timeZone), -1);
  return isLate(previous, now, dueDay, timeZone) ? periodOf(now, timeZone) : previous;
}

export type PeriodProblem = "format" | "future" | "too-old";

/**
 * Reads a month typed by a person: "10/2026", "10-2026", "2026-10", "T10/2026",
 * "tháng 10/2026", or just "10" (this year, or last year if month 10 is still ahead).
 */
export function parsePeriod(text: string, now: Date, timeZone: string): Period | PeriodProblem {
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
  if (month < 1 || month > 12) return "format";
  const p = { year, month };
  return checkPeriod(p, now, timeZone) ?? p;
}

export function checkPeriod(p: Period, now: Date, timeZone: string): PeriodProblem | undefined {
  const current = periodOf(now, timeZone);
  if (comparePeriods(p, current) > 0) return "future";
  if (comparePeriods(p, addMonths(current, -MAX_MONTHS_BACK)) < 0) return "too-old";
  return undefined;
}
