// The monthly recruitment report: its fields, their bounds, and the checks
// that run before anything is stored.
import { z } from "zod";
import type { Period } from "./period.js";

export const COHORTS = ["admittedTeachers", "admittedPupils", "admittedStudents", "admittedOther"] as const;
export type CohortField = (typeof COHORTS)[number];

/**
 * Upper bounds per field. A branch is tens to a few hundred members; a figure
 * above these is a typing slip, not a fact, and is refused with the bound named.
 */
export const COUNT_LIMITS = {
  candidates: 5000,
  awarenessClass: 2000,
  applicationsInReview: 1000,
  admittedTotal: 500,
  admittedTeachers: 500,
  admittedPupils: 500,
  admittedStudents: 500,
  admittedOther: 500,
  madeFull: 500,
  removed: 200,
  transferredIn: 500,
  transferredOut: 500,
} as const;
export type CountField = keyof typeof COUNT_LIMITS;

export const TEXT_LIMITS = { note: 2000, removedReason: 500 } as const;

export interface ReportFigures {
  candidates: number;
  awarenessClass: number;
  applicationsInReview: number;
  admittedTeachers: number;
  admittedPupils: number;
  admittedStudents: number;
  admittedOther: number;
  madeFull: number;
  removed: number;
  removedReason: string | null;
  transferredIn: number;
  transferredOut: number;
  note: string | null;
}

/** The fields of a report in the order the form asks them and summaries show them. */
export const REPORT_FIELDS = [
  "candidates",
  "awarenessClass",
  "applicationsInReview",
  "admittedTeachers",
  "admittedPupils",
  "admittedStudents",
  "admittedOther",
  "madeFull",
  "removed",
  "removedReason",
  "transferredIn",
  "transferredOut",
  "note",
] as const satisfies readonly (keyof ReportFigures)[];

export interface ReportDraft extends ReportFigures {
  period: Period;
}

const count = (max: number) => z.number().int().min(0).max(max);
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable();

export const reportFiguresSchema = z
  .object({
    candidates: count(COUNT_LIMITS.candidates),
    awarenessClass: count(COUNT_LIMITS.awarenessClass),
    applicationsInReview: count(COUNT_LIMITS.applicationsInReview),
    admittedTeachers: count(COUNT_LIMITS.admittedTeachers),
    admittedPupils: count(COUNT_LIMITS.admittedPupils),
    admittedStudents: count(COUNT_LIMITS.admittedStudents),
    admittedOther: count(COUNT_LIMITS.admittedOther),
    madeFull: count(COUNT_LIMITS.madeFull),
    removed: count(COUNT_LIMITS.removed),
    removedReason: optionalText(TEXT_LIMITS.removedReason),
    transferredIn: count(COUNT_LIMITS.transferredIn),
    transferredOut: count(COUNT_LIMITS.transferredOut),
    note: optionalText(TEXT_LIMITS.note),
  })
  .refine((r) => admittedTotal(r) <= COUNT_LIMITS.admittedTotal, { path: ["admittedTotal"] })
  .refine((r) => (r.removed > 0) === (r.removedReason !== null), { path: ["removedReason"] });

export function admittedTotal(r: Pick<ReportFigures, CohortField>): number {
  return r.admittedTeachers + r.admittedPupils + r.admittedStudents + r.admittedOther;
}

/**
 * The pipeline should carry over: people admitted this month come out of last
 * month's candidates. A warning, never a refusal: a newcomer can be admitted
 * quickly, and last month's figure may itself have been wrong.
 */
export function pipelineShortfall(previousCandidates: number | undefined, admitted: number): number {
  if (previousCandidates === undefined) return 0;
  return Math.max(0, admitted - previousCandidates);
}

/** Splits a total admitted across cohorts in the order asked; what is left after the last question is "other". */
export function remainingAfter(total: number, answered: Partial<Record<CohortField, number>>): number {
  return total - COHORTS.reduce((sum, c) => sum + (answered[c] ?? 0), 0);
}

export function emptyFigures(): ReportFigures {
  return {
    candidates: 0,
    awarenessClass: 0,
    applicationsInReview: 0,
    admittedTeachers: 0,
    admittedPupils: 0,
    admittedStudents: 0,
    admittedOther: 0,
    madeFull: 0,
    removed: 0,
    removedReason: null,
    transferredIn: 0,
    transferredOut: 0,
    note: null,
  };
}
