import { describe, expect, it } from "vitest";
import {
  admittedTotal,
  COHORTS,
  COUNT_LIMITS,
  emptyFigures,
  pipelineShortfall,
  remainingAfter,
  removedTotal,
  reportFiguresSchema,
  TEXT_LIMITS,
  type ReportFigures,
} from "../../src/domain/report.js";

const COUNT_FIELDS = [
  "candidates",
  "awarenessClass",
  "applicationsInReview",
  "admittedTeachers",
  "admittedPupils",
  "admittedStudents",
  "admittedOther",
  "madeFull",
  "removedStruckOff",
  "removedExpelled",
  "removedResigned",
  "removedDied",
  "removedUnclassified",
  "transferredIn",
  "transferredOut",
] as const satisfies readonly (keyof ReportFigures)[];

function figures(over: Partial<ReportFigures> = {}): ReportFigures {
  return {
    ...emptyFigures(),
    candidates: 12,
    awarenessClass: 5,
    applicationsInReview: 3,
    admittedTeachers: 1,
    admittedPupils: 2,
    admittedStudents: 0,
    admittedOther: 1,
    madeFull: 2,
    transferredIn: 1,
    transferredOut: 0,
    ...over,
  };
}

/** The paths of the problems zod reports, e.g. ["candidates", "removedReason"]. */
function problems(input: unknown): string[] {
  const r = reportFiguresSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.path.join("."));
}

describe("reportFiguresSchema", () => {
  it("accepts a plausible month and an empty one", () => {
    expect(problems(figures())).toEqual([]);
    expect(problems(emptyFigures())).toEqual([]);
  });

  it("lists every count field (and every cohort) of ReportFigures", () => {
    const keys = Object.keys(emptyFigures()).filter((k) => k !== "note" && k !== "removedReason");
    expect([...keys].sort()).toEqual([...COUNT_FIELDS].sort());
    for (const c of COHORTS) expect(COUNT_FIELDS).toContain(c);
  });

  it.each(COUNT_FIELDS)("refuses a negative %s", (field) => {
    expect(problems(figures({ [field]: -1 }))).toEqual([field]);
  });

  it.each(COUNT_FIELDS)("refuses a decimal %s", (field) => {
    expect(problems(figures({ [field]: 1.5 }))).toEqual([field]);
  });

  it.each(COUNT_FIELDS)("refuses a %s that is not a finite number", (field) => {
    expect(problems(figures({ [field]: Number.NaN }))).toContain(field);
    expect(problems(figures({ [field]: Number.POSITIVE_INFINITY }))).toContain(field);
    expect(problems({ ...figures(), [field]: "3" })).toContain(field);
  });

  it.each(COUNT_FIELDS)("takes %s up to its bound in COUNT_LIMITS and refuses one more", (field) => {
    const limit = COUNT_LIMITS[field];
    // A removal needs a reason; keep the other cohorts at 0 so the total stays within its own bound.
    const base = figures({ admittedTeachers: 0, admittedPupils: 0, admittedStudents: 0, admittedOther: 0 });
    const extra = field.startsWith("removed") ? { removedReason: "chuyển công tác" } : {};
    expect(problems({ ...base, ...extra, [field]: limit })).toEqual([]);
    // One cohort over its bound is also over the bound of the total: both are named.
    const alsoTotal = (COHORTS as readonly string[]).includes(field) ? ["admittedTotal"] : field.startsWith("removed") ? ["removedTotal"] : [];
    expect(problems({ ...base, ...extra, [field]: limit + 1 })).toEqual([field, ...alsoTotal]);
  });

  it("bounds the total of members who left the rolls across its kinds", () => {
    const limit = COUNT_LIMITS.removedTotal;
    const reason = { removedReason: "Bỏ sinh hoạt đảng" };
    expect(problems(figures({ ...reason, removedStruckOff: limit - 2, removedDied: 1, removedUnclassified: 1 }))).toEqual([]);
    expect(problems(figures({ ...reason, removedStruckOff: limit - 2, removedDied: 2, removedUnclassified: 1 }))).toEqual(["removedTotal"]);
  });

  it("bounds the total admitted across cohorts", () => {
    const limit = COUNT_LIMITS.admittedTotal;
    expect(
      problems(figures({ admittedTeachers: 200, admittedPupils: 200, admittedStudents: limit - 400, admittedOther: 0 })),
    ).toEqual([]);
    expect(
      problems(figures({ admittedTeachers: 200, admittedPupils: 200, admittedStudents: limit - 400, admittedOther: 1 })),
    ).toEqual(["admittedTotal"]);
  });

  const REMOVALS = ["removedStruckOff", "removedExpelled", "removedResigned", "removedDied", "removedUnclassified"] as const;

  it.each(REMOVALS)("requires a reason when members left the rolls (%s)", (kind) => {
    expect(problems(figures({ [kind]: 2, removedReason: null }))).toEqual(["removedReason"]);
    expect(problems(figures({ [kind]: 2, removedReason: "   " }))).toEqual(["removedReason"]);
    expect(problems(figures({ [kind]: 2, removedReason: "Tự ý bỏ sinh hoạt" }))).toEqual([]);
  });

  it("refuses a reason when nobody left the rolls", () => {
    expect(problems(figures({ removedReason: "nhầm" }))).toEqual(["removedReason"]);
  });

  it("bounds the removal reason", () => {
    const max = TEXT_LIMITS.removedReason;
    expect(problems(figures({ removedStruckOff: 1, removedReason: "x".repeat(max) }))).toEqual([]);
    expect(problems(figures({ removedStruckOff: 1, removedReason: "x".repeat(max + 1) }))).toEqual(["removedReason"]);
  });

  it("adds up the kinds of removal, an older report's unsplit count included", () => {
    expect(removedTotal(figures({ removedStruckOff: 2, removedExpelled: 1, removedResigned: 1, removedDied: 3, removedUnclassified: 4 }))).toBe(11);
  });

  it("bounds the note by TEXT_LIMITS.note and trims it", () => {
    const max = TEXT_LIMITS.note;
    expect(problems(figures({ note: "đ".repeat(max) }))).toEqual([]);
    expect(problems(figures({ note: "đ".repeat(max + 1) }))).toEqual(["note"]);
    expect(problems(figures({ note: null }))).toEqual([]);
    // Surrounding spaces do not count towards the limit, and are not kept.
    expect(problems(figures({ note: ` ${"a".repeat(max)} ` }))).toEqual([]);
    expect(reportFiguresSchema.parse(figures({ note: "  Thiếu kinh phí  " })).note).toBe("Thiếu kinh phí");
  });

  it("refuses a missing field", () => {
    const { madeFull: _dropped, ...rest } = figures();
    expect(problems(rest)).toEqual(["madeFull"]);
  });
});

describe("admittedTotal", () => {
  it("adds the four cohorts and nothing else", () => {
    expect(admittedTotal(figures({ admittedTeachers: 1, admittedPupils: 2, admittedStudents: 3, admittedOther: 4, candidates: 100 }))).toBe(10);
    expect(admittedTotal(emptyFigures())).toBe(0);
  });
});

describe("pipelineShortfall", () => {
  it("is zero without last month's figure", () => {
    expect(pipelineShortfall(undefined, 5)).toBe(0);
  });

  it("is how many more were admitted than there were candidates", () => {
    expect(pipelineShortfall(3, 5)).toBe(2);
    expect(pipelineShortfall(0, 1)).toBe(1);
  });

  it("is never negative", () => {
    expect(pipelineShortfall(5, 3)).toBe(0);
    expect(pipelineShortfall(5, 5)).toBe(0);
    expect(pipelineShortfall(0, 0)).toBe(0);
  });
});

describe("remainingAfter", () => {
  it("is the whole total before any cohort is answered", () => {
    expect(remainingAfter(7, {})).toBe(7);
  });

  it("subtracts the cohorts answered so far", () => {
    expect(remainingAfter(7, { admittedTeachers: 2 })).toBe(5);
    expect(remainingAfter(7, { admittedTeachers: 2, admittedPupils: 3 })).toBe(2);
    expect(remainingAfter(7, { admittedTeachers: 2, admittedPupils: 3, admittedStudents: 2 })).toBe(0);
    expect(remainingAfter(7, { admittedTeachers: 2, admittedPupils: 3, admittedStudents: 1, admittedOther: 1 })).toBe(0);
  });

  it("goes below zero when the cohorts overshoot, so callers can refuse it", () => {
    expect(remainingAfter(3, { admittedTeachers: 5 })).toBe(-2);
  });

  it("leaves a remainder that makes the cohorts add up to the total", () => {
    const cohorts = { admittedTeachers: 4, admittedPupils: 0, admittedStudents: 9 };
    const f = figures({ ...cohorts, admittedOther: remainingAfter(20, cohorts) });
    expect(admittedTotal(f)).toBe(20);
  });
});
