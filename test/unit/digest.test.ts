import { describe, expect, it } from "vitest";
import { buildDigest, DIGEST_NAMES, digestFromAggregates, progressBar } from "../../src/domain/digest.js";
import { aggregateBranches, branchQuota, quarterOf, type DigestInput, type DigestMeeting, type DigestReport, type DigestUnit, type QuotaRow } from "../../src/domain/branch-aggregates.js";
import type { CohortField } from "../../src/domain/report.js";
import { digestReport } from "./helpers/digest-rows.js";

const OCT = { year: 2026, month: 10 };

/** An approved report: these tests are about the arithmetic; review states are in digest-review.test.ts. */
const report = digestReport;

const meeting = (unitId: number, kind: DigestMeeting["kind"], heldOn: string, onRoll: number, present: number): DigestMeeting => ({
  unitId,
  kind,
  heldOn,
  onRoll,
  present,
});

// Đảng ủy DU (1) > Đảng bộ bộ phận DB (2) > CB-C (5); DU > CB-A (3), CB-B (4), CB-D (6).
const units: DigestUnit[] = [
  { id: 1, code: "DU", name: "Đảng ủy Sở", kind: "COMMITTEE", parentId: null },
  { id: 2, code: "DB", name: "Đảng bộ bộ phận", kind: "COMMITTEE", parentId: 1 },
  { id: 3, code: "CB-A", name: "Chi bộ A", kind: "BRANCH", parentId: 1 },
  { id: 4, code: "CB-B", name: "Chi bộ B", kind: "BRANCH", parentId: 1 },
  { id: 5, code: "CB-C", name: "Chi bộ C", kind: "BRANCH", parentId: 2 },
  { id: 6, code: "CB-D", name: "Chi bộ D", kind: "BRANCH", parentId: 1 },
];

const input: DigestInput = {
  period: OCT,
  totals: "approved",
  units,
  reports: [
    // A: on time in October, earlier months too.
    report(3, 10, { candidates: 10, awarenessClass: 4, applicationsInReview: 2, admittedTeachers: 1, admittedPupils: 1 }),
    report(3, 3, { admittedTeachers: 2 }),
    // B: late in October, one struck off, one died.
    report(4, 10, { late: true, candidates: 5, admittedStudents: 3, removedStruckOff: 1, removedDied: 1 }),
    report(4, 1, { admittedOther: 1 }),
    // C: nothing in October, something in June.
    report(5, 6, { admittedPupils: 4 }),
    // Ignored: November (after the period), last year, and a unit outside the subtree.
    report(3, 11, { admittedTeachers: 50 }),
    { ...report(3, 10, { admittedTeachers: 70 }), year: 2025 },
    report(99, 10, { admittedTeachers: 90 }),
  ],
  meetings: [
    meeting(3, "REGULAR", "2026-10-08", 20, 18),
    meeting(3, "THEMATIC", "2026-10-20", 20, 16),
    meeting(4, "REGULAR", "2026-10-10", 60, 45),
    // D: a regular meeting in September (not this month) and a thematic one in December (same quarter).
    meeting(6, "REGULAR", "2026-09-30", 10, 10),
    meeting(6, "THEMATIC", "2026-12-01", 10, 9),
    // C: thematic in September: another quarter.
    meeting(5, "THEMATIC", "2026-09-15", 30, 30),
    meeting(99, "REGULAR", "2026-10-01", 100, 0),
  ],
  quotas: [
    { unitId: 3, year: 2026, cohort: "ALL", value: 10 },
    { unitId: 3, year: 2026, cohort: "admittedTeachers", value: 6 },
    // B: cohort quotas only: ALL = 2 + 3 = 5.
    { unitId: 4, year: 2026, cohort: "admittedStudents", value: 2 },
    { unitId: 4, year: 2026, cohort: "admittedOther", value: 3 },
    { unitId: 5, year: 2026, cohort: "ALL", value: 8 },
    // Ignored: other year, a committee's own row, a unit outside.
    { unitId: 6, year: 2025, cohort: "ALL", value: 100 },
    { unitId: 1, year: 2026, cohort: "ALL", value: 1000 },
    { unitId: 99, year: 2026, cohort: "ALL", value: 7 },
  ],
};

describe("buildDigest for a committee of four branches", () => {
  const d = buildDigest(input);

  it("counts branches only, and names the missing ones by code", () => {
    expect(d.period).toEqual(OCT);
    expect(d.branches).toBe(4);
    expect(d.reports.received).toBe(2);
    expect(d.reports.late).toBe(1);
    expect(d.reports.missing.map((b) => b.code)).toEqual(["CB-C", "CB-D"]);
    expect(d.reports.missing[0]).toEqual({ unitId: 5, code: "CB-C", name: "Chi bộ C" });
  });

  it("sums admissions of the month and of January to the month, by cohort", () => {
    expect(d.admitted.month).toEqual({
      total: 5,
      byCohort: { admittedTeachers: 1, admittedPupils: 1, admittedStudents: 3, admittedOther: 0 },
    });
    expect(d.admitted.yearToDate).toEqual({
      total: 12,
      byCohort: { admittedTeachers: 3, admittedPupils: 5, admittedStudents: 3, admittedOther: 1 },
    });
  });

  it("sums the branches' quotas, an ALL-less branch counting the sum of its cohorts", () => {
    expect(d.quota).toEqual({
      total: 10 + 5 + 8,
      byCohort: { admittedTeachers: 6, admittedPupils: null, admittedStudents: 2, admittedOther: 3 },
      branchesWithout: 1,
    });
    expect(d.progress.total).toBeCloseTo(12 / 23);
    expect(d.progress.byCohort).toEqual({
      admittedTeachers: 3 / 6,
      admittedPupils: null,
      admittedStudents: 3 / 2,
      admittedOther: 1 / 3,
    });
  });

  it("takes the pipeline and removals from this month's reports", () => {
    expect(d.pipeline).toEqual({ candidates: 15, awarenessClass: 4, applicationsInReview: 2 });
    expect(d.removed).toEqual({ removedStruckOff: 1, removedExpelled: 0, removedResigned: 0, removedDied: 1, removedUnclassified: 0 });
  });

  it("counts branches with meetings, and weights attendance by members on roll", () => {
    expect(d.meetings.regularHeld).toBe(2);
    expect(d.meetings.withoutRegular.map((b) => b.code)).toEqual(["CB-C", "CB-D"]);
    expect(d.meetings.thematicHeldQuarter).toBe(2); // A in October, D in December; C's was in Q3.
    expect(d.meetings.count).toBe(3);
    // (18 + 16 + 45) / (20 + 20 + 60), not the mean of 0.9, 0.8 and 0.75.
    expect(d.meetings.attendance).toBeCloseTo(79 / 100);
  });

  it("names the branches with a meeting of the month at which fewer than half were present, and counts it as held", () => {
    const low = buildDigest({
      ...input,
      meetings: [
        ...input.meetings,
        // C: 5 of 12 in October, one fewer than half; D: 5 of 10, exactly half, and a low one in September.
        meeting(5, "THEMATIC", "2026-10-03", 12, 5),
        meeting(6, "REGULAR", "2026-10-04", 10, 5),
        meeting(6, "THEMATIC", "2026-09-04", 10, 1),
      ],
    });
    expect(low.meetings.lowAttendanceCount).toBe(1);
    expect(low.meetings.lowAttendance.map((b) => b.code)).toEqual(["CB-C"]);
    expect(low.meetings.regularHeld).toBe(3);
    expect(d.meetings.lowAttendanceCount).toBe(0);
  });

  it("lists the branches behind their quota, furthest first", () => {
    // C: 4/8 = 0.5, A: 4/10 = 0.4, B: 4/5 = 0.8; D has no quota.
    expect(d.furthestBehind.map((b) => [b.code, b.admitted, b.quota, b.shortfall])).toEqual([
      ["CB-A", 4, 10, 6],
      ["CB-C", 4, 8, 4],
      ["CB-B", 4, 5, 1],
    ]);
    expect(d.furthestBehind[0]?.fraction).toBeCloseTo(0.4);
  });
});

describe("digest edge cases", () => {
  it("has null rates when there is no quota and no meeting", () => {
    const d = buildDigest({ period: OCT, totals: "approved", units, reports: [], meetings: [], quotas: [] });
    expect(d.progress.total).toBeNull();
    expect(d.meetings.attendance).toBeNull();
    expect(d.quota.branchesWithout).toBe(4);
    expect(d.furthestBehind).toEqual([]);
    expect(d.reports.missing).toHaveLength(4);
  });

  it("leaves out branches that met their quota, and breaks ties by shortfall then code", () => {
    const branches: DigestUnit[] = Array.from({ length: 8 }, (_, i) => ({
      id: i + 1,
      code: `CB-${i + 1}`,
      name: `Chi bộ ${i + 1}`,
      kind: "BRANCH",
      parentId: null,
    }));
    // (admitted, quota): 1: 0/2, 2: 0/4 (same fraction, larger shortfall), 3: 1/2, 4: 2/4 (ties 3 by
    // fraction, larger shortfall), 5: 5/5 (met), 6: 6/5 (over), 7: 0/4 (ties 2 fully: code), 8: 3/4.
    const plan: Array<[number, number]> = [[0, 2], [0, 4], [1, 2], [2, 4], [5, 5], [6, 5], [0, 4], [3, 4]];
    const d = buildDigest({
      period: OCT,
      totals: "approved",
      units: branches,
      reports: plan.map(([admitted], i) => report(i + 1, 5, { admittedOther: admitted })),
      meetings: [],
      quotas: plan.map(([, value], i) => ({ unitId: i + 1, year: 2026, cohort: "ALL", value })),
    });
    expect(d.furthestBehind.map((b) => b.code)).toEqual(["CB-2", "CB-7", "CB-1", "CB-4", "CB-3"]);
  });

  it("reads a quota of 0 as no quota", () => {
    expect(branchQuota([{ cohort: "ALL", value: 0 }])).toBeNull();
    expect(branchQuota([])).toBeNull();
    expect(branchQuota([{ cohort: "admittedPupils", value: 3 }])).toEqual({
      total: 3,
      byCohort: { admittedTeachers: null, admittedPupils: 3, admittedStudents: null, admittedOther: null },
    });
    // ALL wins over the sum of cohorts when both are set.
    expect(branchQuota([{ cohort: "admittedPupils", value: 3 }, { cohort: "ALL", value: 10 }])?.total).toBe(10);
  });

  it("finds the calendar quarter of a month", () => {
    expect(quarterOf({ year: 2026, month: 10 })).toEqual({ first: { year: 2026, month: 10 }, last: { year: 2026, month: 12 } });
    expect(quarterOf({ year: 2026, month: 3 })).toEqual({ first: { year: 2026, month: 1 }, last: { year: 2026, month: 3 } });
    expect(quarterOf({ year: 2026, month: 8 }).first.month).toBe(7);
  });

  it("gives the same digest from aggregates as from rows, so SQL can fill the aggregates later", () => {
    const aggregates = aggregateBranches(input);
    expect(aggregates.map((a) => a.code)).toEqual(["CB-A", "CB-B", "CB-C", "CB-D"]);
    expect(aggregates[0]).toMatchObject({ reported: true, regularMeetings: 1, thematicMeetingsQuarter: 1, meetingsInMonth: 2 });
    expect(digestFromAggregates(OCT, aggregates, "approved")).toEqual(buildDigest(input));
  });
});

describe("digest at scale", () => {
  it("handles 5,000 branches and a year of rows", () => {
    const n = 5000;
    const units: DigestUnit[] = [{ id: 0, code: "DU", name: "Đảng ủy", kind: "COMMITTEE", parentId: null }];
    const reports: DigestReport[] = [];
    const meetings: DigestMeeting[] = [];
    const quotas: QuotaRow[] = [];
    const cohorts: CohortField[] = ["admittedTeachers", "admittedPupils", "admittedStudents", "admittedOther"];
    for (let id = 1; id <= n; id++) {
      units.push({ id, code: `CB${String(id).padStart(5, "0")}`, name: `Chi bộ ${id}`, kind: "BRANCH", parentId: 0 });
      // Every 10th branch has not reported in October.
      for (let month = 1; month <= (id % 10 === 0 ? 9 : 10); month++) {
        reports.push(report(id, month, { [cohorts[month % 4]!]: 1, candidates: 2 }));
      }
      meetings.push(meeting(id, "REGULAR", "2026-10-05", 20, 15));
      if (id % 2 === 0) meetings.push(meeting(id, "THEMATIC", "2026-11-05", 20, 20));
      // Quota 10 + id % 7: admitted 10 (9 for the non-reporters), so those with id % 7 > 0 are behind.
      quotas.push({ unitId: id, year: 2026, cohort: "ALL", value: 10 + (id % 7) });
    }
    const d = buildDigest({ period: OCT, totals: "approved", units, reports, meetings, quotas });

    expect(d.branches).toBe(n);
    expect(d.reports.received).toBe(4500);
    expect(d.reports.missingCount).toBe(500);
    // A digest carries only the first names of a list (no message shows more).
    expect(d.reports.missing).toHaveLength(DIGEST_NAMES);
    expect(d.reports.missing[0]?.code).toBe("CB00010");
    expect(d.admitted.yearToDate.total).toBe(4500 * 10 + 500 * 9);
    expect(d.pipeline.candidates).toBe(4500 * 2);
    expect(d.meetings.regularHeld).toBe(n);
    expect(d.meetings.thematicHeldQuarter).toBe(2500);
    expect(d.meetings.attendance).toBeCloseTo(0.75);
    // Furthest behind: non-reporters (9 admitted) with id % 7 === 6 (quota 16): 9/16; ties by shortfall
    // (all 7), then by code.
    expect(d.furthestBehind).toHaveLength(5);
    expect(d.furthestBehind.every((b) => b.admitted === 9 && b.quota === 16)).toBe(true);
    expect(d.furthestBehind.map((b) => b.code)).toEqual(["CB00020", "CB00090", "CB00160", "CB00230", "CB00300"]);
  });
});

describe("progressBar", () => {
  it.each([
    [0, "░░░░░░░░░░ 0%"],
    [0.4, "▓▓▓▓░░░░░░ 40%"],
    [0.29, "▓▓░░░░░░░░ 29%"],
    // The percentage is rounded half up (src/domain/percent.ts), the cells down.
    [3 / 7, "▓▓▓▓░░░░░░ 43%"],
    [0.3, "▓▓▓░░░░░░░ 30%"],
    [0.996, "▓▓▓▓▓▓▓▓▓░ 99%"],
    [1, "▓▓▓▓▓▓▓▓▓▓ 100%"],
    [1.3, "▓▓▓▓▓▓▓▓▓▓ 130%"],
    [-0.2, "░░░░░░░░░░ 0%"],
    [Number.NaN, "░░░░░░░░░░ 0%"],
  ])("shows %d as %s", (fraction, text) => {
    expect(progressBar(fraction)).toBe(text);
  });

  it("takes a width", () => {
    expect(progressBar(0.5, 4)).toBe("▓▓░░ 50%");
    expect(progressBar(0.7, 20)).toBe(`${"▓".repeat(14)}${"░".repeat(6)} 70%`);
  });
});
