// What administrators type after /chitieu and /themdonvi, read without a bot: the cohort with or
// without marks, the year left out, and the "-" of a unit with no parent forgotten.
import { describe, expect, test } from "vitest";
import { parseQuotaArgs, readCohort } from "../../src/domain/quota-args.js";
import { readAddUnitArgs, UnitKind } from "../../src/domain/units.js";

const YEARS = { from: 2025, to: 2027 };

describe("parseQuotaArgs", () => {
  test.each([
    ["", { kind: "usage" }],
    ["CB-QT", { kind: "show", code: "CB-QT" }],
    // A year alone: the figure is missing.
    ["CB-QT 2026", { kind: "usage" }],
    ["CB-QT 2026 7", { kind: "set", code: "CB-QT", year: 2026, value: 7, cohort: "ALL" }],
    ["CB-QT 7", { kind: "set", code: "CB-QT", year: 2026, value: 7, cohort: "ALL" }],
    ["CB-QT 2026 2 học sinh", { kind: "set", code: "CB-QT", year: 2026, value: 2, cohort: "admittedPupils" }],
    ["CB-QT 2 hocsinh", { kind: "set", code: "CB-QT", year: 2026, value: 2, cohort: "admittedPupils" }],
    ["CB-QT 3 Giáo viên, giảng viên", { kind: "set", code: "CB-QT", year: 2026, value: 3, cohort: "admittedTeachers" }],
    ["CB-QT 2027 1 sinh viên", { kind: "set", code: "CB-QT", year: 2027, value: 1, cohort: "admittedStudents" }],
    ["CB-QT 1999 3", { kind: "set", code: "CB-QT", year: "bad", value: 3, cohort: "ALL" }],
    ["CB-QT 2026 -3", { kind: "set", code: "CB-QT", year: 2026, value: "bad", cohort: "ALL" }],
    ["CB-QT 2,5", { kind: "set", code: "CB-QT", year: 2026, value: "bad", cohort: "ALL" }],
    ["CB-QT 10001", { kind: "set", code: "CB-QT", year: 2026, value: "bad", cohort: "ALL" }],
    ["CB-QT 3 giaosu", { kind: "set", code: "CB-QT", year: 2026, value: 3, cohort: "bad" }],
  ])("%j", (text, expected) => {
    expect(parseQuotaArgs(text, 2026, YEARS)).toEqual(expected);
  });

  test("readCohort: marks, case, spaces and decomposed letters do not matter", () => {
    for (const w of ["giáo viên", "GIAO VIEN", "giaovien", "giảng viên", "gia\u0301o vie\u0302n"]) expect(readCohort(w), w).toBe("admittedTeachers");
    expect(readCohort("Đối tượng khác")).toBe("admittedOther");
    expect(readCohort("khác")).toBe("admittedOther");
    expect(readCohort("tất cả")).toBe("ALL");
    expect(readCohort("học sinh giỏi")).toBeUndefined();
    expect(readCohort("constructor")).toBeUndefined();
  });
});

describe("readAddUnitArgs", () => {
  test.each([
    ["DU-SGD - Đảng ủy Sở", UnitKind.COMMITTEE, { ok: true, code: "DU-SGD", parentCode: null, name: "Đảng ủy Sở", typed: "- Đảng ủy Sở" }],
    ["cb-qt du-sgd Chi bộ QT", UnitKind.BRANCH, { ok: true, code: "CB-QT", parentCode: "DU-SGD", name: "Chi bộ QT", typed: "du-sgd Chi bộ QT" }],
    ["DUGD Đảng ủy Sở", UnitKind.COMMITTEE, { ok: false, problem: "parent-needed", code: "DUGD", word: "Đảng", rest: "Đảng ủy Sở" }],
    ["CB-X Trường A", UnitKind.BRANCH, { ok: false, problem: "parent-needed", code: "CB-X", word: "Trường", rest: "Trường A" }],
    ["CB-X - Chi bộ X", UnitKind.BRANCH, { ok: false, problem: "branch-needs-parent" }],
    ["CB-Đ DU Chi bộ Đ", UnitKind.BRANCH, { ok: false, problem: "bad-code", word: "CB-Đ" }],
    ["CB-X DU-SGD", UnitKind.BRANCH, { ok: false, problem: "usage" }],
    ["", UnitKind.COMMITTEE, { ok: false, problem: "usage" }],
    ["DU - \u200B\u200B", UnitKind.COMMITTEE, { ok: false, problem: "name", name: "invisible" }],
  ])("%j (%s)", (text, kind, expected) => {
    expect(readAddUnitArgs(text, kind)).toEqual(expected);
  });
});
