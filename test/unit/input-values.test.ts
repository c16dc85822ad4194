// The domain rules that hold values arriving from outside: a button's data, which the client can forge.
import { describe, expect, it } from "vitest";
import { checkAbsence } from "../../src/domain/delegation.js";
import { checkIsoDate, checkMeetingDate } from "../../src/domain/meeting.js";
import { ID_MAX, parseId } from "../../src/domain/numbers.js";

const TZ = "Asia/Ho_Chi_Minh";
const NOW = new Date("2026-11-03T09:00:00+07:00");

describe("checkIsoDate: a date carried as YYYY-MM-DD is a real day", () => {
  it.each([["2026-11-03"], ["2028-02-29"], ["2026-12-31"], ["2026-01-01"]])("accepts %j", (d) => {
    expect(checkIsoDate(d)).toBeUndefined();
  });

  it.each([["2026-02-31"], ["2026-02-29"], ["2026-13-01"], ["2026-00-10"], ["2026-11-00"], ["2027-99-99"], ["0000-01-01"], ["2026-04-31"]])(
    "refuses %j as no such day",
    (d) => {
      expect(checkIsoDate(d)).toBe("invalid");
    },
  );

  it.each([["2026-1-3"], ["26-11-03"], ["2026-11-03T00:00"], [""], ["03/11/2026"], ["2026-11-3x"]])("refuses %j as unreadable", (d) => {
    expect(checkIsoDate(d)).toBe("format");
  });

  it("is asked first by the meeting date rule, which compared strings only", () => {
    // "2026-02-31" is before today as a string: it used to pass as a meeting date.
    expect(checkMeetingDate("2026-02-31", NOW, TZ)).toBe("invalid");
    expect(checkMeetingDate("2025-13-01", NOW, TZ)).toBe("invalid");
    expect(checkMeetingDate("2026-11-02", NOW, TZ)).toBeUndefined();
  });

  it("is asked first by the absence rule, where a NaN day count passed the 92-day limit", () => {
    expect(checkAbsence("2027-99-99", "2027-99-99", "2026-11-03")).toBe("invalid");
    expect(checkAbsence("2026-12-01", "2027-02-30", "2026-11-03")).toBe("invalid");
    expect(checkAbsence("2026-11-31", "2026-12-05", "2026-11-03")).toBe("invalid");
    expect(checkAbsence("2026-12-01", "2026-12-10", "2026-11-03")).toBeUndefined();
  });
});

describe("parseId: an id from a button's data", () => {
  it("accepts ids a row can have", () => {
    expect(parseId("1")).toBe(1);
    expect(parseId("17")).toBe(17);
    expect(parseId(String(ID_MAX))).toBe(ID_MAX);
  });

  it.each([["0"], [""], ["-1"], ["1.5"], ["1e3"], [String(ID_MAX + 1)], ["99999999999999999999"], [" 1"], ["0x10"]])("refuses %j", (raw) => {
    expect(parseId(raw)).toBeUndefined();
  });
});
