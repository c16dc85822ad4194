// Review states in a digest: counted by label, and which reports the totals count.
import { describe, expect, it } from "vitest";
import { buildDigest } from "../../src/domain/digest.js";
import { type DigestInput, type DigestReport, type DigestUnit } from "../../src/domain/branch-aggregates.js";
import { parseTotalsWord, totalsChoiceAt } from "../../src/domain/review-totals.js";
import { digestReport } from "./helpers/digest-rows.js";

const OCT = { year: 2026, month: 10 };

const units: DigestUnit[] = [
  { id: 1, code: "DU", name: "Đảng ủy", kind: "COMMITTEE", parentId: null },
  { id: 2, code: "CB-DD", name: "Đã duyệt", kind: "BRANCH", parentId: 1 },
  { id: 3, code: "CB-CD", name: "Chờ duyệt", kind: "BRANCH", parentId: 1 },
  { id: 4, code: "CB-TL", name: "Trả lại", kind: "BRANCH", parentId: 1 },
  { id: 5, code: "CB-SM", name: "Sửa muộn", kind: "BRANCH", parentId: 1 },
  { id: 6, code: "CB-CG", name: "Chưa gửi", kind: "BRANCH", parentId: 1 },
];

/** A report admitting `pupils` with `candidates` in the pipeline. */
function report(unitId: number, month: number, reviewState: string, pupils: number, over: Partial<DigestReport> = {}): DigestReport {
  return digestReport(unitId, month, { reviewState, candidates: pupils * 10, admittedPupils: pupils, ...over });
}

const base: Omit<DigestInput, "totals"> = {
  period: OCT,
  units,
  reports: [
    report(2, 10, "APPROVED", 1),
    report(2, 9, "APPROVED", 100),
    report(3, 10, "PENDING", 2, { late: true }),
    report(3, 9, "PENDING", 200),
    report(4, 10, "RETURNED", 4),
    // CB-SM changed October after it was closed: version 2 awaits review; version 1 was approved.
    report(5, 10, "PENDING", 8, { lateCorrection: true }),
  ],
  earlierApproved: [report(5, 10, "APPROVED", 16), report(5, 10, "APPROVED", 32)],
  meetings: [],
  quotas: [{ unitId: 3, year: 2026, cohort: "ALL", value: 10 }],
};

describe("review states in a digest", () => {
  const approved = buildDigest({ ...base, totals: "approved" });
  const all = buildDigest({ ...base, totals: "all" });

  it("counts this month's reports by label; a late correction stays so until approved", () => {
    expect(approved.reports.review).toEqual({ approved: 1, pending: 1, returned: 1, "late-correction": 1 });
    expect(all.reports.review).toEqual(approved.reports.review);
    const approvedAgain = buildDigest({ ...base, totals: "approved", reports: base.reports.map((r) => (r.unitId === 5 ? { ...r, reviewState: "APPROVED" } : r)) });
    expect(approvedAgain.reports.review).toEqual({ approved: 2, pending: 1, returned: 1, "late-correction": 0 });
  });

  it("still counts a report awaiting review as received, on time or late, whatever the totals count", () => {
    for (const d of [approved, all]) {
      expect(d.reports.received).toBe(4);
      expect(d.reports.late).toBe(1);
      expect(d.reports.missing.map((b) => b.code)).toEqual(["CB-CG"]);
    }
  });

  it("sums only approved figures by default, keeping a correction's last approved version", () => {
    expect(approved.totals).toBe("approved");
    // CB-DD's October (1) and the later of CB-SM's approved versions (32); nothing pending or returned.
    expect(approved.admitted.month.total).toBe(1 + 32);
    expect(approved.admitted.yearToDate.total).toBe(1 + 100 + 32);
    expect(approved.pipeline.candidates).toBe(10 + 320);
    expect(approved.progress.total).toBeCloseTo(133 / 10);
    // CB-CD has a quota and has admitted nothing approved yet: it is the one behind.
    expect(approved.furthestBehind.map((b) => [b.code, b.admitted])).toEqual([["CB-CD", 0]]);
  });

  it("sums every current report when the committee chose so", () => {
    expect(all.totals).toBe("all");
    expect(all.admitted.month.total).toBe(1 + 2 + 4 + 8);
    expect(all.admitted.yearToDate.total).toBe(1 + 100 + 2 + 200 + 4 + 8);
    expect(all.progress.total).toBeCloseTo(315 / 10);
    expect(all.furthestBehind).toEqual([]);
  });

  it("ignores earlier approved versions of other months, years and units outside the subtree", () => {
    const d = buildDigest({
      ...base,
      totals: "approved",
      reports: [report(3, 10, "PENDING", 2)],
      earlierApproved: [report(3, 11, "APPROVED", 50), { ...report(3, 10, "APPROVED", 60), year: 2025 }, report(99, 10, "APPROVED", 70)],
    });
    expect(d.admitted.yearToDate.total).toBe(0);
  });
});

describe("the totals setting", () => {
  // DU (1) > DB (7) > DB2 (8); DU > CB (2).
  const tree = [
    { id: 1, parentId: null },
    { id: 7, parentId: 1 },
    { id: 8, parentId: 7 },
    { id: 2, parentId: 1 },
  ];

  it("takes the unit's own choice, else the nearest one above, else approved only", () => {
    expect(totalsChoiceAt(8, tree, new Map())).toEqual({ mode: "approved", setAt: null });
    expect(totalsChoiceAt(8, tree, new Map([[1, "all"]]))).toEqual({ mode: "all", setAt: 1 });
    expect(totalsChoiceAt(8, tree, new Map([[1, "all"], [7, "approved"]]))).toEqual({ mode: "approved", setAt: 7 });
    expect(totalsChoiceAt(7, tree, new Map([[8, "all"]]))).toEqual({ mode: "approved", setAt: null });
  });

  it("reads the words with or without diacritics, and nothing else", () => {
    expect(["daduyet", "DaDuyet", "đã duyệt"].map(parseTotalsWord)).toEqual(["approved", "approved", "approved"]);
    expect(["tatca", "tất cả", "TẤT CẢ"].map(parseTotalsWord)).toEqual(["all", "all", "all"]);
    expect(["", "duyet", "all", "tat ca ca"].map(parseTotalsWord)).toEqual([null, null, null, null]);
  });
});
