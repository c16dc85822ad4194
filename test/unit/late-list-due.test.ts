// The deadline a unit's late list waits for (src/domain/late-list-due.ts): the latest under it.
import { describe, expect, it } from "vitest";
import { lateListDues } from "../../src/domain/late-list-due.js";

const VN = "Asia/Ho_Chi_Minh";
const NOV = { year: 2026, month: 11 };
const tree = { day: 5, sameMonth: false }; // 05/12 for November
const early = { day: 25, sameMonth: true }; // 25/11
const late = { day: 10, sameMonth: false }; // 10/12

// 1 ← 2 ← 3 (branch), 1 ← 4 (branch)
const units = [
  { id: 1, parentId: null },
  { id: 2, parentId: 1 },
  { id: 3, parentId: 2 },
  { id: 4, parentId: 1 },
];

describe("the deadline a late list waits for", () => {
  it("is the unit's own when nothing below it is later", () => {
    const byUnit = new Map([
      [2, early],
      [3, early],
    ]);
    const dues = lateListDues(units, byUnit, tree, NOV, VN);
    expect(dues.get(2)).toEqual(early);
    expect(dues.get(1)).toEqual(tree);
  });

  it("is the latest below it, up every level", () => {
    const byUnit = new Map([
      [2, early],
      [3, late],
    ]);
    const dues = lateListDues(units, byUnit, tree, NOV, VN);
    expect([dues.get(3), dues.get(2), dues.get(1), dues.get(4)]).toEqual([late, late, late, tree]);
  });

  it("ends on a unit whose parents form a loop instead of walking it for ever", () => {
    const loop = [
      { id: 7, parentId: 8 },
      { id: 8, parentId: 7 },
    ];
    expect(lateListDues(loop, new Map(), tree, NOV, VN).size).toBe(0);
  });
});
