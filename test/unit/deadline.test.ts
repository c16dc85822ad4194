// Deadlines as committees set them (issue 14, point 8): day N of the same month or of the next,
// the nearest setting up the tree, and what each deadline makes of lateness, opening and reminders.
import { describe, expect, it } from "vitest";
import { latestDue } from "../../src/domain/closing.js";
import { distinctRules, dueRulesOf, nearestDueRule, parseDueRule, type DueRule } from "../../src/domain/deadline.js";
import { checkReportPeriod, deadlineOf, defaultReportPeriod, isLate, reportOpensOn } from "../../src/domain/period.js";
import { yearProgress } from "../../src/domain/progress.js";
import { DEFAULT_SCHEDULE, dueDateOf, occasionsDue, verdictOf, type Occasion } from "../../src/domain/schedule.js";
import { fromLocal } from "../../src/domain/time.js";

const VN = "Asia/Ho_Chi_Minh";
const vn = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0) => fromLocal({ year, month, day, hour, minute, second }, VN);
const brief = (os: Occasion[]) => os.map((o) => `${o.key}@${o.at.toISOString()}`);
const SAME_25: DueRule = { day: 25, sameMonth: true };
const NEXT_10: DueRule = { day: 10, sameMonth: false };
const NEXT_5: DueRule = { day: 5, sameMonth: false };
const NOV = { year: 2026, month: 11 };

describe("parseDueRule: the words after han", () => {
  it.each([
    ["25 cungthang", { ok: true, rule: SAME_25 }],
    ["25 cùng tháng", { ok: true, rule: SAME_25 }],
    ["25 CÙNG THÁNG", { ok: true, rule: SAME_25 }],
    ["10", { ok: true, rule: NEXT_10 }],
    ["10 tháng sau", { ok: true, rule: NEXT_10 }],
    ["10 thangsau", { ok: true, rule: NEXT_10 }],
    ["xoa", { ok: true, remove: true }],
    ["xóa", { ok: true, remove: true }],
    ["", { ok: false, problem: "missing" }],
    ["0", { ok: false, problem: "day", word: "0" }],
    ["29 cungthang", { ok: false, problem: "day", word: "29" }],
    ["mười", { ok: false, problem: "day", word: "muoi" }],
    ["25/12", { ok: false, problem: "day", word: "25/12" }],
    ["25 hằng năm", { ok: false, problem: "word", word: "hang nam" }],
    ["xoa 10", { ok: false, problem: "day", word: "xoa" }],
  ])("%j", (typed, expected) => {
    expect(parseDueRule(typed)).toEqual(expected);
  });
});

describe("the nearest setting up the tree applies", () => {
  // 1 Đảng ủy ─ 2 Đảng bộ ─ 3 chi bộ; 1 ─ 4 chi bộ
  const parentOf = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 2],
    [4, 1],
  ]);
  it("a branch takes its own, else its parent's, else the nearest above, else the tree's", () => {
    expect(nearestDueRule(3, parentOf, new Map(), NEXT_5)).toEqual({ rule: NEXT_5, from: null });
    expect(nearestDueRule(3, parentOf, new Map([[1, NEXT_10]]), NEXT_5)).toEqual({ rule: NEXT_10, from: 1 });
    expect(nearestDueRule(3, parentOf, new Map([[1, NEXT_10], [2, SAME_25]]), NEXT_5)).toEqual({ rule: SAME_25, from: 2 });
    expect(nearestDueRule(3, parentOf, new Map([[3, NEXT_10], [2, SAME_25]]), NEXT_5)).toEqual({ rule: NEXT_10, from: 3 });
    const all = dueRulesOf([...parentOf].map(([id, parentId]) => ({ id, parentId })), new Map([[2, SAME_25]]), NEXT_5);
    expect(Object.fromEntries(all)).toEqual({ 1: NEXT_5, 2: SAME_25, 3: SAME_25, 4: NEXT_5 });
    expect(distinctRules(NEXT_5, all.values())).toEqual([NEXT_5, SAME_25]);
  });
  it("a cycle in the tree does not loop", () => {
    const cyclic = new Map<number, number | null>([[1, 2], [2, 1]]);
    expect(nearestDueRule(1, cyclic, new Map(), NEXT_5)).toEqual({ rule: NEXT_5, from: null });
  });
});

describe("the due date of a month", () => {
  it("same month: day N of the month itself; following month: day N of the next; a bare day is the following month's", () => {
    expect(dueDateOf(NOV, SAME_25)).toEqual({ year: 2026, month: 11, day: 25 });
    expect(dueDateOf(NOV, NEXT_10)).toEqual({ year: 2026, month: 12, day: 10 });
    expect(dueDateOf({ year: 2026, month: 12 }, NEXT_10)).toEqual({ year: 2027, month: 1, day: 10 });
    expect(dueDateOf(NOV, 5)).toEqual({ year: 2026, month: 12, day: 5 });
    expect(deadlineOf(NOV, SAME_25, VN).toISOString()).toBe("2026-11-25T16:59:59.999Z");
  });
  it("a same-month report is on time up to the end of day N of its month and late after", () => {
    expect(isLate(NOV, vn(2026, 11, 25, 23, 59, 59), SAME_25, VN)).toBe(false);
    expect(isLate(NOV, vn(2026, 11, 26), SAME_25, VN)).toBe(true);
    expect(isLate(NOV, vn(2026, 11, 26), NEXT_5, VN)).toBe(false);
  });
  it("a same-month report opens on its month's first day (not its last), and is the month /baocao offers then", () => {
    expect(reportOpensOn(NOV, VN, SAME_25)).toEqual(vn(2026, 11, 1));
    expect(reportOpensOn(NOV, VN, NEXT_5)).toEqual(vn(2026, 11, 30));
    expect(checkReportPeriod(NOV, vn(2026, 11, 10), VN, SAME_25)).toBeUndefined();
    expect(checkReportPeriod(NOV, vn(2026, 11, 10), VN, NEXT_5)).toBe("not-open");
    expect(checkReportPeriod({ year: 2026, month: 12 }, vn(2026, 11, 30), VN, SAME_25)).toBe("not-open");
    expect(defaultReportPeriod(vn(2026, 11, 10), VN, SAME_25)).toEqual(NOV);
    expect(defaultReportPeriod(vn(2026, 11, 10), VN, NEXT_5)).toEqual({ year: 2026, month: 10 });
  });
  it("the running month of a same-month branch is due before day N and missing after it in /tiendo", () => {
    const status = (now: Date) => yearProgress([], 2026, now, SAME_25, VN, 11).rows.map((r) => r.status);
    expect(status(vn(2026, 11, 20))).toEqual(["due"]);
    expect(status(vn(2026, 11, 26))).toEqual(["missing"]);
    expect(yearProgress([], 2026, vn(2026, 11, 26), NEXT_5, VN, 11).rows.map((r) => r.status)).toEqual(["open"]);
  });
  it("a subtree's month closes once the latest of its deadlines has passed", () => {
    expect(latestDue(NOV, [SAME_25, NEXT_10, NEXT_5], VN)).toEqual(NEXT_10);
    expect(latestDue(NOV, [SAME_25], VN)).toEqual(SAME_25);
  });
});

describe("reminders and late lists by each branch's deadline", () => {
  it("the tree's occasions keep their keys; a subtree's own fall on its own days, keyed by its due date", () => {
    const os = occasionsDue(DEFAULT_SCHEDULE, vn(2026, 11, 20), vn(2026, 11, 27), VN, [NEXT_5, SAME_25]).filter((o) => o.kind !== "digest");
    expect(brief(os)).toEqual([
      "reminder:2026-11:d3:han-2026-11-25@2026-11-22T01:00:00.000Z",
      "reminder:2026-11:d1:han-2026-11-25@2026-11-24T01:00:00.000Z",
      "reminder:2026-11:d0:han-2026-11-25@2026-11-25T01:00:00.000Z",
      "late-list:2026-11:han-2026-11-25@2026-11-26T01:00:00.000Z",
    ]);
    for (const o of os) expect([o.period, o.due]).toEqual([NOV, SAME_25]);
    const tree = occasionsDue(DEFAULT_SCHEDULE, vn(2026, 12, 1), vn(2026, 12, 7), VN, [NEXT_5, SAME_25]).filter((o) => o.kind !== "digest");
    expect(brief(tree)).toEqual([
      "reminder:2026-11:d3@2026-12-02T01:00:00.000Z",
      "reminder:2026-11:d1@2026-12-04T01:00:00.000Z",
      "reminder:2026-11:d0@2026-12-05T01:00:00.000Z",
      "late-list:2026-11@2026-12-06T01:00:00.000Z",
    ]);
  });
  it("a same-month reminder that would fall before its month opens is not planned", () => {
    // The tree's own deadline is day 3 of the same month: its keys are the plain ones.
    const os = occasionsDue({ ...DEFAULT_SCHEDULE, dueDay: 3, dueSameMonth: true, reminderDaysBefore: [5, 0] }, vn(2026, 10, 25), vn(2026, 11, 4), VN);
    expect(brief(os.filter((o) => o.kind === "reminder"))).toEqual(["reminder:2026-11:d0@2026-11-03T01:00:00.000Z"]);
  });
  it("a later reminder of one deadline does not stop an earlier one of another", () => {
    const os = occasionsDue(DEFAULT_SCHEDULE, vn(2026, 11, 1), vn(2026, 12, 31), VN, [NEXT_5, SAME_25]).filter((o) => o.kind === "reminder");
    const d0Same = os.find((o) => o.key === "reminder:2026-11:d0:han-2026-11-25")!;
    const d3Tree = os.find((o) => o.key === "reminder:2026-11:d3")!;
    // On 25/11 the tree's November reminders have not come; on 2/12 the same-month one has passed its deadline.
    expect(verdictOf(d0Same, os, vn(2026, 11, 25, 8), DEFAULT_SCHEDULE, VN)).toEqual({ send: true });
    expect(verdictOf(d3Tree, os, vn(2026, 12, 2, 8), DEFAULT_SCHEDULE, VN)).toEqual({ send: true });
    const d1Same = os.find((o) => o.key === "reminder:2026-11:d1:han-2026-11-25")!;
    expect(verdictOf(d1Same, os, vn(2026, 11, 25, 8), DEFAULT_SCHEDULE, VN)).toEqual({ send: false, reason: "superseded", by: d0Same.key });
  });
});
