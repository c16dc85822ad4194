// When things fall due: reminders before a report deadline, the list of late
// branches after it, and the weekly digest. Pure: the scheduler asks which
// occasions fall in (lastTick, now], which of them are still worth sending
// (verdictOf), and sends each of those once, by its key.
//
// Every time is a wall-clock time in the given zone (Asia/Ho_Chi_Minh in
// production), so month and year ends are those of the zone, never of the server.
import { z } from "zod";
import { addMonths, comparePeriods, deadlineOf, dueDateOf, periodOf, reportOpensOn, samePeriod, type Period } from "./period.js";
import { fromLocal, toLocal, type LocalDateTime } from "./time.js";

export interface ScheduleSettings {
  /** Day of month M+1 by which the report for month M is due (end of that day). 1-28. */
  dueDay: number;
  /** Reminders go this many days before the due day; 0 = on the due day itself. */
  reminderDaysBefore: readonly number[];
  reminderHour: number;
  /** The late list goes this many days after the due day (1 = the day after). */
  lateListDaysAfter: number;
  lateListHour: number;
  /** 0 = Sunday … 6 = Saturday, as Date.getDay(). */
  digestWeekday: number;
  digestHour: number;
  digestMinute: number;
}

/** The defaults of DESIGN.md: due on the 5th, reminders 3 and 1 days before and on the day at 08:00,
 *  late list on the 6th at 08:00, digest on Monday at 08:00. */
export const DEFAULT_SCHEDULE: Readonly<ScheduleSettings> = Object.freeze({
  dueDay: 5,
  reminderDaysBefore: Object.freeze([3, 1, 0]),
  reminderHour: 8,
  lateListDaysAfter: 1,
  lateListHour: 8,
  digestWeekday: 1,
  digestHour: 8,
  digestMinute: 0,
});

/** The words administrators type for a weekday (/lichtonghop t2 8:00), as Date.getDay() numbers; weekday-<word> names each. */
export const WEEKDAYS: Record<string, number> = { cn: 0, t2: 1, t3: 2, t4: 3, t5: 4, t6: 5, t7: 6 };

/**
 * Bounds:
 * - dueDay 1..28: every month has a 28th day (February included), so "due on day N" means the
 *   same day in every month, is never silently moved, and the late list for every month can be
 *   worked out without a special case. 29, 30, 31 would fall on different days in February.
 * - reminderDaysBefore: each 0..27, distinct, at most 10 of them (none = no reminders). 27 is the
 *   furthest a reminder can be while staying within four weeks of the deadline; with dueDay 28 it
 *   is the 1st of the month after the report month.
 * - lateListDaysAfter 1..27: 0 would be the due day itself, before the deadline (23:59:59) has passed.
 * - hours 0..23, minute 0..59, weekday 0..6 (0 = Sunday).
 */
export const SCHEDULE_LIMITS = {
  dueDayMax: 28,
  reminderDaysMax: 27,
  reminderCountMax: 10,
  lateListDaysMax: 27,
} as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const scheduleSettingsSchema = z.object({
  dueDay: int(1, SCHEDULE_LIMITS.dueDayMax),
  reminderDaysBefore: z
    .array(int(0, SCHEDULE_LIMITS.reminderDaysMax))
    .max(SCHEDULE_LIMITS.reminderCountMax)
    .refine((days) => new Set(days).size === days.length, { message: "duplicate" }),
  reminderHour: int(0, 23),
  lateListDaysAfter: int(1, SCHEDULE_LIMITS.lateListDaysMax),
  lateListHour: int(0, 23),
  digestWeekday: int(0, 6),
  digestHour: int(0, 23),
  digestMinute: int(0, 59),
});

/** A change an administrator asks for (e.g. /hanbaocao 10 gives { dueDay: 10 }): any subset of the fields. */
export const scheduleChangeSchema = scheduleSettingsSchema.partial().strict();
export type ScheduleChange = z.infer<typeof scheduleChangeSchema>;

/**
 * Applies a change to the current settings and validates the result. Reminder days come back
 * sorted from furthest to nearest (e.g. [3, 1, 0]), however they were typed.
 */
export function applyScheduleChange(
  current: ScheduleSettings,
  change: unknown,
): { ok: true; settings: ScheduleSettings } | { ok: false; error: z.ZodError } {
  const parsedChange = scheduleChangeSchema.safeParse(change);
  if (!parsedChange.success) return { ok: false, error: parsedChange.error };
  const merged = scheduleSettingsSchema.safeParse({ ...current, ...parsedChange.data });
  if (!merged.success) return { ok: false, error: merged.error };
  const settings = { ...merged.data, reminderDaysBefore: [...merged.data.reminderDaysBefore].sort((a, b) => b - a) };
  return { ok: true, settings };
}

export type OccasionKind = "reminder" | "late-list" | "digest";

/**
 * One thing to send at one instant. Keys, stable across restarts and unique per occasion:
 * - "reminder:2026-10:d3"  reminder for October 2026's report, 3 days before the due day
 *                          ("d0" is the one on the due day);
 * - "late-list:2026-10"    late list for October 2026's report;
 * - "digest:2026-11-23"    weekly digest sent on that local calendar date. The date, not the ISO
 *                          week: if an administrator moves the digest day after this week's went
 *                          out, the new day still gets its digest, and a key can be read by a person.
 * `period` is the report month concerned; for the digest see digestPeriodAt.
 */
export interface Occasion {
  kind: OccasionKind;
  key: string;
  at: Date;
  period: Period;
}

const pad2 = (n: number) => String(n).padStart(2, "0");
export const periodKey = (p: Period) => `${p.year}-${pad2(p.month)}`;

/**
 * The month a digest sent at `at` describes: the last month that has ended (the previous
 * calendar month in the zone). Its reports are the ones being collected (before the due day)
 * or overdue (after it), so "received x/y, missing …" is always about reports that are expected.
 * The running month would read 0/y received for four weeks of four: its reports open only on
 * its last day (reportOpensOn). The month /baocao offers (defaultReportPeriod) is this same
 * month, except on the running month's last day.
 */
export function digestPeriodAt(at: Date, timeZone: string): Period {
  return addMonths(periodOf(at, timeZone), -1);
}

const DAY_MS = 86_400_000;

/** Wall-clock time read as if it were UTC: plain arithmetic, no time-zone lookup. */
const wall = (l: LocalDateTime) => Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second);

/** The instant of a wall-clock time given as "UTC-read" milliseconds (day overflow already normalised). */
function instantOfWall(wallMs: number, timeZone: string): Date {
  const d = new Date(wallMs);
  return fromLocal(
    {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: 0,
    },
    timeZone,
  );
}

/** The due date of a month's report, moved off holidays: it lives beside deadlineOf, which is built on it. */
export { dueDateOf } from "./period.js";

const KIND_ORDER: Record<OccasionKind, number> = { reminder: 0, "late-list": 1, digest: 2 };

/**
 * Every occasion whose instant t satisfies from < t <= to, in time order (ties: reminders, then
 * late lists, then digests, then by key).
 *
 * Cost: two time-zone lookups for the window, then plain arithmetic over a few candidate months
 * and the days of the window; only candidates within a day of the window are converted to
 * instants exactly (that day of slack covers any zone offset and daylight-saving shift). So a
 * one-minute tick is cheap, and a window of days or months after downtime is still exact.
 */
export function occasionsDue(settings: ScheduleSettings, from: Date, to: Date, timeZone: string): Occasion[] {
  const out: Occasion[] = [];
  if (to.getTime() <= from.getTime()) return out;
  const fromLocalTime = toLocal(from, timeZone);
  const toLocalTime = toLocal(to, timeZone);
  const lo = wall(fromLocalTime) - DAY_MS;
  const hi = wall(toLocalTime) + DAY_MS;
  const consider = (wallMs: number, make: (at: Date) => Occasion) => {
    if (wallMs < lo || wallMs > hi) return;
    const at = instantOfWall(wallMs, timeZone);
    if (at.getTime() > from.getTime() && at.getTime() <= to.getTime()) out.push(make(at));
  };

  // Report occasions of month P fall from (due date of P) - max reminder days to (due date) + late days,
  // i.e. within months [P, P+2] for validated settings; the bounds below also cover unvalidated ones.
  const reminderDays = [...new Set(settings.reminderDaysBefore)];
  const before = Math.ceil(Math.max(0, settings.lateListDaysAfter, ...reminderDays.map((d) => -d)) / 28);
  const after = Math.ceil(Math.max(0, ...reminderDays) / 28);
  const first = addMonths({ year: fromLocalTime.year, month: fromLocalTime.month }, -2 - before);
  const last = addMonths({ year: toLocalTime.year, month: toLocalTime.month }, Math.max(0, after - 1));
  for (let p = first; comparePeriods(p, last) <= 0; p = addMonths(p, 1)) {
    const period = p;
    const due = dueDateOf(period, settings.dueDay);
    for (const d of reminderDays) {
      consider(Date.UTC(due.year, due.month - 1, due.day - d, settings.reminderHour), (at) => ({
        kind: "reminder",
        key: `reminder:${periodKey(period)}:d${d}`,
        at,
        period,
      }));
    }
    consider(Date.UTC(due.year, due.month - 1, due.day + settings.lateListDaysAfter, settings.lateListHour), (at) => ({
      kind: "late-list",
      key: `late-list:${periodKey(period)}`,
      at,
      period,
    }));
  }

  // Digest: each local date of the window, with a day's slack either side.
  const startDay = Date.UTC(fromLocalTime.year, fromLocalTime.month - 1, fromLocalTime.day - 1);
  const endDay = Date.UTC(toLocalTime.year, toLocalTime.month - 1, toLocalTime.day + 1);
  for (let day = startDay; day <= endDay; day += DAY_MS) {
    const d = new Date(day);
    if (d.getUTCDay() !== settings.digestWeekday) continue;
    const y = d.getUTCFullYear();
    const m = d.getUTCMonth() + 1;
    consider(day + settings.digestHour * 3_600_000 + settings.digestMinute * 60_000, (at) => ({
      kind: "digest",
      key: `digest:${y}-${pad2(m)}-${pad2(d.getUTCDate())}`,
      at,
      // = digestPeriodAt(at): the month before the local date of sending.
      period: addMonths({ year: y, month: m }, -1),
    }));
  }

  // A reminder before the month's report opens would offer a form that refuses the month: not sent.
  return out
    .filter((o) => o.kind !== "reminder" || o.at.getTime() >= reportOpensOn(o.period, timeZone).getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.key.localeCompare(b.key));
}

/**
 * Whole days from the local date of `now` to the due date of `period`'s report: 1 the day before,
 * 0 on the due day itself; null once the deadline (the end of the due day) has passed, when a
 * reminder has nothing true left to say ("còn 0 ngày" after the day would be false).
 */
export function daysLeft(period: Period, now: Date, dueDay: number, timeZone: string): number | null {
  if (now.getTime() > deadlineOf(period, dueDay, timeZone).getTime()) return null;
  const today = toLocal(now, timeZone);
  const due = dueDateOf(period, dueDay);
  return Math.round((Date.UTC(due.year, due.month - 1, due.day) - Date.UTC(today.year, today.month - 1, today.day)) / DAY_MS);
}

export type Verdict = { send: true } | { send: false; reason: "superseded" | "deadline-passed"; by?: string };

/** `later` says all that `earlier` would: a later reminder of the same report month, a later digest. */
function supersedes(later: Occasion, earlier: Occasion): boolean {
  if (later.kind !== earlier.kind || later.at.getTime() <= earlier.at.getTime()) return false;
  if (later.kind === "digest") return true;
  return later.kind === "reminder" && samePeriod(later.period, earlier.period);
}

/**
 * Whether occasion `o` is still worth sending at `now`, given `due`: the occasions that have fallen
 * due by then (in any order; `o` may be among them, those after `now` are ignored). One rule for the
 * planner, which sorts out a window after downtime, and for the sender, just before a delivery
 * planned earlier goes out:
 * - a reminder goes only while its deadline has not passed (after it, the late list speaks), and
 *   only if no later reminder of the same month is due: two reminders a few seconds apart would
 *   both say the same thing, worked out at the moment of sending;
 * - a digest goes only if no later digest is due: each shows the picture at the moment it is sent;
 * - a late list always goes, however late: each month has one, and nothing else names its late branches.
 * The answer only changes one way as `now` and `due` grow (from "send" to "skip", never back), so a
 * decision recorded by one instance or before a restart is never contradicted by a later one.
 */
export function verdictOf(o: Occasion, due: readonly Occasion[], now: Date, settings: Pick<ScheduleSettings, "dueDay">, timeZone: string): Verdict {
  if (o.kind === "late-list") return { send: true };
  if (o.kind === "reminder" && daysLeft(o.period, now, settings.dueDay, timeZone) === null) return { send: false, reason: "deadline-passed" };
  let by: Occasion | undefined;
  for (const other of due) {
    if (other.at.getTime() <= now.getTime() && supersedes(other, o) && (!by || other.at > by.at)) by = other;
  }
  return by ? { send: false, reason: "superseded", by: by.key } : { send: true };
}

/** The verdict on each occasion of a window (occasionsDue's output), in the window's order. */
export function sortOutWindow(due: readonly Occasion[], now: Date, settings: Pick<ScheduleSettings, "dueDay">, timeZone: string) {
  return due.map((occasion) => ({ occasion, verdict: verdictOf(occasion, due, now, settings, timeZone) }));
}
