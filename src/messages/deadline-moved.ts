// The line that says a deadline moved off a public holiday (src/domain/holidays.ts): the same
// words under a monthly reminder, a request's reminder, its delivery and the creator's form.
import type { DueSetting } from "../domain/deadline.js";
import type { LocalDate } from "../domain/holidays.js";
import { dueDateOf, type Period } from "../domain/period.js";
import { effectiveDue, type RequestDue } from "../domain/request-deadline.js";
import type { Translate } from "../i18n.js";

const dmy = (d: LocalDate) => `${String(d.day).padStart(2, "0")}/${String(d.month).padStart(2, "0")}/${d.year}`;
const fromIso = (iso: string): LocalDate => {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  return { year, month, day };
};

export interface DeadlineMove {
  /** The day set, the day it falls on: LocalDate, or YYYY-MM-DD as requests store it. */
  from: LocalDate | string;
  on: LocalDate | string;
  holiday: string;
}

const shown = (d: LocalDate | string) => dmy(typeof d === "string" ? fromIso(d) : d);

/** "📅 Hạn lùi từ 05/02/2027 sang 10/02/2027 vì trùng ngày nghỉ Tết Nguyên Đán." */
export function deadlineMovedLine(t: Translate, m: DeadlineMove): string {
  return t("deadline-moved", { from: shown(m.from), on: shown(m.on), holiday: m.holiday });
}

/** The move of a request's due date off a holiday, or undefined when it stays. */
export function requestMove(due: RequestDue): DeadlineMove | undefined {
  const e = effectiveDue(due);
  return e.movedFrom ? { from: e.movedFrom, on: e.dueOn, holiday: e.holiday! } : undefined;
}

/** The move of a month's deadline off a holiday, or undefined when it stays. */
export function monthMove(period: Period, due: DueSetting): DeadlineMove | undefined {
  const date = dueDateOf(period, due);
  return date.movedFrom ? { from: date.movedFrom, on: date, holiday: date.holiday! } : undefined;
}

/** The text with the line appended when the deadline moved. */
export const withMove = (t: Translate, text: string, m: DeadlineMove | undefined): string => (m ? `${text}\n${deadlineMovedLine(t, m)}` : text);
