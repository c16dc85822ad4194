// What an administrator types after /chitieu: a unit to read, or a branch's yearly quota to set,
// the year defaulting to this one and the cohort typed with or without Vietnamese marks
// ("/chitieu CB-QT 2026 2 học sinh", "/chitieu CB-QT 7", "/chitieu CB-QT 3 giaovien").
import type { QuotaCohort } from "./branch-aggregates.js";
import { COHORTS, reportField } from "./report-fields.js";
import { withoutMarks } from "./text.js";

/** A quota for one branch: above this it is a typing slip (a branch is tens to a few hundred members). */
export const MAX_QUOTA = 10_000;

/**
 * The cohorts as people write them, reduced to plain letters (withoutMarks, no spaces or
 * punctuation): the word of src/domain/report-fields.ts, the words of the party documents
 * ("giáo viên, giảng viên", "đối tượng khác") and "tất cả" for the whole quota.
 */
const COHORT_WORDS: Record<string, QuotaCohort> = {
  ...Object.fromEntries(COHORTS.map((c) => [reportField(c).word, c])),
  giangvien: "admittedTeachers",
  giaoviengiangvien: "admittedTeachers",
  doituongkhac: "admittedOther",
  tatca: "ALL",
  tatcadoituong: "ALL",
};

/** The cohort typed, in any of its spellings; undefined for a word that is none of them. */
export function readCohort(words: string): QuotaCohort | undefined {
  const plain = withoutMarks(words.normalize("NFC")).toLowerCase().replace(/[^a-z]/g, "");
  return Object.hasOwn(COHORT_WORDS, plain) ? COHORT_WORDS[plain] : undefined;
}

export type QuotaArgs =
  | { kind: "usage" }
  | { kind: "show"; code: string }
  /** Each part read, or "bad" for one that is not: the handler says which, once it knows the unit. */
  | { kind: "set"; code: string; year: number | "bad"; value: number | "bad"; cohort: QuotaCohort | "bad" };

/**
 * `/chitieu <mã>` reads; `/chitieu <mã> [năm] <số> [đối tượng]` sets. A first number of four
 * digits is the year (a branch's quota never reaches a thousand); without one the year is
 * `currentYear`. A year alone ("/chitieu CB-QT 2026") lacks the figure: the usage is shown.
 */
export function parseQuotaArgs(text: string, currentYear: number, years: { from: number; to: number }): QuotaArgs {
  const [code, ...rest] = text.trim().split(/\s+/).filter(Boolean);
  if (!code) return { kind: "usage" };
  if (rest.length === 0) return { kind: "show", code };
  const hasYear = /^\d{4}$/.test(rest[0]!);
  if (hasYear && rest.length === 1) return { kind: "usage" };
  const [rawValue, ...cohortWords] = hasYear ? rest.slice(1) : rest;
  const year = hasYear ? Number(rest[0]) : currentYear;
  const value = Number(rawValue);
  return {
    kind: "set",
    code,
    year: year >= years.from && year <= years.to ? year : "bad",
    value: /^\d+$/.test(rawValue!) && value <= MAX_QUOTA ? value : "bad",
    cohort: cohortWords.length === 0 ? "ALL" : (readCohort(cohortWords.join(" ")) ?? "bad"),
  };
}
