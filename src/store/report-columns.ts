// The columns of "Report" that hold a report's fields, as Prisma selects, from the one list of
// fields (src/domain/report-fields.ts): a field added there is read everywhere these are used.
import { COHORTS, REPORT_FIELDS, STORED_COUNT_FIELDS, type CohortField, type ReportField, type StoredCountField } from "../domain/report-fields.js";

const select = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, true])) as { [P in K]: true };

/** Every field of a report: forms, review cards and exports read these. */
export const FIGURE_FIELDS = select<ReportField>(REPORT_FIELDS);

/** The admissions by cohort only (/tiendo). */
export const COHORT_FIELDS = select<CohortField>(COHORTS);

/** What the digest arithmetic reads of a version: the counts, never the free texts. */
export const REPORT_COUNTS = {
  unitId: true,
  year: true,
  month: true,
  late: true,
  reviewState: true,
  lateCorrection: true,
  ...select<StoredCountField>(STORED_COUNT_FIELDS),
} as const;
