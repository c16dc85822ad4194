// A branch's year so far, month by month.
import { comparePeriods, deadlineOf, periodOf, type Period } from "./period.js";
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

export function yearProgress(reports: YearReport[], year: number, now: Date, dueDay: number, timeZone: string) {
  const byMonth = new Map(reports.map((r) => [r.month, r]));
  const current = periodOf(now, timeZone);
  const rows: MonthRow[] = [];
  for (let month = 1; month <= 12; month++) {
    const p: Period = { year, month };
    if (comparePeriods(p, current) > 0) break;
    const r = byMonth.get(month);
    const deadline = deadlineOf(p, dueDay, timeZone);
    let status: MonthStatus;
    if (r) status = r.late ? "late" : "submitted";
    else if (comparePeriods(p, current) === 0) status = "open";
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
