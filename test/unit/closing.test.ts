// The rules of /khoaso that need no bot: reading its arguments, who blocks a closing, which months can close.
import { describe, expect, test } from "vitest";
import { readCloseArgs } from "../../src/bot/committees/close-month.js";
import { checkClosing, closingIsOpen, closingOpensAt, monthIsOver, needsCorrectionReason } from "../../src/domain/closing.js";

const TZ = "Asia/Ho_Chi_Minh";
const NOW = new Date("2026-11-03T09:00:00+07:00");

describe("readCloseArgs", () => {
  test.each([
    ["", undefined],
    ["10/2026", { period: { year: 2026, month: 10 } }],
    ["tháng 10/2026", { period: { year: 2026, month: 10 } }],
    ["tháng 10/2026 DU-SGD", { period: { year: 2026, month: 10 }, code: "DU-SGD" }],
    ["DU-SGD 10/2026", { period: { year: 2026, month: 10 }, code: "DU-SGD" }],
    ["12/2026 DU-SGD", { period: "future", code: "DU-SGD" }],
    ["13/2026", { period: "format" }],
    ["10/2026 DU-SGD thừa", { period: "format" }],
  ])("%j", (text, expected) => {
    expect(readCloseArgs(text, NOW, TZ)).toEqual(expected);
  });
});

test("checkClosing: pending and returned block, no report does not", () => {
  const b = (id: number) => ({ id, code: `CB-${id}`, name: `Chi bộ ${id}` });
  const r = checkClosing([b(1), b(2), b(3), b(4)], new Map([[1, "APPROVED"], [2, "PENDING"], [3, "RETURNED"]]));
  expect(r).toEqual({ approved: 1, unapproved: [{ ...b(2), state: "PENDING" }, { ...b(3), state: "RETURNED" }], missing: [b(4)] });
});

test("monthIsOver: only months before the current one", () => {
  expect(monthIsOver({ year: 2026, month: 10 }, NOW, TZ)).toBe(true);
  expect(monthIsOver({ year: 2026, month: 11 }, NOW, TZ)).toBe(false);
  // 23:30 on 31 October in Hà Nội is still October there, though November in UTC+8 and beyond.
  expect(monthIsOver({ year: 2026, month: 10 }, new Date("2026-10-31T23:30:00+07:00"), TZ)).toBe(false);
});

test("closingIsOpen: from the first instant after the month's deadline, with the due day in force", () => {
  const oct = { year: 2026, month: 10 };
  expect(closingOpensAt(oct, 5, TZ)).toEqual(new Date("2026-11-06T00:00:00+07:00"));
  expect(closingIsOpen(oct, NOW, 5, TZ)).toBe(false);
  expect(closingIsOpen(oct, new Date("2026-11-05T23:59:59.999+07:00"), 5, TZ)).toBe(false);
  expect(closingIsOpen(oct, new Date("2026-11-06T00:00:00+07:00"), 5, TZ)).toBe(true);
  expect(closingIsOpen(oct, new Date("2026-11-06T00:00:00+07:00"), 10, TZ)).toBe(false);
  // The running month: its deadline is next month.
  expect(closingIsOpen({ year: 2026, month: 11 }, NOW, 5, TZ)).toBe(false);
});

test("needsCorrectionReason: only an amendment of a closed month, not its first report", () => {
  expect(needsCorrectionReason(true, 1)).toBe(true);
  expect(needsCorrectionReason(true, 0)).toBe(false);
  expect(needsCorrectionReason(false, 2)).toBe(false);
});
