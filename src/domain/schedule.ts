// When things fall due: reminders before a report deadline, the list of late
// branches after it, and the weekly digest. Pure: the scheduler asks which
// occasions fall in (lastTick, now], which of them are still worth sending
// (verdictOf), and sends each of those once, by its key.
//
// Every time is a wall-clock time in the given zone (Asia/Ho_Chi_Minh in
// production), so month and year ends are those of the zone, never of the server.
import { sameRule, type DueRule, type DueSetting } from "./deadline.js";
import { addMonths, comparePeriods, deadlineOf, dueDateOf, periodOf, reportOpensOn, samePeriod, type Period } from "./period.js";
import { treeRule, type ScheduleSettings } from "./schedule-settings.js";
import { fromLocal, toLocal, type LocalDateTime } from "./time.js";

export * from "./schedule-settings.js";

export type OccasionKind = "reminder" | "late-list" | "digest";

/**
 * One thing to send at one instant. Keys, stable across restarts and unique per occasion:
 * - "reminder:2026-10:d3"  reminder for October 2026's report, 3 days before the due day
 *                          ("d0" is the one on the due day);
 * - "late-list:2026-10"    late list for October 2026's report;
 * - "digest:2026-11-23"    weekly digest sent on that local calendar date. The date, not the ISO
 *                          week: if an administrator moves the digest day after this week's went
 *                          out, the new day still gets its digest, and a key can be read by a person.
 * A reminder or late list for branches whose deadline is not the tree's (a subtree's own, /caidat
 * <mã> han …) names its due date as well: "reminder:2026-10:d3:han-2026-10-25". Branches whose
 * rules give the same due date share one occasion; a branch is reminded by its own deadline only.
 * `period` is the report month concerned; for the digest see digestPeriodAt. `due`: the deadline
 * of a reminder's or late list's branches (absent in rows planned before subtree deadlines: the tree's).
 */
export interface Occasion {
  kind: OccasionKind;
  key: string;
  at: Date;
  period: Period;
  due?: DueRule;
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
 * `rules`: the deadlines in force anywhere in the tree (distinctRules); by default the tree's alone.
 */
export function occasionsDue(settings: ScheduleSettings, from: Date, to: Date, timeZone: string, rules: readonly DueRule[] = [treeRule(settings)]): Occasion[] {
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
  // i.e. within months [P-1, P+2] for validated settings; the bounds below also cover unvalidated ones.
  const reminderDays = [...new Set(settings.reminderDaysBefore)];
  const before = Math.ceil(Math.max(0, settings.lateListDaysAfter, ...reminderDays.map((d) => -d)) / 28);
  const after = Math.ceil(Math.max(0, ...reminderDays) / 28);
  const first = addMonths({ year: fromLocalTime.year, month: fromLocalTime.month }, -2 - before);
  // One month further for same-month deadlines: their occasions fall a month earlier.
  const last = addMonths({ year: toLocalTime.year, month: toLocalTime.month }, Math.max(0, after - 1) + 1);
  const tree = treeRule(settings);
  const dueDates = new Map<string, DueRule>();
  for (let p = first; comparePeriods(p, last) <= 0; p = addMonths(p, 1)) {
    const period = p;
    dueDates.clear();
    // Rules that give the month the same due date are one occasion (the first rule named: the tree's if it is among them).
    for (const rule of rules) {
      const d = dueDateOf(period, rule);
      const iso = `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
      if (!dueDates.has(iso)) dueDates.set(iso, rule);
    }
    for (const [iso, rule] of dueDates) {
      const due = dueDateOf(period, rule);
      const suffix = sameRule(rule, tree) ? "" : `:han-${iso}`;
      for (const d of reminderDays) {
        consider(Date.UTC(due.year, due.month - 1, due.day - d, settings.reminderHour), (at) => ({
          kind: "reminder",
          key: `reminder:${periodKey(period)}:d${d}${suffix}`,
          at,
          period,
          due: rule,
        }));
      }
      consider(Date.UTC(due.year, due.month - 1, due.day + settings.lateListDaysAfter, settings.lateListHour), (at) => ({
        kind: "late-list",
        key: `late-list:${periodKey(period)}${suffix}`,
        at,
        period,
        due: rule,
      }));
    }
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
    .filter((o) => o.kind !== "reminder" || o.at.getTime() >= reportOpensOn(o.period, timeZone, o.due ?? tree).getTime())
    .sort((a, b) => a.at.getTime() - b.at.getTime() || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.key.localeCompare(b.key));
}

/**
 * Whole days from the local date of `now` to the due date of `period`'s report: 1 the day before,
 * 0 on the due day itself; null once the deadline (the end of the due day) has passed, when a
 * reminder has nothing true left to say ("còn 0 ngày" after the day would be false).
 */
export function daysLeft(period: Period, now: Date, dueSetting: DueSetting, timeZone: string): number | null {
  if (now.getTime() > deadlineOf(period, dueSetting, timeZone).getTime()) return null;
  const today = toLocal(now, timeZone);
  const due = dueDateOf(period, dueSetting);
  return Math.round((Date.UTC(due.year, due.month - 1, due.day) - Date.UTC(today.year, today.month - 1, today.day)) / DAY_MS);
}

export type Verdict = { send: true } | { send: false; reason: "superseded" | "deadline-passed"; by?: string };

/**
 * `later` says all that `earlier` would: a later reminder of the same report month to the same
 * branches (the same deadline: `tree` for an occasion that names none), a later digest.
 */
function supersedes(later: Occasion, earlier: Occasion, tree: DueRule): boolean {
  if (later.kind !== earlier.kind || later.at.getTime() <= earlier.at.getTime()) return false;
  if (later.kind === "digest") return true;
  return later.kind === "reminder" && samePeriod(later.period, earlier.period) && sameRule(later.due ?? tree, earlier.due ?? tree);
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
export function verdictOf(o: Occasion, due: readonly Occasion[], now: Date, settings: Pick<ScheduleSettings, "dueDay" | "dueSameMonth">, timeZone: string): Verdict {
  if (o.kind === "late-list") return { send: true };
  const tree = treeRule(settings);
  if (o.kind === "reminder" && daysLeft(o.period, now, o.due ?? tree, timeZone) === null) return { send: false, reason: "deadline-passed" };
  let by: Occasion | undefined;
  for (const other of due) {
    if (other.at.getTime() <= now.getTime() && supersedes(other, o, tree) && (!by || other.at > by.at)) by = other;
  }
  return by ? { send: false, reason: "superseded", by: by.key } : { send: true };
}

/** The verdict on each occasion of a window (occasionsDue's output), in the window's order. */
export function sortOutWindow(due: readonly Occasion[], now: Date, settings: Pick<ScheduleSettings, "dueDay" | "dueSameMonth">, timeZone: string) {
  return due.map((occasion) => ({ occasion, verdict: verdictOf(occasion, due, now, settings, timeZone) }));
}
