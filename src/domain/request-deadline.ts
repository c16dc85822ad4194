// When a request's answers are due, and so which are late: one place, read by the answer
// form (the late mark, the receipt), the reminders and the late list alike.
import { moveIsoOffHolidays } from "./holidays.js";
import { addDays, isoDate, type IsoDate } from "./meeting.js";
import { fromLocal, toLocal } from "./time.js";

export interface RequestDue {
  /** YYYY-MM-DD in the deployment's time zone, as the requester set it */
  dueOn: string;
  /** HH:MM, or null for the end of the day */
  dueTime: string | null;
}

/**
 * The day answers are really due: the day set, or, when it is a public holiday or in the Tết
 * break, the next working day (src/domain/holidays.ts), with the day set and the holiday, so the
 * reminders can say why. The one place a request's due date moves; everything below follows.
 */
export function effectiveDue(r: RequestDue): { dueOn: IsoDate; movedFrom?: IsoDate; holiday?: string } {
  const moved = moveIsoOffHolidays(r.dueOn);
  return moved.movedFrom ? { dueOn: moved.on, movedFrom: moved.movedFrom, holiday: moved.holiday! } : { dueOn: r.dueOn };
}

export const effectiveDueOn = (r: RequestDue): IsoDate => effectiveDue(r).dueOn;

/** "dd/mm/yyyy" or "hh:mm dd/mm/yyyy" of the day answers are really due: what every message shows. */
export function formatEffectiveDue(r: RequestDue): string {
  const [y, m, d] = effectiveDueOn(r).split("-");
  return r.dueTime ? `${r.dueTime} ${d}/${m}/${y}` : `${d}/${m}/${y}`;
}

/** The last instant an answer is on time: the due time, or the end (23:59:59.999) of the due day. */
export function requestDeadline(r: RequestDue, timeZone: string): Date {
  const [year, month, day] = effectiveDueOn(r).split("-").map(Number) as [number, number, number];
  const time = r.dueTime ? /^(\d{2}):(\d{2})$/.exec(r.dueTime) : null;
  if (time) return fromLocal({ year, month, day, hour: Number(time[1]), minute: Number(time[2]), second: 0 }, timeZone);
  return fromLocal({ year, month, day, hour: 23, minute: 59, second: 59 }, timeZone, 999);
}

/** An answer given after the deadline: accepted, marked late. */
export function isAnswerLate(r: RequestDue, at: Date, timeZone: string): boolean {
  return at.getTime() > requestDeadline(r, timeZone).getTime();
}

const DAY_MS = 86_400_000;

/** Whole days from today (in the zone) to the due day: 0 on the day; null once the deadline has passed. */
export function requestDaysLeft(r: RequestDue, now: Date, timeZone: string): number | null {
  if (now.getTime() > requestDeadline(r, timeZone).getTime()) return null;
  const l = toLocal(now, timeZone);
  const today = Date.parse(`${isoDate(l.year, l.month, l.day)}T00:00:00Z`);
  return Math.round((Date.parse(`${effectiveDueOn(r)}T00:00:00Z`) - today) / DAY_MS);
}

/** The local day `days` after the due day (the late list's day). */
export const dayAfterDue = (r: RequestDue, days: number): IsoDate => addDays(effectiveDueOn(r), days);
