// The one list of the report's fields (src/domain/report-fields.ts) holds together: an entry
// added or changed there cannot leave the form, the schema or the digest rows half-described.
// And the form's step through one group of fields, driven by that list, without a bot.
import { describe, expect, it } from "vitest";
import { COHORTS, COUNT_LIMITS, emptyFigures, type ReportFigures } from "../../src/domain/report.js";
import { DIGEST_COUNT_FIELDS, groupCounts, groupFields, REMOVAL_FIELDS, REPORT_FIELD_SPECS, REPORT_FIELDS, REPORT_GROUPS, type ReportGroup } from "../../src/domain/report-fields.js";
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

  it("gives every field a column header, every stored field a name in the review card, and a question to all but the remainder cohort, the remainder kind of removal and the unsplit removals kept from older reports", () => {
    for (const s of specs) expect(s.header, String(s.key)).toMatch(/^export-report-/);
    for (const s of specs) expect("diff" in s, String(s.key)).toBe(s.kind !== "total");
    const unasked = specs.filter((s) => !("ask" in s)).map((s) => s.key);
    expect(unasked).toEqual([COHORTS.at(-1), "removedDied", "removedUnclassified"]);
  });

  it("has one total for the cohorts and one for the kinds of removal, each listed after what it adds up, in their group", () => {
    const totals = specs.filter((s) => s.kind === "total");
    expect(totals.map((s) => s.key)).toEqual(["admittedTotal", "removedTotal"]);
    for (const [total, kind] of [[totals[0]!, "cohort"], [totals[1]!, "part"]] as const) {
      const shares = specs.filter((s) => s.kind === kind);
      expect(shares.length).toBeGreaterThan(1);
      for (const c of shares) expect(c.group).toBe(total.group);
      expect(specs.indexOf(total)).toBeGreaterThan(specs.indexOf(shares.at(-1)!));
      expect(REPORT_FIELDS).not.toContain(total.key);
      expect(total.tooMany, String(total.key)).toMatch(/^report-.*-too-many$/);
    }
  });

  it("ties each reason to the counts of its own group, listed before it", () => {
    for (const s of specs.filter((x) => "reasonFor" in x)) {
      expect(s.reasonFor, String(s.key)).toBe(s.group);
      const counts = groupCounts(s.reasonFor as ReportGroup);
      expect(counts.length, String(s.key)).toBeGreaterThan(0);
      for (const k of counts) expect(specs.findIndex((x) => x.key === k)).toBeLessThan(specs.indexOf(s));
    }
  });

  it("splits the removals into the four kinds of the party documents, then an older report's unsplit count, never asked", () => {
    expect(REMOVAL_FIELDS).toEqual(["removedStruckOff", "removedExpelled", "removedResigned", "removedDied", "removedUnclassified"]);
    expect(groupCounts("removed")).toEqual([...REMOVAL_FIELDS]);
    const legacy = specs.filter((s) => "legacy" in s);
    expect(legacy.map((s) => s.key)).toEqual(["removedUnclassified"]);
    for (const s of legacy) expect("ask" in s, String(s.key)).toBe(false);
  });

  it("gives the digest rows a distinct column stem for each cohort and each count they keep", () => {
    const stems = specs.filter((s) => "digest" in s).map((s) => s.digest);
    expect(new Set(stems).size).toBe(stems.length);
    for (const c of specs.filter((s) => s.kind === "cohort")) expect(c.digest, String(c.key)).toBeTypeOf("string");
    expect(DIGEST_COUNT_FIELDS).toEqual(["candidates", "awarenessClass", "applicationsInReview", ...REMOVAL_FIELDS]);
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

  it("asks how many left the rolls, then each kind with what is left; the last kind (từ trần) takes the rest", async () => {
    const { f, texts } = await ask("removed", ["4", "2", "0", "1", "Bỏ sinh hoạt đảng; 1 đồng chí từ trần"]);
    expect(texts).toEqual([
      "report-ask-removedTotal",
      'report-ask-removedStruckOff {"total":4,"left":4}',
      'report-ask-removedExpelled {"total":4,"left":2}',
      'report-ask-removedResigned {"total":4,"left":2}',
      "report-ask-removedReason",
    ]);
    expect(f).toMatchObject({ removedStruckOff: 2, removedExpelled: 0, removedResigned: 1, removedDied: 1, removedReason: "Bỏ sinh hoạt đảng; 1 đồng chí từ trần" });
    await expect(ask("removed", ["2", "3"])).rejects.toThrow('report-removed-too-many {"left":2,"total":2}');
  });

  it("asks one question when nobody left, and clears the reason then", async () => {
    const before = { ...emptyFigures(), removedStruckOff: 1, removedReason: "Bỏ sinh hoạt đảng" };
    const none = await ask("removed", ["0"], before);
    expect(none.texts).toEqual(["report-ask-removedTotal"]);
    expect(none.f).toMatchObject({ removedStruckOff: 0, removedExpelled: 0, removedResigned: 0, removedDied: 0, removedReason: null });
  });

  it("replaces an older report's unsplit count by the kinds answered again, and keeps it when the group is not asked", async () => {
    const old = { ...emptyFigures(), removedUnclassified: 2, removedReason: "Chuyển công tác" };
    const other = await ask("candidates", ["3"], old);
    expect(other.f).toMatchObject({ removedUnclassified: 2, removedReason: "Chuyển công tác" });
    const split = await ask("removed", ["2", "1", "1", "Bỏ sinh hoạt đảng; vi phạm tư cách"], old);
    expect(split.f).toMatchObject({ removedStruckOff: 1, removedExpelled: 1, removedResigned: 0, removedDied: 0, removedUnclassified: 0 });
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
