// The coming monthly deadlines that a public holiday moves: what /caidat and /hanbaocao tell an
// administrator, so a deadline that moves (Tết above all) is no surprise.
import type { LocalDate } from "./holidays.js";
import { addMonths, deadlineOf, dueDateOf, periodOf, type Period } from "./period.js";

export interface MovedDeadline {
  period: Period;
  from: LocalDate;
  on: LocalDate;
  holiday: string;
}

/** The deadlines of the next `months` report months still ahead of `now` that fall on a holiday, in order. */
export function movedDeadlines(dueDay: number, now: Date, timeZone: string, months = 12): MovedDeadline[] {
  const out: MovedDeadline[] = [];
  // The month before the running one is the first whose deadline may still be ahead.
  const first = addMonths(periodOf(now, timeZone), -1);
  for (let i = 0; i < months; i++) {
    const period = addMonths(first, i);
    const due = dueDateOf(period, dueDay);
    if (!due.movedFrom || deadlineOf(period, dueDay, timeZone).getTime() < now.getTime()) continue;
    out.push({ period, from: due.movedFrom, on: { year: due.year, month: due.month, day: due.day }, holiday: due.holiday! });
  }
  return out;
}
