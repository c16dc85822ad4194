// The monthly recruitment report: the checks that run before anything is stored, and
// the arithmetic of its figures. Its fields are described in ./report-fields.ts.
import { z } from "zod";
import type { Period } from "./period.js";
import {
  COHORTS,
  groupCounts,
  REMOVAL_FIELDS,
  REPORT_FIELD_SPECS,
  REPORT_FIELDS,
  STORED_COUNT_FIELDS,
  type CohortField,
  type CountField,
  type RemovalField,
  type ReportGroup,
  type StoredCountField,
  type TextField,
} from "./report-fields.js";

export { COHORTS, REPORT_FIELDS, type CohortField, type CountField } from "./report-fields.js";

/**
 * Upper bounds per field (src/domain/report-fields.ts). A branch is tens to a few hundred members;
 * a figure above these is a typing slip, not a fact, and is refused with the bound named.
 */
export const COUNT_LIMITS = Object.fromEntries(
  REPORT_FIELD_SPECS.flatMap((s) => (s.kind === "text" ? [] : [[s.key, s.max]])),
) as Readonly<Record<CountField, number>>;

export const TEXT_LIMITS = Object.fromEntries(
  REPORT_FIELD_SPECS.flatMap((s) => (s.kind === "text" ? [[s.key, s.max]] : [])),
) as Readonly<Record<TextField, number>>;

/** What a report holds: its counts, and its texts (null when left empty). */
export type ReportFigures = { [K in StoredCountField]: number } & { [K in TextField]: string | null };

export interface ReportDraft extends ReportFigures {
  period: Period;
}

const count = (max: number) => z.number().int().min(0).max(max);
const optionalText = (max: number) => z.string().trim().min(1).max(max).nullable();

type FiguresShape = { [K in StoredCountField]: ReturnType<typeof count> } & { [K in TextField]: ReturnType<typeof optionalText> };
const figuresShape = Object.fromEntries(
  REPORT_FIELD_SPECS.flatMap((s) => (s.kind === "total" ? [] : [[s.key, s.kind === "text" ? optionalText(s.max) : count(s.max)]])),
) as FiguresShape;

const totals = REPORT_FIELD_SPECS.filter((s) => s.kind === "total");

/** The sum of a group's stored counts: what its total (admittedTotal, removedTotal) says. */
export function groupTotal(f: Pick<ReportFigures, StoredCountField>, group: ReportGroup): number {
  return groupCounts(group).reduce((sum, k) => sum + f[k], 0);
}

/** A reason is there exactly when one of its group's counts is above 0 (ReportFieldSpec.reasonFor). */
const reasons = REPORT_FIELD_SPECS.flatMap((s) => ("reasonFor" in s ? [{ key: s.key, of: groupCounts(s.reasonFor) }] : []));

/** True when one of `counts` is above 0: a reason for them is then asked and required. */
export function anyAbove0(f: Pick<ReportFigures, StoredCountField>, counts: readonly StoredCountField[]): boolean {
  return counts.some((k) => f[k] > 0);
}

export const reportFiguresSchema = reasons.reduce(
  (schema, r) => schema.refine((f) => anyAbove0(f, r.of) === (f[r.key] !== null), { path: [r.key] }),
  // Each group's total has its own bound, beside the bounds of the counts that add up to it.
  totals.reduce(
    (schema, total) => schema.refine((r) => groupTotal(r, total.group) <= total.max, { path: [total.key] }),
    z.object(figuresShape) as z.ZodType<z.infer<z.ZodObject<FiguresShape>>>,
  ),
);

/** Members who left the rolls in the month, every kind together (and the unsplit count of an older report). */
export function removedTotal(r: Pick<ReportFigures, RemovalField>): number {
  return REMOVAL_FIELDS.reduce((sum, k) => sum + r[k], 0);
}

export function admittedTotal(r: Pick<ReportFigures, CohortField>): number {
  return COHORTS.reduce((sum, c) => sum + r[c], 0);
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
  const texts = new Set<string>(Object.keys(TEXT_LIMITS));
  return Object.fromEntries(REPORT_FIELDS.map((k) => [k, texts.has(k) ? null : 0])) as ReportFigures;
}

/** Every stored count at 0: a digest row's figures without the texts. */
export function emptyCounts(): Record<StoredCountField, number> {
  return Object.fromEntries(STORED_COUNT_FIELDS.map((k) => [k, 0])) as Record<StoredCountField, number>;
}
