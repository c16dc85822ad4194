// toLocal works the wall clock out from an offset read once per quarter hour: it must agree with
// Intl's own reading at every instant, across daylight-saving changes and zones off the hour.
import { describe, expect, it } from "vitest";
import { fromLocal, toLocal } from "../../src/domain/time.js";

function intlReading(at: Date, timeZone: string) {
  const f = new Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", second: "numeric" });
  const parts = Object.fromEntries(f.formatToParts(at).filter((p) => p.type !== "literal").map((p) => [p.type, Number(p.value)]));
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

// Transitions: Berlin's spring and autumn 2026, St John's (−3:30), Kathmandu (+5:45), Lord Howe (a 30-minute DST), Ho Chi Minh City (none).
const cases: [string, string][] = [
  ["Europe/Berlin", "2026-03-29T00:50:00Z"],
  ["Europe/Berlin", "2026-10-25T00:50:00Z"],
  ["America/St_Johns", "2026-11-01T04:00:00Z"],
  ["Asia/Kathmandu", "2026-12-31T18:00:00Z"],
  ["Australia/Lord_Howe", "2026-10-03T15:10:00Z"],
  ["Asia/Ho_Chi_Minh", "2026-12-31T16:50:00Z"],
];

describe("the wall clock of a time zone", () => {
  it.each(cases)("in %s around %s agrees with Intl at every 7 seconds for an hour", (zone, around) => {
    const start = Date.parse(around);
    for (let ms = start; ms < start + 3_600_000; ms += 7_000 + 13) {
      expect(toLocal(new Date(ms), zone), new Date(ms).toISOString()).toEqual(intlReading(new Date(ms), zone));
    }
  });

  it("round-trips a local time through fromLocal on a day the clocks change", () => {
    const local = { year: 2026, month: 10, day: 25, hour: 12, minute: 30, second: 5 };
    expect(toLocal(fromLocal(local, "Europe/Berlin"), "Europe/Berlin")).toEqual(local);
    expect(fromLocal({ year: 2027, month: 2, day: 5, hour: 23, minute: 59, second: 59 }, "Asia/Ho_Chi_Minh", 999).toISOString()).toBe("2027-02-05T16:59:59.999Z");
  });
});
