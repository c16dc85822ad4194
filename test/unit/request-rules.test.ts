// The rules of a new or changed request (src/domain/request-rules.ts), the outline's template
// (src/domain/request-templates.ts) and a unit's subtree of branches (src/domain/units.ts).
import { describe, expect, it } from "vitest";
import { PrefillKey, QuestionKind, readQuestions } from "../../src/domain/request.js";
import { checkDue, checkQuestions, dueInstant, formatDue, newQuestion, parseDue, parseOptions, parsePrefillYear } from "../../src/domain/request-rules.js";
import { needsPrefillYear, requestTemplate, TemplateId, withPrefillYear } from "../../src/domain/request-templates.js";
import { branchesUnder, UnitKind } from "../../src/domain/units.js";
import { createI18n, translator } from "../../src/i18n.js";

const VN = "Asia/Ho_Chi_Minh";
const now = new Date("2026-12-02T09:00:00+07:00");
const t = translator(createI18n());

describe("a request's due date", () => {
  it("reads a date, with an optional time, and a date without its year as the next such day", () => {
    expect(parseDue("15/12/2026", now, VN)).toEqual({ dueOn: "2026-12-15", dueTime: null });
    expect(parseDue("15/12/2026 17:00", now, VN)).toEqual({ dueOn: "2026-12-15", dueTime: "17:00" });
    expect(parseDue("15-12-2026 lúc 8h30", now, VN)).toEqual({ dueOn: "2026-12-15", dueTime: "08:30" });
    expect(parseDue("5/1", now, VN)).toEqual({ dueOn: "2027-01-05", dueTime: null });
    expect(parseDue("02/12/2026", now, VN)).toEqual({ dueOn: "2026-12-02", dueTime: null });
  });

  it("refuses the past (a day gone, or an hour of today gone), a day or hour that does not exist, and text that is no date", () => {
    expect(parseDue("01/12/2026", now, VN)).toBe("past");
    expect(parseDue("02/12/2026 08:59", now, VN)).toBe("past");
    expect(parseDue("02/12/2026 09:00", now, VN)).toBe("past");
    expect(parseDue("02/12/2026 09:01", now, VN)).toEqual({ dueOn: "2026-12-02", dueTime: "09:01" });
    expect(parseDue("31/11/2026", now, VN)).toBe("invalid");
    expect(parseDue("29/02/2027", now, VN)).toBe("invalid");
    expect(parseDue("15/12/2026 24:00", now, VN)).toBe("invalid");
    expect(parseDue("15/12/2026 10:75", now, VN)).toBe("invalid");
    expect(parseDue("tuần sau", now, VN)).toBe("format");
    expect(parseDue("2026-12-15", now, VN)).toBe("format");
    expect(parseDue("15/12/2028", now, VN)).toBe("too-far");
  });

  it("checks a kept due date the same way (the day may have passed while the form was open)", () => {
    expect(checkDue({ dueOn: "2026-12-15", dueTime: null }, now, VN)).toBeUndefined();
    expect(checkDue({ dueOn: "2026-12-01", dueTime: null }, now, VN)).toBe("past");
    expect(checkDue({ dueOn: "2026-12-15", dueTime: "9:00" }, now, VN)).toBe("format");
  });

  it("falls due at its time, or at the end of its day, in the deployment's time zone", () => {
    expect(dueInstant({ dueOn: "2026-12-15", dueTime: "17:00" }, VN).toISOString()).toBe("2026-12-15T10:00:00.000Z");
    expect(dueInstant({ dueOn: "2026-12-15", dueTime: null }, VN).toISOString()).toBe("2026-12-15T16:59:59.999Z");
    expect(formatDue({ dueOn: "2026-12-15", dueTime: "17:00" })).toBe("17:00 15/12/2026");
    expect(formatDue({ dueOn: "2026-12-15", dueTime: null })).toBe("15/12/2026");
  });
});

describe("the options of a choice", () => {
  it("takes one a line, dropping list marks and blank lines", () => {
    expect(parseOptions("- Đã xây dựng\n\n• Chưa xây dựng\n3) Đang xây dựng")).toEqual({ ok: true, options: ["Đã xây dựng", "Chưa xây dựng", "Đang xây dựng"] });
  });

  it("refuses a single option, too many, one too long, or the same twice", () => {
    expect(parseOptions("Có")).toEqual({ ok: false, problem: "too-few" });
    expect(parseOptions("Có\n\n  \n")).toEqual({ ok: false, problem: "too-few" });
    expect(parseOptions(Array.from({ length: 11 }, (_, i) => `Phương án ${i}`).join("\n"))).toEqual({ ok: false, problem: "too-many" });
    expect(parseOptions(`Có\n${"x".repeat(101)}`)).toEqual({ ok: false, problem: "too-long" });
    expect(parseOptions("Có\ncó")).toEqual({ ok: false, problem: "repeated" });
  });
});

describe("the questions", () => {
  it("a request with no question is refused; ids are never used twice", () => {
    expect(checkQuestions([])).toBe("none");
    const one = newQuestion([], QuestionKind.NUMBER, "Số đảng viên");
    const two = newQuestion([{ ...one, id: "q7" }], QuestionKind.CHOICE, "Đã có kế hoạch?", ["Có", "Chưa"]);
    expect(one).toEqual({ id: "q1", kind: "NUMBER", title: "Số đảng viên" });
    expect(two).toEqual({ id: "q8", kind: "CHOICE", title: "Đã có kế hoạch?", options: ["Có", "Chưa"] });
    expect(checkQuestions([one, two])).toBeUndefined();
    // What the form builds is what the store reads back.
    expect(readQuestions(JSON.stringify([one, two]))).toEqual([one, two]);
  });
});

describe("the start year of pre-filled figures", () => {
  it("takes a year from 2000 to this one", () => {
    expect(parsePrefillYear("2020", now, VN)).toEqual({ ok: true, year: 2020 });
    expect(parsePrefillYear("năm 2026", now, VN)).toEqual({ ok: true, year: 2026 });
    expect(parsePrefillYear("2027", now, VN)).toEqual({ ok: false, problem: "future" });
    expect(parsePrefillYear("1999", now, VN)).toEqual({ ok: false, problem: "too-old" });
    expect(parsePrefillYear("20", now, VN)).toEqual({ ok: false, problem: "format" });
  });
});

describe("the outline's template (reference/000, Đề cương báo cáo chuyên đề)", () => {
  const tpl = requestTemplate(t, TemplateId.SOURCE_REPORT, 2020);

  it("has each part of the outline as a long-text question under its number, and the three figures with their prefill", () => {
    expect(tpl.questions.filter((q) => q.kind === QuestionKind.LONG_TEXT).map((q) => q.section)).toEqual(["I.1", "I.2", "II.1", "II.2", "II.3", "II.4", "II.5", "III.1", "III.2"]);
    expect(tpl.questions.filter((q) => q.prefill).map((q) => [q.kind, q.prefill, q.title])).toEqual([
      [QuestionKind.NUMBER, PrefillKey.MEMBERS_NOW, "Số đảng viên hiện có"],
      [QuestionKind.COHORTS, PrefillKey.CANDIDATES_NOW, "Quần chúng ưu tú hiện có theo đối tượng"],
      [QuestionKind.COHORTS, PrefillKey.ADMITTED_SINCE, "Kết nạp đảng viên theo đối tượng từ năm 2020 đến nay"],
    ]);
    expect(tpl.questions.find((q) => q.section === "II.5")!.title).toBe("Bài học kinh nghiệm");
    expect(readQuestions(JSON.stringify(tpl.questions))).toEqual(tpl.questions);
  });

  it("writes the start year into the admissions question when it changes", () => {
    expect(needsPrefillYear(tpl.questions)).toBe(true);
    expect(needsPrefillYear(tpl.questions.filter((q) => q.prefill !== PrefillKey.ADMITTED_SINCE))).toBe(false);
    const later = withPrefillYear(t, tpl.questions, 2023);
    expect(later.find((q) => q.prefill === PrefillKey.ADMITTED_SINCE)!.title).toBe("Kết nạp đảng viên theo đối tượng từ năm 2023 đến nay");
    expect(later.filter((q) => q.prefill !== PrefillKey.ADMITTED_SINCE)).toEqual(tpl.questions.filter((q) => q.prefill !== PrefillKey.ADMITTED_SINCE));
  });
});

describe("a unit's subtree of branches", () => {
  const { BRANCH: B, COMMITTEE: C } = UnitKind;
  const tree = [
    { id: 1, parentId: null, kind: C },
    { id: 2, parentId: 1, kind: B },
    { id: 3, parentId: 1, kind: C },
    { id: 4, parentId: 3, kind: B },
    { id: 5, parentId: null, kind: C },
    { id: 6, parentId: 5, kind: B },
  ];
  it("is every branch below the unit at any depth, the unit itself when it is a branch, none of another tree", () => {
    expect(branchesUnder(tree, 1)).toEqual([2, 4]);
    expect(branchesUnder(tree, 3)).toEqual([4]);
    expect(branchesUnder(tree, 2)).toEqual([2]);
    expect(branchesUnder(tree, 5)).toEqual([6]);
  });
  it("stops on a cycle written into the tree by hand", () => {
    expect(branchesUnder([...tree.slice(1), { id: 1, parentId: 4, kind: C }], 1)).toEqual([2, 4]);
  });
});
