// When a request's reminders and its late list fall due. Pure, like src/domain/schedule.ts
// for the monthly report: the scheduler asks which occasions fall in (lastTick, now] for each
// open request, which of them are still worth sending, and plans each once, by its key.
import { addDays, type IsoDate } from "./meeting.js";
import { effectiveDueOn, requestDaysLeft, requestDeadline, type RequestDue } from "./request-deadline.js";
import { fromLocal } from "./time.js";

/** The defaults of issue 14: reminders 3 days and 1 day before the due day and on the day, at 08:00; the late list the day after at 08:00. */
export const REQUEST_REMINDERS = Object.freeze({
  daysBefore: Object.freeze([3, 1, 0]) as readonly number[],
  hour: 8,
  lateListDaysAfter: 1,
  lateListHour: 8,
});
export type RequestReminderSettings = typeof REQUEST_REMINDERS;

export type RequestOccasionKind = "request-due-reminder" | "request-late-list";

/**
 * One thing to send about one request at one instant. Keys, unique and stable across restarts:
 * "request-reminder:17:d3" (3 days before the due day; d0 on the day), "request-late-list:17".
 */
export interface RequestOccasion {
  kind: RequestOccasionKind;
  key: string;
  at: Date;
  requestId: number;
  /** A reminder's days before the due day */
  daysBefore?: number;
}

export interface ScheduledRequest extends RequestDue {
  id: number;
  /** When it was sent: nothing falls due before the request existed. */
  sentAt: Date;
}

function atHour(day: IsoDate, hour: number, timeZone: string): Date {
  const [year, month, d] = day.split("-").map(Number) as [number, number, number];
  return fromLocal({ year, month, day: d, hour, minute: 0, second: 0 }, timeZone);
}

export const requestReminderKey = (requestId: number, daysBefore: number) => `request-reminder:${requestId}:d${daysBefore}`;

/** The request's occasions whose instant t satisfies from < t <= to, in time order. */
export function requestOccasionsDue(r: ScheduledRequest, from: Date, to: Date, timeZone: string, s: RequestReminderSettings = REQUEST_REMINDERS): RequestOccasion[] {
  const due = effectiveDueOn(r);
  const deadline = requestDeadline(r, timeZone).getTime();
  const inWindow = (at: Date) => at.getTime() > from.getTime() && at.getTime() <= to.getTime() && at.getTime() >= r.sentAt.getTime();
  const out: RequestOccasion[] = [];
  for (const d of s.daysBefore) {
    const at = atHour(addDays(due, -d), s.hour, timeZone);
    // A reminder after the due time (due at 07:00, reminded at 08:00) would come too late to help.
    if (inWindow(at) && at.getTime() <= deadline) out.push({ kind: "request-due-reminder", key: requestReminderKey(r.id, d), at, requestId: r.id, daysBefore: d });
  }
  const lateAt = atHour(addDays(due, s.lateListDaysAfter), s.lateListHour, timeZone);
  if (inWindow(lateAt)) out.push({ kind: "request-late-list", key: `request-late-list:${r.id}`, at: lateAt, requestId: r.id });
  return out.sort((a, b) => a.at.getTime() - b.at.getTime());
}

export type RequestVerdict = { send: true } | { send: false; reason: "superseded" | "deadline-passed"; by?: string };

/**
 * The monthly rule (src/domain/schedule.ts verdictOf) for a request: a reminder goes only while
 * its deadline has not passed and no later reminder of the same request has fallen due by `now`
 * (after downtime, one reminder saying what is true today, not three); the late list always goes.
 */
export function requestVerdict(o: RequestOccasion, r: RequestDue, dueByNow: readonly RequestOccasion[], now: Date, timeZone: string): RequestVerdict {
  if (o.kind === "request-late-list") return { send: true };
  if (requestDaysLeft(r, now, timeZone) === null) return { send: false, reason: "deadline-passed" };
  const later = dueByNow.filter((x) => x.kind === "request-due-reminder" && x.requestId === o.requestId && x.at.getTime() > o.at.getTime() && x.at.getTime() <= now.getTime());
  const by = later.at(-1);
  return by ? { send: false, reason: "superseded", by: by.key } : { send: true };
}

/** The reminders of the request that fall due after a `daysBefore` one, nearest the due day last: what supersedes it. */
export function laterReminderKeys(requestId: number, daysBefore: number, s: RequestReminderSettings = REQUEST_REMINDERS): string[] {
  return s.daysBefore.filter((d) => d < daysBefore).map((d) => requestReminderKey(requestId, d));
}
