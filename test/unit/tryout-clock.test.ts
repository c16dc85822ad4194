// Where the try-out's clock buttons take the bot's time (tryout/clock.ts):
// always forward, to the first such moment after now, in Vietnam's time.
import { describe, expect, test } from "vitest";
import { targetOf, TryoutClock, vnLabel, vnTime } from "../../tryout/clock.js";

const at = (iso: string) => new Date(iso);
const label = (target: Parameters<typeof targetOf>[0], now: string) => vnLabel(targetOf(target, at(now)));

describe("clock targets", () => {
  test("in Tết 2027 the deadline moves, and the buttons with it: 09/02, 10/02 and 11/02 at 08:00", () => {
    const now = "2027-02-01T09:00:00+07:00";
    expect(label("before-deadline", now)).toBe("08:00 09/02/2027");
    expect(label("deadline", now)).toBe("08:00 10/02/2027");
    expect(label("after-deadline", now)).toBe("08:00 11/02/2027");
  });

  test("from 09:00 on 2 November: the 4th, the 5th and the 6th at 08:00, Monday the 9th, a day later", () => {
    const now = "2026-11-02T09:00:00+07:00";
    expect(label("before-deadline", now)).toBe("08:00 04/11/2026");
    expect(label("deadline", now)).toBe("08:00 05/11/2026");
    expect(label("after-deadline", now)).toBe("08:00 06/11/2026");
    expect(label("next-monday", now)).toBe("08:00 09/11/2026");
    expect(label("next-day", now)).toBe("09:00 03/11/2026");
  });

  test("once a moment has come, its button goes to next month's", () => {
    expect(label("before-deadline", "2026-11-04T08:00:00+07:00")).toBe("08:00 04/12/2026");
    expect(label("deadline", "2026-11-05T08:00:01+07:00")).toBe("08:00 05/12/2026");
    expect(label("after-deadline", "2026-11-20T10:00:00+07:00")).toBe("08:00 06/12/2026");
  });

  test("a moment not yet come today is today's", () => {
    expect(label("before-deadline", "2026-11-04T07:59:00+07:00")).toBe("08:00 04/11/2026");
    expect(label("next-monday", "2026-11-09T07:00:00+07:00")).toBe("08:00 09/11/2026");
    expect(label("next-monday", "2026-11-09T08:00:00+07:00")).toBe("08:00 16/11/2026");
  });

  test("across the year: December's report is due on 5 January", () => {
    expect(label("deadline", "2026-12-20T12:00:00+07:00")).toBe("08:00 05/01/2027");
    expect(label("next-monday", "2026-12-31T12:00:00+07:00")).toBe("08:00 04/01/2027");
  });

  test("Vietnam's time whatever the machine's: 08:00 there is 01:00 UTC", () => {
    expect(vnTime(2026, 11, 4, 8).toISOString()).toBe("2026-11-04T01:00:00.000Z");
    expect(vnLabel(at("2026-11-04T17:30:00Z"))).toBe("00:30 05/11/2026");
  });
});

test("the clock runs on from where it was set, and refuses to go back", async () => {
  const clock = new TryoutClock(at("2026-11-02T09:00:00+07:00").getTime());
  await new Promise((r) => setTimeout(r, 30));
  expect(clock.now().getTime()).toBeGreaterThan(at("2026-11-02T09:00:00+07:00").getTime());
  clock.moveTo(at("2026-11-04T08:00:00+07:00"));
  expect(clock.now().getTime() - at("2026-11-04T08:00:00+07:00").getTime()).toBeLessThan(1_000);
  expect(() => clock.moveTo(at("2026-11-03T08:00:00+07:00"))).toThrow(RangeError);
});
