// A branch's year so far, month by month, from the month it began to report: /tiendo shows it
// grouped (months of one status on one line), and the whole list behind a button.
import type { meetingCompliance } from "./meeting.js";
import { ruleOf, type DueSetting } from "./deadline.js";
import { isPeriod, comparePeriods, deadlineOf, periodOf, type Period } from "./period.js";
import { admittedTotal, type CohortField } from "./report.js";
import { reviewLabel, type ReviewLabel } from "./review.js";

export type MonthStatus = "submitted" | "late" | "missing" | "due" | "open";

export interface MonthRow {
  month: number;
  status: MonthStatus;
  admitted: number;
  deadline: Date;
  /** The review label of the month's report; null when there is none. */
  review: ReviewLabel | null;
}

export type YearReport = { month: number; late: boolean; reviewState: string; lateCorrection: boolean } & Record<CohortField, number>;

/**
 * The first month of `year` a branch answers for: January, or the month it was created in that
 * year (a branch added in December owes no report for January). A report or a meeting recorded
 * for an earlier month (`recordMonths`) moves it back: what was filed is shown.
 */
export function firstMonthOf(year: number, createdAt: Date, recordMonths: readonly number[], timeZone: string): number {
  const created = periodOf(createdAt, timeZone);
  const from = created.year === year ? created.month : 1;
  return Math.min(from, ...recordMonths);
}

/** `firstMonth`: the month the rows start at (firstMonthOf). */
export function yearProgress(reports: YearReport[], year: number, now: Date, due: DueSetting, timeZone: string, firstMonth = 1) {
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const current = periodOf(now, timeZone);
  const rows: MonthRow[] = [];
  for (let month = firstMonth; month <= 12; month++) {
    const p: Period = { year, month };
    if (comparePeriods(p, current) > 0) break;
    const r = byMonth.get(month);
    const deadline = deadlineOf(p, due, timeZone);
    let status: MonthStatus;
    if (r) status = r.late ? "late" : "submitted";
    // The running month is still being lived, unless its report is due within it (a same-month deadline).
    else if (comparePeriods(p, current) === 0 && !ruleOf(due).sameMonth) status = "open";
    else status = now.getTime() > deadline.getTime() ? "missing" : "due";
    rows.push({ month, status, admitted: r ? admittedTotal(r) : 0, deadline, review: r ? reviewLabel(r.reviewState, r.lateCorrection) : null });
  }
  const sum = (f: CohortField) => reports.reduce((s, r) => s + r[f], 0);
  return {
    rows,
    totals: {
      admitted: reports.reduce((s, r) => s + admittedTotal(r), 0),
      teachers: sum("admittedTeachers"),
      pupils: sum("admittedPupils"),
      students: sum("admittedStudents"),
      other: sum("admittedOther"),
    },
  };
}

/**
 * Consecutive months as runs, for a line a phone shows whole: [1, 2, 3, 5, 7, 8] →
 * [[1, 3], [5, 5], [7, 8]]. The months are taken in order, without duplicates.
 */
export function monthRuns(months: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const m of [...new Set(months)].sort((a, b) => a - b)) {
    const last = runs.at(-1);
    if (last && last[1] === m - 1) last[1] = m;
    else runs.push([m, m]);
  }
  return runs;
}

/** A branch's year as /tiendo shows it (plain data: src/messages/progress.ts writes it). */
export interface YearSoFar {
  unitId: number;
  unitName: string;
  year: number;
  /** The first month listed (firstMonthOf). */
  firstMonth: number;
  reports: ReturnType<typeof yearProgress>;
  meetings: ReturnType<typeof meetingCompliance>;
}

/** What the button under /tiendo carries: the branch and the year whose months it lists. */
const DETAILS = /^progress:(\d{1,9}):(\d{4})$/;

export function progressDetailsData(unitId: number, year: number): string {
  return `progress:${unitId}:${year}`;
}

/**
 * The branch and year of a details button, or undefined for data no button of ours carries:
 * callback data can be forged. A year other than this one or the last (a button kept from
 * December) is refused too; whether the person may see the branch is the access table's to say.
 */
export function readProgressDetails(data: string, now: Date, timeZone: string): { unitId: number; year: number } | undefined {
  const m = data.match(DETAILS);
  if (!m) return undefined;
  const unitId = Number(m[1]);
  const year = Number(m[2]);
  const current = periodOf(now, timeZone).year;
  if (unitId < 1 || !isPeriod({ year, month: 1 }) || year < current - 1 || year > current) return undefined;
  return { unitId, year };
}
