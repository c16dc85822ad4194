// The coming monthly deadlines that a public holiday moves: what /caidat and /hanbaocao tell an
// administrator, so a deadline that moves (Tết above all) is no surprise.
import type { DueSetting } from "./deadline.js";
import type { LocalDate } from "./holidays.js";
import { addMonths, deadlineOf, dueDateOf, periodOf, type Period } from "./period.js";

export interface MovedDeadline {
  period: Period;
  from: LocalDate;
  on: LocalDate;
  holiday: string;
}

/** The deadlines of the next `months` report months still ahead of `now` that fall on a holiday, in order. */
export function movedDeadlines(due: DueSetting, now: Date, timeZone: string, months = 12): MovedDeadline[] {
  const out: MovedDeadline[] = [];
  // The month before the running one is the first whose deadline may still be ahead.
  const first = addMonths(periodOf(now, timeZone), -1);
  for (let i = 0; i < months; i++) {
    const period = addMonths(first, i);
    const date = dueDateOf(period, due);
    if (!date.movedFrom || deadlineOf(period, due, timeZone).getTime() < now.getTime()) continue;
    out.push({ period, from: date.movedFrom, on: { year: date.year, month: date.month, day: date.day }, holiday: date.holiday! });
  }
  return out;
}
