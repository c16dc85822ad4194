// The one list of the report's fields (src/domain/report-fields.ts) holds together: an entry
// added or changed there cannot leave the form, the schema or the digest rows half-described.
// And the form's step through one group of fields, driven by that list, without a bot.
import { describe, expect, it } from "vitest";
import { COHORTS, COUNT_LIMITS, emptyFigures, type ReportFigures } from "../../src/domain/report.js";
import { DIGEST_COUNT_FIELDS, groupFields, REPORT_FIELD_SPECS, REPORT_FIELDS, REPORT_GROUPS, type ReportGroup } from "../../src/domain/report-fields.js";
import { askGroupFields } from "../../src/bot/report/questions.js";
import type { Answer, Question } from "../../src/bot/forms/session.js";

describe("REPORT_FIELD_SPECS", () => {
  const specs: readonly Record<string, unknown>[] = REPORT_FIELD_SPECS;

  it("names each field once, in a group the form has", () => {
    const keys = specs.map((s) => s.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const s of specs) expect(REPORT_GROUPS).toContain(s.group);
    for (const g of REPORT_GROUPS) expect(groupFields(g).length, g).toBeGreaterThan(0);
  });

  it("gives every field a column header, every stored field a name in the review card, and a question to all but the remainder cohort", () => {
    for (const s of specs) expect(s.header, String(s.key)).toMatch(/^export-report-/);
    for (const s of specs) expect("diff" in s, String(s.key)).toBe(s.kind !== "total");
    const unasked = specs.filter((s) => !("ask" in s)).map((s) => s.key);
    expect(unasked).toEqual([COHORTS.at(-1)]);
  });

  it("has one total, listed after the cohorts it adds up, in their group", () => {
    const totals = specs.filter((s) => s.kind === "total");
    expect(totals).toHaveLength(1);
    const cohorts = specs.filter((s) => s.kind === "cohort");
    for (const c of cohorts) expect(c.group).toBe(totals[0]!.group);
    expect(specs.indexOf(totals[0]!)).toBeGreaterThan(specs.indexOf(cohorts.at(-1)!));
    expect(REPORT_FIELDS).not.toContain(totals[0]!.key);
  });

  it("ties each reason to a count listed before it in the same group", () => {
    for (const s of specs.filter((x) => "reasonFor" in x)) {
      const count = specs.find((x) => x.key === s.reasonFor);
      expect(count?.kind, String(s.key)).toBe("count");
      expect(count!.group).toBe(s.group);
      expect(specs.indexOf(count!)).toBeLessThan(specs.indexOf(s));
    }
  });

  it("gives the digest rows a distinct column stem for each cohort and each count they keep", () => {
    const stems = specs.filter((s) => "digest" in s).map((s) => s.digest);
    expect(new Set(stems).size).toBe(stems.length);
    for (const c of specs.filter((s) => s.kind === "cohort")) expect(c.digest, String(c.key)).toBeTypeOf("string");
    expect(DIGEST_COUNT_FIELDS).toEqual(["candidates", "awarenessClass", "applicationsInReview", "removed"]);
  });

  it("gives each cohort the lower-case word without marks that /chitieu takes for it, and only cohorts one", () => {
    const words = specs.filter((s) => "word" in s);
    expect(words.map((s) => s.key)).toEqual([...COHORTS]);
    expect(words.map((s) => s.word)).toEqual(["giaovien", "hocsinh", "sinhvien", "khac"]);
  });
});

/** Plays the secretary: answers each question with the next typed text, and records the questions. */
function secretary(...typed: string[]) {
  const asked: Question<unknown>[] = [];
  const ask = async <V,>(q: Question<V>): Promise<V> => {
    asked.push(q as Question<unknown>);
    const text = typed.shift();
    if (text === undefined) throw new Error(`no answer left for "${q.text}"`);
    const r = q.parse({ text } satisfies Answer);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  return { ask, asked };
}

/** A translator that shows the key and its variables, so the questions can be told apart. */
const t = (key: string, vars?: Record<string, string | number>) => (vars ? `${key} ${JSON.stringify(vars)}` : key);

const ask = (group: ReportGroup, typed: string[], figures: ReportFigures = emptyFigures(), previous?: ReportFigures) => {
  const s = secretary(...typed);
  return askGroupFields(s.ask, t, group, figures, previous).then((f) => ({ f, texts: s.asked.map((q) => q.text) }));
};

describe("askGroupFields (the form's step through one group)", () => {
  it("asks the total admitted, then each cohort with what is left; the last cohort takes the rest", async () => {
    const { f, texts } = await ask("admitted", ["5", "1", "2", "1"]);
    expect(texts).toEqual([
      "report-ask-admittedTotal",
      'report-ask-admittedTeachers {"total":5,"left":5}',
      'report-ask-admittedPupils {"total":5,"left":4}',
      'report-ask-admittedStudents {"total":5,"left":2}',
    ]);
    expect(f).toMatchObject({ admittedTeachers: 1, admittedPupils: 2, admittedStudents: 1, admittedOther: 1 });
  });

  it("stops asking cohorts once the total is assigned, and refuses a cohort above what is left", async () => {
    const { f, texts } = await ask("admitted", ["3", "3"]);
    expect(texts).toHaveLength(2);
    expect(f).toMatchObject({ admittedTeachers: 3, admittedPupils: 0, admittedStudents: 0, admittedOther: 0 });
    await expect(ask("admitted", ["3", "4"])).rejects.toThrow('report-cohort-too-many {"left":3,"total":3}');
  });

  it("asks the reason only when members were removed, and clears it when none were", async () => {
    const removed = await ask("removed", ["2", "Chuyển công tác"]);
    expect(removed.texts).toEqual(["report-ask-removed", "report-ask-removedReason"]);
    expect(removed.f).toMatchObject({ removed: 2, removedReason: "Chuyển công tác" });
    const none = await ask("removed", ["0"], removed.f);
    expect(none.texts).toEqual(["report-ask-removed"]);
    expect(none.f).toMatchObject({ removed: 0, removedReason: null });
  });

  it("offers last month's figure for a standing figure, not for a monthly one", async () => {
    const previous = { ...emptyFigures(), candidates: 9, awarenessClass: 4 };
    const s = secretary("9");
    await askGroupFields(s.ask, t, "candidates", emptyFigures(), previous);
    expect(s.asked[0]!.buttons?.[0]).toEqual([{ label: 'report-same-as-last {"n":9}', value: "9" }]);
    const m = secretary("1");
    await askGroupFields(m.ask, t, "awarenessClass", emptyFigures(), previous);
    expect(m.asked[0]!.buttons).toEqual([[0, 1, 2, 3, 4, 5].map((n) => ({ label: String(n), value: String(n) }))]);
  });

  it("bounds each count by its entry, and changes nothing outside the group", async () => {
    const start = { ...emptyFigures(), candidates: 7 };
    const { f } = await ask("transfers", ["1", "2"], start);
    expect(f).toEqual({ ...start, transferredIn: 1, transferredOut: 2 });
    await expect(ask("madeFull", [String(COUNT_LIMITS.madeFull + 1)])).rejects.toThrow("form-count-too-large");
  });
});
