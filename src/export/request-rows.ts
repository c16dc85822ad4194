// What both files of a request are made from: its questions and one row per branch it went to.
import { formatEffectiveDue } from "../domain/request-deadline.js";
import { cohortsTotal, QuestionKind, REQUEST_COHORTS, type AnswerValue, type Cohorts, type RequestFile, type RequestQuestion } from "../domain/request.js";

export interface RequestExportAnswer {
  values: Record<string, AnswerValue>;
  by: string;
  at: Date;
  version: number;
  late: boolean;
  reviewState: string;
}

export interface RequestExportRow {
  code: string;
  name: string;
  /** null: the branch has not answered */
  answer: RequestExportAnswer | null;
}

export interface RequestExportInput {
  /** The unit it was sent from: the draft's title block names it */
  committee: string;
  title: string;
  dueOn: string;
  dueTime: string | null;
  questions: RequestQuestion[];
  /** In the order the files show them (by branch code) */
  rows: RequestExportRow[];
}

/** The day answers were really due (moved off a holiday, src/domain/request-deadline.ts), as the messages give it. */
export const dueText = (r: Pick<RequestExportInput, "dueOn" | "dueTime">): string => formatEffectiveDue(r);

/** The section's heading: "II.3. Title", or the title alone. */
export const questionHeading = (q: RequestQuestion): string => (q.section ? `${q.section}. ${q.title}` : q.title);

/** A value read for its question's kind; a value of another shape (an older revision's) reads as none. */
export function cohortsOf(v: AnswerValue | undefined): Cohorts | undefined {
  return v !== undefined && typeof v === "object" && !Array.isArray(v) && "teachers" in v ? v : undefined;
}
export const numberOf = (v: AnswerValue | undefined): number | undefined => (typeof v === "number" ? v : undefined);
export const filesOf = (v: AnswerValue | undefined): RequestFile[] | undefined => (Array.isArray(v) ? v : undefined);

/** A text, choice or file answer as words (files by their names). */
export function answerText(q: RequestQuestion, v: AnswerValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === "string") return v;
  if (q.kind === QuestionKind.CHOICE && typeof v === "object" && "choice" in v) return q.options?.[v.choice];
  const files = filesOf(v);
  if (files) return files.map((f, i) => f.fileName ?? `${i + 1}`).join("; ");
  return undefined;
}

/** Sums of a COHORTS question over the answered rows, cohort by cohort and overall. */
export function cohortTotals(q: RequestQuestion, rows: readonly RequestExportRow[]): Cohorts & { total: number } {
  const sum = { teachers: 0, pupils: 0, students: 0, other: 0, total: 0 };
  for (const r of rows) {
    const c = cohortsOf(r.answer?.values[q.id]);
    if (!c) continue;
    for (const k of REQUEST_COHORTS) sum[k] += c[k];
    sum.total += cohortsTotal(c);
  }
  return sum;
}
