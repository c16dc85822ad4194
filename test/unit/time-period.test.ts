import { afterEach, describe, expect, it } from "vitest";
import { daysInMonth, formatDate, formatDateTime, fromLocal, isValidTimeZone, toLocal } from "../../src/domain/time.js";
import {
  addMonths,
  checkPeriod,
  comparePeriods,
  deadlineOf,
  defaultReportPeriod,
  formatPeriod,
  isLate,
  MAX_MONTHS_BACK,
  isReportOpen,
  parsePeriod,
  parseReportPeriod,
  periodOf,
  periodValue,
  readPeriodValue,
  reportOpensOn,
  samePeriod,
  checkReportPeriod,
} from "../../src/domain/period.js";

const VN = "Asia/Ho_Chi_Minh";
const at = (iso: string) => new Date(iso);

describe("toLocal (Asia/Ho_Chi_Minh, UTC+7)", () => {
  it("adds seven hours to UTC", () => {
    expect(toLocal(at("2026-06-15T02:03:04Z"), VN)).toEqual({ year: 2026, month: 6, day: 15, hour: 9, minute: 3, second: 4 });
  });

  it("gives the next local day for an evening instant in UTC", () => {
    // 17:30 UTC on 31 October is 00:30 on 1 November in Hà Nội.
    expect(toLocal(at("2026-10-31T17:30:00Z"), VN)).toEqual({ year: 2026, month: 11, day: 1, hour: 0, minute: 30, second: 0 });
    // One second before local midnight is still the old day.
    expect(toLocal(at("2026-10-31T16:59:59Z"), VN)).toEqual({ year: 2026, month: 10, day: 31, hour: 23, minute: 59, second: 59 });
  });

  it("crosses the year at 17:00 UTC on 31 December", () => {
    expect(toLocal(at("2026-12-31T16:59:59Z"), VN)).toMatchObject({ year: 2026, month: 12, day: 31, hour: 23 });
    expect(toLocal(at("2026-12-31T17:00:00Z"), VN)).toEqual({ year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
  });

  it("reports hour 0, not 24, at local midnight", () => {
    expect(toLocal(at("2026-03-01T17:00:00Z"), VN).hour).toBe(0);
  });

  it("differs from UTC's calendar date where it should", () => {
    const instant = at("2026-02-28T18:00:00Z");
    expect(toLocal(instant, "UTC")).toMatchObject({ month: 2, day: 28 });
    expect(toLocal(instant, VN)).toMatchObject({ month: 3, day: 1 });
  });
});

describe("fromLocal", () => {
  it("is the instant seven hours earlier in UTC", () => {
    expect(fromLocal({ year: 2026, month: 11, day: 1, hour: 0, minute: 30, second: 0 }, VN).toISOString()).toBe(
      "2026-10-31T17:30:00.000Z",
    );
    expect(fromLocal({ year: 2027, month: 1, day: 1, hour: 0, minute: 0, second: 0 }, VN).toISOString()).toBe(
      "2026-12-31T17:00:00.000Z",
    );
  });

  it("keeps the milliseconds given", () => {
    expect(fromLocal({ year: 2026, month: 11, day: 5, hour: 23, minute: 59, second: 59 }, VN, 999).toISOString()).toBe(
      "2026-11-05T16:59:59.999Z",
    );
  });

  it("round-trips with toLocal across a year of hourly instants", () => {
    const start = Date.UTC(2026, 0, 1, 0, 0, 0);
    for (let h = 0; h < 366 * 24; h += 7) {
      const instant = new Date(start + h * 3_600_000);
      expect(fromLocal(toLocal(instant, VN), VN).getTime()).toBe(instant.getTime());
    }
  });

  it("settles the offset in a zone with daylight saving time", () => {
    // New York: UTC-5 in winter, UTC-4 in summer.
    expect(fromLocal({ year: 2026, month: 1, day: 15, hour: 12, minute: 0, second: 0 }, "America/New_York").toISOString()).toBe(
      "2026-01-15T17:00:00.000Z",
    );
    expect(fromLocal({ year: 2026, month: 7, day: 1, hour: 12, minute: 0, second: 0 }, "America/New_York").toISOString()).toBe(
      "2026-07-01T16:00:00.000Z",
    );
    // The day clocks go forward (8 March 2026, 02:00 → 03:00): noon is already summer time.
    expect(fromLocal({ year: 2026, month: 3, day: 8, hour: 12, minute: 0, second: 0 }, "America/New_York").toISOString()).toBe(
      "2026-03-08T16:00:00.000Z",
    );
  });
});

describe("the server's own time zone plays no part", () => {
  const saved = process.env.TZ;
  afterEach(() => {
    if (saved === undefined) delete process.env.TZ;
    else process.env.TZ = saved;
  });

  it("gives the same answers whatever TZ the process runs in", () => {
    for (const serverZone of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"]) {
      process.env.TZ = serverZone;
      // The switch really happened: the Date's own local hour is the server zone's.
      expect(at("2026-10-31T17:30:00Z").getHours()).toBe(toLocal(at("2026-10-31T17:30:00Z"), serverZone).hour);
      expect(toLocal(at("2026-10-31T17:30:00Z"), VN)).toMatchObject({ month: 11, day: 1, hour: 0 });
      expect(deadlineOf({ year: 2026, month: 10 }, 5, VN).toISOString()).toBe("2026-11-05T16:59:59.999Z");
      expect(periodOf(at("2026-10-31T17:30:00Z"), VN)).toEqual({ year: 2026, month: 11 });
    }
  });
});

describe("small calendar helpers", () => {
  it("daysInMonth knows leap years", () => {
    expect(daysInMonth(2026, 2)).toBe(28);
    expect(daysInMonth(2028, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2026, 4)).toBe(30);
    expect(daysInMonth(2026, 12)).toBe(31);
  });

  it("isValidTimeZone accepts IANA names and refuses others", () => {
    expect(isValidTimeZone(VN)).toBe(true);
    expect(isValidTimeZone("UTC")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
  });

  it("formats dates the Vietnamese way, in local time", () => {
    expect(formatDate(at("2026-10-31T17:30:00Z"), VN)).toBe("01/11/2026");
    expect(formatDateTime(at("2026-10-31T17:30:00Z"), VN)).toBe("00:30 01/11/2026");
    expect(formatPeriod({ year: 2026, month: 3 })).toBe("03/2026");
  });

  it("periodOf uses the local month", () => {
    expect(periodOf(at("2026-10-31T16:59:59Z"), VN)).toEqual({ year: 2026, month: 10 });
    expect(periodOf(at("2026-10-31T17:00:00Z"), VN)).toEqual({ year: 2026, month: 11 });
  });

  it("compares periods", () => {
    expect(comparePeriods({ year: 2026, month: 12 }, { year: 2027, month: 1 })).toBeLessThan(0);
    expect(comparePeriods({ year: 2027, month: 1 }, { year: 2026, month: 12 })).toBeGreaterThan(0);
    expect(comparePeriods({ year: 2026, month: 5 }, { year: 2026, month: 4 })).toBeGreaterThan(0);
    expect(samePeriod({ year: 2026, month: 5 }, { year: 2026, month: 5 })).toBe(true);
    expect(samePeriod({ year: 2026, month: 5 }, { year: 2025, month: 5 })).toBe(false);
  });
});

describe("addMonths", () => {
  it("moves within a year", () => {
    expect(addMonths({ year: 2026, month: 3 }, 2)).toEqual({ year: 2026, month: 5 });
    expect(addMonths({ year: 2026, month: 3 }, 0)).toEqual({ year: 2026, month: 3 });
  });

  it("crosses year ends forwards and backwards", () => {
    expect(addMonths({ year: 2026, month: 12 }, 1)).toEqual({ year: 2027, month: 1 });
    expect(addMonths({ year: 2027, month: 1 }, -1)).toEqual({ year: 2026, month: 12 });
    expect(addMonths({ year: 2026, month: 11 }, 14)).toEqual({ year: 2028, month: 1 });
    expect(addMonths({ year: 2026, month: 1 }, -25)).toEqual({ year: 2023, month: 12 });
    expect(addMonths({ year: 2026, month: 6 }, -12)).toEqual({ year: 2025, month: 6 });
    expect(addMonths({ year: 2026, month: 6 }, 24)).toEqual({ year: 2028, month: 6 });
  });

  it("always gives a month from 1 to 12 and undoes itself", () => {
    for (let n = -40; n <= 40; n++) {
      const p = addMonths({ year: 2026, month: 7 }, n);
      expect(p.month).toBeGreaterThanOrEqual(1);
      expect(p.month).toBeLessThanOrEqual(12);
      expect(addMonths(p, -n)).toEqual({ year: 2026, month: 7 });
    }
  });
});

describe("deadlineOf", () => {
  it("is the end of day 5 of the next month, local time", () => {
    const d = deadlineOf({ year: 2026, month: 10 }, 5, VN);
    expect(d.toISOString()).toBe("2026-11-05T16:59:59.999Z");
    expect(toLocal(d, VN)).toEqual({ year: 2026, month: 11, day: 5, hour: 23, minute: 59, second: 59 });
  });

  it("moves December's deadline into January of the next year", () => {
    expect(deadlineOf({ year: 2026, month: 12 }, 5, VN).toISOString()).toBe("2027-01-05T16:59:59.999Z");
  });

  it("clamps a due day past the end of the month to its last day", () => {
    expect(deadlineOf({ year: 2026, month: 1 }, 31, VN).toISOString()).toBe("2026-02-28T16:59:59.999Z");
    expect(deadlineOf({ year: 2028, month: 1 }, 31, VN).toISOString()).toBe("2028-02-29T16:59:59.999Z");
    // (30/04, a holiday, would move: src/domain/holidays.ts.)
    expect(deadlineOf({ year: 2026, month: 8 }, 31, VN).toISOString()).toBe("2026-09-30T16:59:59.999Z");
    expect(deadlineOf({ year: 2026, month: 4 }, 31, VN).toISOString()).toBe("2026-05-31T16:59:59.999Z");
  });

  it("follows the configured zone, not UTC", () => {
    expect(deadlineOf({ year: 2026, month: 10 }, 5, "UTC").toISOString()).toBe("2026-11-05T23:59:59.999Z");
    // Berlin: winter time (UTC+1) in November, summer time (UTC+2) in April.
    expect(deadlineOf({ year: 2026, month: 10 }, 5, "Europe/Berlin").toISOString()).toBe("2026-11-05T22:59:59.999Z");
    expect(deadlineOf({ year: 2026, month: 3 }, 5, "Europe/Berlin").toISOString()).toBe("2026-04-05T21:59:59.999Z");
  });
});

describe("isLate", () => {
  const october = { year: 2026, month: 10 };

  it("is on time up to the last millisecond of the due day", () => {
    expect(isLate(october, at("2026-11-05T23:59:59.999+07:00"), 5, VN)).toBe(false);
    expect(isLate(october, at("2026-11-05T23:59:59+07:00"), 5, VN)).toBe(false);
    expect(isLate(october, at("2026-11-01T08:00:00+07:00"), 5, VN)).toBe(false);
    expect(isLate(october, at("2026-10-20T08:00:00+07:00"), 5, VN)).toBe(false);
  });

  it("is late from local midnight after the due day", () => {
    expect(isLate(october, at("2026-11-06T00:00:00+07:00"), 5, VN)).toBe(true);
    expect(isLate(october, at("2026-12-01T00:00:00+07:00"), 5, VN)).toBe(true);
  });

  it("is late when the UTC date is still the due day but Hà Nội has moved on", () => {
    // 20:00 UTC on 5 November is 03:00 on 6 November in Hà Nội.
    expect(isLate(october, at("2026-11-05T20:00:00Z"), 5, VN)).toBe(true);
    expect(isLate(october, at("2026-11-05T16:59:59Z"), 5, VN)).toBe(false);
  });
});

describe("reportOpensOn: a month's report opens at 00:00 on its last day, in the zone", () => {
  it("is local midnight on the month's last day", () => {
    expect(reportOpensOn({ year: 2026, month: 11 }, VN)).toEqual(at("2026-11-30T00:00:00+07:00"));
    expect(reportOpensOn({ year: 2026, month: 12 }, VN)).toEqual(at("2026-12-31T00:00:00+07:00"));
    expect(reportOpensOn({ year: 2027, month: 2 }, VN)).toEqual(at("2027-02-28T00:00:00+07:00"));
    expect(reportOpensOn({ year: 2028, month: 2 }, VN)).toEqual(at("2028-02-29T00:00:00+07:00"));
  });

  it("is open from that instant, not a second before", () => {
    const november = { year: 2026, month: 11 };
    expect(isReportOpen(november, at("2026-11-29T23:59:59+07:00"), VN)).toBe(false);
    expect(isReportOpen(november, at("2026-11-30T00:00:00+07:00"), VN)).toBe(true);
    // 17:00 UTC on 29 November is already 30 November in Hà Nội.
    expect(isReportOpen(november, at("2026-11-29T17:00:00Z"), VN)).toBe(true);
    expect(isReportOpen(november, at("2026-11-29T16:59:59Z"), VN)).toBe(false);
  });
});

describe("defaultReportPeriod: the latest month whose report is open", () => {
  const p = (iso: string) => defaultReportPeriod(at(iso), VN);

  it("is last month until this month's last day, whatever the due day", () => {
    expect(p("2026-11-01T00:00:00+07:00")).toEqual({ year: 2026, month: 10 });
    expect(p("2026-11-05T23:59:59+07:00")).toEqual({ year: 2026, month: 10 });
    // Before issue 10 this was November: a month that could not be reported yet.
    expect(p("2026-11-06T00:00:01+07:00")).toEqual({ year: 2026, month: 10 });
    expect(p("2026-11-10T09:00:00+07:00")).toEqual({ year: 2026, month: 10 });
    expect(p("2026-11-29T23:59:59+07:00")).toEqual({ year: 2026, month: 10 });
  });

  it("is this month from 00:00 on its last day", () => {
    expect(p("2026-11-30T00:00:00+07:00")).toEqual({ year: 2026, month: 11 });
    expect(p("2026-11-30T23:59:59+07:00")).toEqual({ year: 2026, month: 11 });
    expect(p("2027-02-28T08:00:00+07:00")).toEqual({ year: 2027, month: 2 });
  });

  it("is December of the previous year in January until 31 January", () => {
    expect(p("2027-01-01T00:00:00+07:00")).toEqual({ year: 2026, month: 12 });
    expect(p("2027-01-06T08:00:00+07:00")).toEqual({ year: 2026, month: 12 });
    expect(p("2027-01-31T08:00:00+07:00")).toEqual({ year: 2027, month: 1 });
  });

  it("uses the local month and day when UTC is still behind", () => {
    // 31 October 17:30 UTC is 1 November 00:30 in Hà Nội: October.
    expect(p("2026-10-31T17:30:00Z")).toEqual({ year: 2026, month: 10 });
    // 30 November 17:30 UTC is 1 December in Hà Nội: still November, December opens on the 31st.
    expect(p("2026-11-30T17:30:00Z")).toEqual({ year: 2026, month: 11 });
  });
});

describe("checkReportPeriod and parseReportPeriod: the same rule for a typed month and a button", () => {
  // 20 November 2026: October is the latest open month, November opens on the 30th.
  const now = at("2026-11-20T10:00:00+07:00");

  it("accepts open months within the last 24", () => {
    expect(checkReportPeriod({ year: 2026, month: 10 }, now, VN)).toBeUndefined();
    expect(checkReportPeriod({ year: 2024, month: 11 }, now, VN)).toBeUndefined();
  });

  it("refuses the running month before its last day, and later months", () => {
    expect(checkReportPeriod({ year: 2026, month: 11 }, now, VN)).toBe("not-open");
    expect(checkReportPeriod({ year: 2026, month: 12 }, now, VN)).toBe("not-open");
    expect(checkReportPeriod({ year: 2026, month: 11 }, at("2026-11-30T00:00:00+07:00"), VN)).toBeUndefined();
  });

  it("refuses months too far back", () => {
    expect(checkReportPeriod({ year: 2024, month: 10 }, now, VN)).toBe("too-old");
  });

  it.each([
    [{ year: 2026, month: 0 }],
    [{ year: 2025, month: 13 }],
    [{ year: 2025, month: 99 }],
    [{ year: 2026, month: 1.5 }],
    [{ year: 2026, month: Number.NaN }],
    [{ year: 2026.5, month: 3 }],
    [{ year: -2026, month: 3 }],
  ])("refuses %j as no month at all", (p) => {
    expect(checkReportPeriod(p, now, VN)).toBe("format");
  });

  it("reads a typed month as parsePeriod does, then holds it to the report rule", () => {
    expect(parseReportPeriod({ text: "10/2026" }, now, VN)).toEqual({ ok: true, period: { year: 2026, month: 10 } });
    expect(parseReportPeriod({ text: "11/2026" }, now, VN)).toEqual({ ok: false, problem: "not-open", period: { year: 2026, month: 11 } });
    expect(parseReportPeriod({ text: "tháng 11" }, now, VN)).toEqual({ ok: false, problem: "not-open", period: { year: 2026, month: 11 } });
    expect(parseReportPeriod({ text: "10/2024" }, now, VN)).toEqual({ ok: false, problem: "too-old", period: { year: 2024, month: 10 } });
    expect(parseReportPeriod({ text: "13/2026" }, now, VN)).toEqual({ ok: false, problem: "format" });
  });

  it.each([["2026-0"], ["2025-99"], ["2025-13"], ["2026-1.5"], ["2026-"], ["-2026-3"], ["2026-3-1"], ["26-3"], ["2026-03x"], [""], ["2026-1e1"], [" 2026-3"]])(
    "refuses the button value %j",
    (value) => {
      expect(readPeriodValue(value)).toBe("format");
      expect(parseReportPeriod({ value }, now, VN)).toEqual({ ok: false, problem: "format" });
    },
  );

  it("reads the button values it writes", () => {
    for (const p of [{ year: 2026, month: 10 }, { year: 2025, month: 1 }, { year: 2026, month: 12 }]) {
      expect(readPeriodValue(periodValue(p))).toEqual(p);
    }
    expect(parseReportPeriod({ value: "2026-11" }, now, VN)).toEqual({ ok: false, problem: "not-open", period: { year: 2026, month: 11 } });
  });
});

describe("parsePeriod", () => {
  // 20 November 2026, 10:00 in Hà Nội.
  const now = at("2026-11-20T10:00:00+07:00");
  const parse = (text: string) => parsePeriod(text, now, VN);

  it.each([
    ["10/2026"],
    ["10-2026"],
    ["10.2026"],
    [" 10 / 2026 "],
    ["T10/2026"],
    ["t10/2026"],
    ["tháng 10/2026"],
    ["Tháng 10/2026"],
    ["THÁNG 10/2026"],
    ["thang 10/2026"],
    ["2026-10"],
    ["2026/10"],
    ["10"],
  ])("reads %j as October 2026", (text) => {
    expect(parse(text)).toEqual({ year: 2026, month: 10 });
  });

  it("reads a month with a leading zero", () => {
    expect(parse("03/2026")).toEqual({ year: 2026, month: 3 });
    expect(parse("2026-03")).toEqual({ year: 2026, month: 3 });
  });

  it("takes a bare month as this year, or last year if it is still ahead", () => {
    expect(parse("1")).toEqual({ year: 2026, month: 1 });
    expect(parse("11")).toEqual({ year: 2026, month: 11 });
    expect(parse("12")).toEqual({ year: 2025, month: 12 });
    expect(parse("tháng 12")).toEqual({ year: 2025, month: 12 });
  });

  it("accepts the current month", () => {
    expect(parse("11/2026")).toEqual({ year: 2026, month: 11 });
  });

  it("refuses months that do not exist", () => {
    expect(parse("13/2026")).toBe("format");
    expect(parse("0/2026")).toBe("format");
    expect(parse("2026-13")).toBe("format");
    expect(parse("13")).toBe("format");
    expect(parse("0")).toBe("format");
  });

  it("refuses a month still to come", () => {
    expect(parse("12/2026")).toBe("future");
    expect(parse("1/2027")).toBe("future");
    expect(parse("2030-01")).toBe("future");
  });

  it(`accepts up to ${MAX_MONTHS_BACK} months back and refuses older ones`, () => {
    expect(parse("11/2024")).toEqual({ year: 2024, month: 11 });
    expect(parse("10/2024")).toBe("too-old");
    expect(parse("01/2000")).toBe("too-old");
  });

  it.each([["hôm kia"], [""], ["   "], ["tháng"], ["10/26"], ["abc"], ["10/2026/1"], ["1O/2026"], ["tháng mười"], ["-10"]])(
    "refuses %j as unreadable",
    (text) => {
      expect(parse(text)).toBe("format");
    },
  );

  it("judges 'future' by the local month", () => {
    // 30 November 18:00 UTC is already 1 December in Hà Nội.
    expect(parsePeriod("12/2026", at("2026-11-30T18:00:00Z"), VN)).toEqual({ year: 2026, month: 12 });
    expect(parsePeriod("12/2026", at("2026-11-30T16:00:00Z"), VN)).toBe("future");
  });

  it("reads text typed with decomposed Vietnamese accents (NFD)", () => {
    // Some keyboards (Unikey's "Unicode tổ hợp") send "á" as "a" + U+0301.
    expect(parse("tháng 10/2026".normalize("NFD"))).toEqual({ year: 2026, month: 10 });
  });

  it("checkPeriod agrees with parsePeriod", () => {
    expect(checkPeriod({ year: 2026, month: 11 }, now, VN)).toBeUndefined();
    expect(checkPeriod({ year: 2026, month: 12 }, now, VN)).toBe("future");
    expect(checkPeriod({ year: 2024, month: 10 }, now, VN)).toBe("too-old");
    expect(checkPeriod({ year: 2024, month: 11 }, now, VN)).toBeUndefined();
  });
});
