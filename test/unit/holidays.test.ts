import { describe, expect, it } from "vitest";
import { holidayOn, moveIsoOffHolidays, moveOffHolidays } from "../../src/domain/holidays.js";
import { deadlineOf, dueDateOf, isLate } from "../../src/domain/period.js";
import { daysLeft, DEFAULT_SCHEDULE, occasionsDue } from "../../src/domain/schedule.js";
import { effectiveDue, isAnswerLate, requestDaysLeft } from "../../src/domain/request-deadline.js";
import { fromLocal } from "../../src/domain/time.js";

const VN = "Asia/Ho_Chi_Minh";
const vn = (year: number, month: number, day: number, hour = 0, minute = 0) => fromLocal({ year, month, day, hour, minute, second: 0 }, VN);
const date = (year: number, month: number, day: number) => ({ year, month, day });

describe("Vietnamese public holidays", () => {
  it("knows the lunar ones and the whole Tết break of 2027, by their Vietnamese names", () => {
    expect(holidayOn(date(2027, 2, 5))).toMatch(/Tết Nguyên Đán/);
    for (let day = 6; day <= 9; day++) expect(holidayOn(date(2027, 2, day))).toBe("Tết Nguyên Đán");
    expect(holidayOn(date(2027, 4, 16))).toBe("Giỗ tổ Hùng Vương");
    expect(holidayOn(date(2027, 9, 2))).toBe("Quốc khánh");
    expect(holidayOn(date(2027, 1, 1))).toBe("Tết Dương lịch");
  });

  it("leaves out the days that are only observed (Ngày thành lập Đảng, Tết Trung thu) and ordinary days", () => {
    expect(holidayOn(date(2027, 2, 3))).toBeUndefined();
    expect(holidayOn(date(2027, 9, 15))).toBeUndefined();
    expect(holidayOn(date(2027, 2, 10))).toBeUndefined();
  });
});

describe("moveOffHolidays", () => {
  it("moves 05/02/2027, the eve of Tết Đinh Mùi, to Wednesday 10/02/2027 and names Tết", () => {
    const moved = moveOffHolidays(date(2027, 2, 5));
    expect(moved.on).toEqual(date(2027, 2, 10));
    expect(moved.movedFrom).toEqual(date(2027, 2, 5));
    expect(moved.holiday).toMatch(/Tết/);
  });

  it("moves Friday 30/04/2027 over Saturday 01/05 and the Sunday to Monday 03/05/2027", () => {
    expect(moveOffHolidays(date(2027, 4, 30)).on).toEqual(date(2027, 5, 3));
  });

  it("keeps an ordinary Friday and a Saturday that is no holiday", () => {
    expect(moveOffHolidays(date(2027, 3, 5))).toEqual({ on: date(2027, 3, 5) });
    expect(moveOffHolidays(date(2027, 3, 6))).toEqual({ on: date(2027, 3, 6) });
  });

  it("reads and writes the YYYY-MM-DD of a request", () => {
    expect(moveIsoOffHolidays("2027-02-08")).toEqual({ on: "2027-02-10", movedFrom: "2027-02-08", holiday: "Tết Nguyên Đán" });
    expect(moveIsoOffHolidays("2027-03-05")).toEqual({ on: "2027-03-05" });
  });
});

describe("a monthly deadline on a holiday", () => {
  const january = { year: 2027, month: 1 };

  it("is the next working day for lateness, days left and the reminders' dates alike", () => {
    expect(dueDateOf(january, 5)).toMatchObject({ ...date(2027, 2, 10), movedFrom: date(2027, 2, 5) });
    expect(deadlineOf(january, 5, VN)).toEqual(new Date(vn(2027, 2, 11).getTime() - 1));
    expect(isLate(january, vn(2027, 2, 9, 15), 5, VN)).toBe(false);
    expect(isLate(january, vn(2027, 2, 11, 0, 1), 5, VN)).toBe(true);
    expect(daysLeft(january, vn(2027, 2, 6, 9), 5, VN)).toBe(4);
    const keys = occasionsDue(DEFAULT_SCHEDULE, vn(2027, 2, 1), vn(2027, 2, 12), VN)
      .filter((o) => o.kind !== "digest")
      .map((o) => `${o.key}@${o.at.toISOString().slice(0, 10)}`);
    // 08:00 in Hà Nội is 01:00 UTC, the same date.
    expect(keys).toEqual(["reminder:2027-01:d3@2027-02-07", "reminder:2027-01:d1@2027-02-09", "reminder:2027-01:d0@2027-02-10", "late-list:2027-01@2027-02-11"]);
  });

  it("does not move on a plain weekend: February 2027's report due Saturday 06/03/2027 stays", () => {
    expect(dueDateOf({ year: 2027, month: 2 }, 6)).toEqual(date(2027, 3, 6));
  });
});

describe("a request's due date on a holiday", () => {
  const due = { dueOn: "2027-02-08", dueTime: "17:00" };

  it("moves to the next working day, at the same time", () => {
    expect(effectiveDue(due)).toEqual({ dueOn: "2027-02-10", movedFrom: "2027-02-08", holiday: "Tết Nguyên Đán" });
    expect(isAnswerLate(due, vn(2027, 2, 10, 16, 59), VN)).toBe(false);
    expect(isAnswerLate(due, vn(2027, 2, 10, 17, 1), VN)).toBe(true);
    expect(requestDaysLeft(due, vn(2027, 2, 9, 9), VN)).toBe(1);
  });

  it("stays on a working day", () => {
    expect(effectiveDue({ dueOn: "2027-03-05", dueTime: null })).toEqual({ dueOn: "2027-03-05" });
  });
});
