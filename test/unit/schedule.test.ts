import { describe, expect, it } from "vitest";
import {
  applyScheduleChange,
  daysLeft,
  DEFAULT_SCHEDULE,
  digestPeriodAt,
  dueDateOf,
  occasionsDue,
  scheduleChangeSchema,
  scheduleSettingsSchema,
  sortOutWindow,
  verdictOf,
  type Occasion,
  type ScheduleSettings,
} from "../../src/domain/schedule.js";
import { deadlineOf } from "../../src/domain/period.js";
import { fromLocal, toLocal } from "../../src/domain/time.js";

const VN = "Asia/Ho_Chi_Minh";
/** A wall-clock time in Hà Nội. */
const vn = (year: number, month: number, day: number, hour = 0, minute = 0) =>
  fromLocal({ year, month, day, hour, minute, second: 0 }, VN);
const brief = (os: Occasion[]) => os.map((o) => `${o.key}@${o.at.toISOString()}`);

describe("occasionsDue with the defaults", () => {
  it("lists a whole November: October's reminders and late list, and the Monday digests, in time order", () => {
    const os = occasionsDue(DEFAULT_SCHEDULE, vn(2026, 11, 1), vn(2026, 12, 1), VN);
    expect(brief(os)).toEqual([
      // 08:00 in Hà Nội is 01:00 UTC. 2 November 2026 is a Monday: the reminder comes before the digest.
      "reminder:2026-10:d3@2026-11-02T01:00:00.000Z",
      "digest:2026-11-02@2026-11-02T01:00:00.000Z",
      "reminder:2026-10:d1@2026-11-04T01:00:00.000Z",
      "reminder:2026-10:d0@2026-11-05T01:00:00.000Z",
      "late-list:2026-10@2026-11-06T01:00:00.000Z",
      "digest:2026-11-09@2026-11-09T01:00:00.000Z",
      "digest:2026-11-16@2026-11-16T01:00:00.000Z",
      "digest:2026-11-23@2026-11-23T01:00:00.000Z",
      "digest:2026-11-30@2026-11-30T01:00:00.000Z",
    ]);
    for (const o of os.filter((o) => o.kind !== "digest")) expect(o.period).toEqual({ year: 2026, month: 10 });
  });

  it("puts December's reminders and late list in January of the next year", () => {
    const os = occasionsDue(DEFAULT_SCHEDULE, vn(2026, 12, 31), vn(2027, 1, 10), VN).filter((o) => o.kind !== "digest");
    expect(brief(os)).toEqual([
      "reminder:2026-12:d3@2027-01-02T01:00:00.000Z",
      "reminder:2026-12:d1@2027-01-04T01:00:00.000Z",
      "reminder:2026-12:d0@2027-01-05T01:00:00.000Z",
      "late-list:2026-12@2027-01-06T01:00:00.000Z",
    ]);
    for (const o of os) expect(o.period).toEqual({ year: 2026, month: 12 });
  });

  it("gives the digest the month that has just ended, across the year end too", () => {
    const os = occasionsDue(DEFAULT_SCHEDULE, vn(2026, 12, 27), vn(2027, 1, 12), VN).filter((o) => o.kind === "digest");
    expect(os.map((o) => [o.key, o.period])).toEqual([
      ["digest:2026-12-28", { year: 2026, month: 11 }],
      ["digest:2027-01-04", { year: 2026, month: 12 }],
      ["digest:2027-01-11", { year: 2026, month: 12 }],
    ]);
    // Midnight on 1 January in Hà Nội is still 31 December in UTC: the zone decides.
    expect(digestPeriodAt(vn(2027, 1, 1, 0, 30), VN)).toEqual({ year: 2026, month: 12 });
    expect(digestPeriodAt(vn(2027, 1, 1, 0, 30), "UTC")).toEqual({ year: 2026, month: 11 });
  });

  it("excludes the start of the window and includes its end", () => {
    const eight = vn(2026, 11, 4, 8);
    const minute = 60_000;
    expect(brief(occasionsDue(DEFAULT_SCHEDULE, new Date(eight.getTime() - minute), eight, VN))).toEqual([
      "reminder:2026-10:d1@2026-11-04T01:00:00.000Z",
    ]);
    expect(occasionsDue(DEFAULT_SCHEDULE, eight, new Date(eight.getTime() + minute), VN)).toEqual([]);
    expect(occasionsDue(DEFAULT_SCHEDULE, new Date(eight.getTime() - 1), new Date(eight.getTime() - 1), VN)).toEqual([]);
    // A window given backwards is empty, not an error.
    expect(occasionsDue(DEFAULT_SCHEDULE, vn(2026, 12, 1), vn(2026, 11, 1), VN)).toEqual([]);
  });

  it("returns the same occasions, each once, whether ticked every few minutes or caught up in one call", () => {
    const from = vn(2026, 12, 20);
    const to = vn(2027, 3, 10);
    const step = 7 * 60_000;
    const ticked: Occasion[] = [];
    let last = from;
    for (let t = from.getTime() + step; ; t += step) {
      const now = new Date(Math.min(t, to.getTime()));
      ticked.push(...occasionsDue(DEFAULT_SCHEDULE, last, now, VN));
      last = now;
      if (now.getTime() === to.getTime()) break;
    }
    const once = occasionsDue(DEFAULT_SCHEDULE, from, to, VN);
    expect(brief(ticked)).toEqual(brief(once));
    expect(new Set(once.map((o) => o.key)).size).toBe(once.length);
    // Dec report (Jan), Jan report (Feb), Feb report (Mar): 3 × (3 reminders + 1 late list);
    // Mondays 21 and 28 December, 4 in January, 4 in February, 1 and 8 March.
    expect(once.filter((o) => o.kind === "reminder")).toHaveLength(9);
    expect(once.filter((o) => o.kind === "late-list").map((o) => o.key)).toEqual([
      "late-list:2026-12",
      "late-list:2027-01",
      "late-list:2027-02",
    ]);
    expect(once.filter((o) => o.kind === "digest")).toHaveLength(12);
  });

  it("agrees with a catch-up call in a zone with daylight saving, across both changes", () => {
    const berlin = "Europe/Berlin";
    // Sunday digest at 02:30: on 28 March 2027 that wall-clock time does not exist in Berlin.
    const s: ScheduleSettings = { ...DEFAULT_SCHEDULE, digestWeekday: 0, digestHour: 2, digestMinute: 30, reminderHour: 2 };
    const from = new Date("2027-03-20T00:00:00Z");
    const to = new Date("2027-11-05T00:00:00Z");
    const ticked: Occasion[] = [];
    for (let t = from.getTime(); t < to.getTime(); t += 13 * 60_000) {
      ticked.push(...occasionsDue(s, new Date(t), new Date(Math.min(t + 13 * 60_000, to.getTime())), berlin));
    }
    const once = occasionsDue(s, from, to, berlin);
    expect(brief(ticked)).toEqual(brief(once));
    // Summer time: 02:30 in Berlin is 00:30 UTC; winter time: 01:30 UTC.
    expect(once.find((o) => o.key === "digest:2027-07-04")?.at.toISOString()).toBe("2027-07-04T00:30:00.000Z");
    expect(once.find((o) => o.key === "digest:2027-10-31")?.at.toISOString()).toBe("2027-10-31T01:30:00.000Z");
  });
});

describe("occasionsDue with changed settings", () => {
  const settings = (change: Partial<ScheduleSettings>): ScheduleSettings => ({ ...DEFAULT_SCHEDULE, ...change });

  it("uses the hours and minute set, in the zone given", () => {
    const s = settings({ reminderHour: 19, lateListHour: 7, digestWeekday: 0, digestHour: 20, digestMinute: 30 });
    const os = occasionsDue(s, vn(2026, 11, 1), vn(2026, 11, 9), VN);
    expect(brief(os)).toEqual([
      // 1 and 8 November 2026 are Sundays; 20:30 in Hà Nội is 13:30 UTC.
      "digest:2026-11-01@2026-11-01T13:30:00.000Z",
      "reminder:2026-10:d3@2026-11-02T12:00:00.000Z",
      "reminder:2026-10:d1@2026-11-04T12:00:00.000Z",
      "reminder:2026-10:d0@2026-11-05T12:00:00.000Z",
      "late-list:2026-10@2026-11-06T00:00:00.000Z",
      "digest:2026-11-08@2026-11-08T13:30:00.000Z",
    ]);
    // The same settings in UTC fall seven hours later.
    const utc = occasionsDue(s, new Date("2026-11-01T00:00:00Z"), new Date("2026-11-09T00:00:00Z"), "UTC");
    expect(utc.map((o) => o.at.toISOString())).toContain("2026-11-05T19:00:00.000Z");
  });

  it("handles a due day of 28 with a late list five days on, across February", () => {
    const s = settings({ dueDay: 28, reminderDaysBefore: [27], lateListDaysAfter: 5 });
    const os = occasionsDue(s, vn(2027, 1, 1), vn(2027, 3, 31), VN).filter((o) => o.kind !== "digest");
    expect(os.map((o) => [o.key, o.at.toISOString().slice(0, 10)])).toEqual([
      // 28 January - 27 days = 1 January (08:00 local = 01:00 UTC, same date).
      ["reminder:2026-12:d27", "2027-01-01"],
      // November's report was due on 28 December.
      ["late-list:2026-11", "2027-01-02"],
      ["reminder:2027-01:d27", "2027-02-01"],
      ["late-list:2026-12", "2027-02-02"],
      ["reminder:2027-02:d27", "2027-03-01"],
      // 28 February + 5 days = 5 March (2027 is not a leap year).
      ["late-list:2027-01", "2027-03-05"],
    ]);
  });

  it("sends no reminder before the month's report can be filed (00:00 on its last day): its button would be refused", () => {
    const s = settings({ dueDay: 1, reminderDaysBefore: [3, 1, 0] });
    // November, not December: 01/01 is a holiday, and December's deadline moves off it.
    const os = occasionsDue(s, vn(2026, 11, 25), vn(2026, 12, 3), VN).filter((o) => o.kind !== "digest");
    expect(os.map((o) => [o.key, o.at.toISOString().slice(0, 10)])).toEqual([
      // d3 would be 28/11, before November's report opens on 30/11.
      ["reminder:2026-11:d1", "2026-11-30"],
      ["reminder:2026-11:d0", "2026-12-01"],
      ["late-list:2026-11", "2026-12-02"],
    ]);
  });

  it("sends no reminders when none are set, and still the late list", () => {
    const os = occasionsDue(settings({ reminderDaysBefore: [] }), vn(2026, 11, 1), vn(2026, 11, 7), VN);
    expect(os.map((o) => o.key)).toEqual(["digest:2026-11-02", "late-list:2026-10"]);
  });
});

describe("dueDateOf", () => {
  it("is the local date of deadlineOf for every due day, including in short months", () => {
    for (const p of [{ year: 2026, month: 12 }, { year: 2027, month: 1 }, { year: 2028, month: 1 }, { year: 2026, month: 6 }]) {
      for (let dueDay = 1; dueDay <= 31; dueDay++) {
        const l = toLocal(deadlineOf(p, dueDay, VN), VN);
        expect(dueDateOf(p, dueDay)).toMatchObject({ year: l.year, month: l.month, day: l.day });
      }
    }
    expect(dueDateOf({ year: 2026, month: 12 }, 5)).toEqual({ year: 2027, month: 1, day: 5 });
  });
});

describe("what a catch-up after downtime still sends", () => {
  /** The verdicts on the window (from, to], as "key: send" or "key: reason (by)". */
  const window = (from: Date, to: Date, s: ScheduleSettings = DEFAULT_SCHEDULE) =>
    sortOutWindow(occasionsDue(s, from, to, VN), to, s, VN).map(({ occasion, verdict }) =>
      verdict.send ? `${occasion.key}: send` : `${occasion.key}: ${verdict.reason}${verdict.by ? ` (${verdict.by})` : ""}`,
    );

  it("down from before the first reminder until the day before the deadline: only the latest reminder", () => {
    // November's report is due on 05/12/2026: reminders on 2, 4 and 5 December at 08:00.
    expect(window(vn(2026, 12, 1, 9), vn(2026, 12, 4, 10))).toEqual([
      "reminder:2026-11:d3: superseded (reminder:2026-11:d1)",
      "reminder:2026-11:d1: send",
    ]);
  });

  it("down until after the deadline: no reminder, the late list", () => {
    expect(window(vn(2026, 12, 1, 9), vn(2026, 12, 6, 10))).toEqual([
      "reminder:2026-11:d3: deadline-passed",
      "reminder:2026-11:d1: deadline-passed",
      "reminder:2026-11:d0: deadline-passed",
      "late-list:2026-11: send",
    ]);
  });

  it("down for weeks: the latest digest of those missed, and the late list of every month", () => {
    expect(window(vn(2026, 10, 30, 9), vn(2026, 12, 11, 10)).filter((v) => !v.startsWith("reminder"))).toEqual([
      "digest:2026-11-02: superseded (digest:2026-12-07)",
      "late-list:2026-10: send",
      "digest:2026-11-09: superseded (digest:2026-12-07)",
      "digest:2026-11-16: superseded (digest:2026-12-07)",
      "digest:2026-11-23: superseded (digest:2026-12-07)",
      "digest:2026-11-30: superseded (digest:2026-12-07)",
      "late-list:2026-11: send",
      "digest:2026-12-07: send",
    ]);
  });

  it("keeps the reminder of the due day until the end of that day", () => {
    const due = occasionsDue(DEFAULT_SCHEDULE, vn(2026, 12, 1), vn(2026, 12, 5, 9), VN);
    const d0 = due.find((o) => o.key === "reminder:2026-11:d0")!;
    const lastMoment = new Date(vn(2026, 12, 6).getTime() - 1);
    expect(verdictOf(d0, due, lastMoment, DEFAULT_SCHEDULE, VN)).toEqual({ send: true });
    expect(verdictOf(d0, due, vn(2026, 12, 6), DEFAULT_SCHEDULE, VN)).toEqual({ send: false, reason: "deadline-passed" });
  });

  it("does not let one month's reminder stand for another's", () => {
    // Validated settings never put two months' reminders before both deadlines; a rule must not rely on it.
    const nov: Occasion = { kind: "reminder", key: "reminder:2026-11:d1", at: vn(2026, 12, 4, 8), period: { year: 2026, month: 11 } };
    const dec: Occasion = { kind: "reminder", key: "reminder:2026-12:d31", at: vn(2026, 12, 4, 9), period: { year: 2026, month: 12 } };
    expect(verdictOf(nov, [nov, dec], vn(2026, 12, 4, 10), DEFAULT_SCHEDULE, VN)).toEqual({ send: true });
    expect(verdictOf(dec, [nov, dec], vn(2026, 12, 4, 10), DEFAULT_SCHEDULE, VN)).toEqual({ send: true });
  });

  it("judges a delivery planned earlier by what has fallen due since, ignoring what has not yet", () => {
    const due = occasionsDue(DEFAULT_SCHEDULE, vn(2026, 12, 1), vn(2026, 12, 8), VN);
    const key = (k: string) => due.find((o) => o.key === k)!;
    const d1 = key("reminder:2026-11:d1");
    // Planned on 4 December, still waiting on the 5th at 09:00: the reminder of the day says it.
    expect(verdictOf(d1, [key("reminder:2026-11:d0")], vn(2026, 12, 5, 9), DEFAULT_SCHEDULE, VN)).toEqual({
      send: false,
      reason: "superseded",
      by: "reminder:2026-11:d0",
    });
    // On the 5th at 07:00 the reminder of the day is not due yet.
    expect(verdictOf(d1, due, vn(2026, 12, 5, 7), DEFAULT_SCHEDULE, VN)).toEqual({ send: true });
    // A digest is superseded by any later one; a late list by nothing.
    const nov30 = occasionsDue(DEFAULT_SCHEDULE, vn(2026, 11, 29), vn(2026, 11, 30, 9), VN).find((o) => o.kind === "digest")!;
    expect(verdictOf(nov30, due, vn(2026, 12, 8), DEFAULT_SCHEDULE, VN)).toMatchObject({ send: false, by: "digest:2026-12-07" });
    expect(verdictOf(key("late-list:2026-11"), due, vn(2027, 6, 1), DEFAULT_SCHEDULE, VN)).toEqual({ send: true });
  });

  it("only ever turns a send into a skip as the window grows, so no tick undoes what an earlier one decided", () => {
    const from = vn(2026, 11, 28, 9);
    const seen = new Map<string, boolean>();
    for (let t = from.getTime() + 3_600_000; t <= vn(2026, 12, 20).getTime(); t += 3_600_000) {
      for (const { occasion, verdict } of sortOutWindow(occasionsDue(DEFAULT_SCHEDULE, from, new Date(t), VN), new Date(t), DEFAULT_SCHEDULE, VN)) {
        if (seen.get(occasion.key) === false) expect(verdict.send, `${occasion.key} at ${new Date(t).toISOString()}`).toBe(false);
        seen.set(occasion.key, verdict.send);
      }
    }
    // At the end: the late list, and the latest digest (14 December) are still to be sent.
    expect([...seen].filter(([, send]) => send).map(([k]) => k)).toEqual(["late-list:2026-11", "digest:2026-12-14"]);
  });

  it("counts the days left from the local date, and has none once the deadline has passed", () => {
    const nov = { year: 2026, month: 11 };
    expect(daysLeft(nov, vn(2026, 12, 2, 8), 5, VN)).toBe(3);
    expect(daysLeft(nov, vn(2026, 12, 4, 23, 59), 5, VN)).toBe(1);
    // 23:30 UTC on the 4th is already 06:30 on the 5th in Hà Nội.
    expect(daysLeft(nov, new Date("2026-12-04T23:30:00Z"), 5, VN)).toBe(0);
    expect(daysLeft(nov, new Date(vn(2026, 12, 6).getTime() - 1), 5, VN)).toBe(0);
    expect(daysLeft(nov, vn(2026, 12, 6), 5, VN)).toBeNull();
  });
});

describe("schedule settings validation", () => {
  it("accepts the defaults and every due day from 1 to 28", () => {
    expect(scheduleSettingsSchema.safeParse(DEFAULT_SCHEDULE).success).toBe(true);
    for (let d = 1; d <= 28; d++) expect(scheduleChangeSchema.safeParse({ dueDay: d }).success).toBe(true);
  });

  it.each([
    [{ dueDay: 0 }, "dueDay"],
    [{ dueDay: 29 }, "dueDay"],
    [{ dueDay: 31 }, "dueDay"],
    [{ dueDay: 5.5 }, "dueDay"],
    [{ reminderDaysBefore: [28] }, "reminderDaysBefore"],
    [{ reminderDaysBefore: [-1] }, "reminderDaysBefore"],
    [{ reminderDaysBefore: [3, 3] }, "reminderDaysBefore"],
    [{ reminderDaysBefore: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] }, "reminderDaysBefore"],
    [{ lateListDaysAfter: 0 }, "lateListDaysAfter"],
    [{ reminderHour: 24 }, "reminderHour"],
    [{ digestWeekday: 7 }, "digestWeekday"],
    [{ digestMinute: 60 }, "digestMinute"],
  ])("refuses %j", (change, field) => {
    const r = scheduleChangeSchema.safeParse(change);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path[0]).toBe(field);
  });

  it("refuses an unknown field rather than ignoring it", () => {
    expect(scheduleChangeSchema.safeParse({ dueday: 10 }).success).toBe(false);
  });

  it("applies a change on top of the current settings, sorting reminder days", () => {
    const r = applyScheduleChange(DEFAULT_SCHEDULE, { dueDay: 10, reminderDaysBefore: [0, 7, 2] });
    expect(r).toEqual({ ok: true, settings: { ...DEFAULT_SCHEDULE, dueDay: 10, reminderDaysBefore: [7, 2, 0] } });
    const bad = applyScheduleChange(DEFAULT_SCHEDULE, { dueDay: 30 });
    expect(bad.ok).toBe(false);
    // The defaults are not touched by either.
    expect(DEFAULT_SCHEDULE.dueDay).toBe(5);
    expect(DEFAULT_SCHEDULE.reminderDaysBefore).toEqual([3, 1, 0]);
  });
});
