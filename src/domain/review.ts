// Review of reports and minutes by the committees above a branch: each version
// is approved or returned with a reason, and a resubmission is reviewed afresh.
import { cleanTypedText } from "./text.js";

export const ReviewState = { PENDING: "PENDING", APPROVED: "APPROVED", RETURNED: "RETURNED" } as const;
export type ReviewState = (typeof ReviewState)[keyof typeof ReviewState];

/**
 * What digests and exports call a record: a change made after its month was
 * closed stays "late-correction" until a reviewer approves it.
 */
export type ReviewLabel = "pending" | "approved" | "returned" | "late-correction";

export function reviewLabel(state: string, lateCorrection: boolean): ReviewLabel {
  if (state === ReviewState.APPROVED) return "approved";
  if (state === ReviewState.RETURNED) return "returned";
  return lateCorrection ? "late-correction" : "pending";
}

/** The kinds of record a committee reviews. */
export const RecordKind = { REPORT: "R", MEETING: "M" } as const;
export type RecordKind = (typeof RecordKind)[keyof typeof RecordKind];
/** One version of a report or minutes. */
export interface RecordRef {
  kind: RecordKind;
  id: number;
}

/** A reason typed by a reviewer (why it is returned) or a secretary (why a closed month changes). */
export const REASON_MIN = 3;
export const REASON_MAX = 500;
export type ReasonProblem = "empty" | "too-short" | "too-long";

/** A reason must say something: not blank, not a lone dot or dash, not an essay. */
export function checkReason(raw: string): { ok: true; reason: string } | { ok: false; problem: ReasonProblem } {
  // Control characters taken out as in every typed text (src/domain/text.ts): reasons go to the export.
  const reason = cleanTypedText(raw.replace(/\s+/g, " "));
  if (!/[\p{L}\p{N}]/u.test(reason)) return { ok: false, problem: "empty" };
  if ([...reason].length < REASON_MIN) return { ok: false, problem: "too-short" };
  if ([...reason].length > REASON_MAX) return { ok: false, problem: "too-long" };
  return { ok: true, reason };
}

export interface FieldChange<K extends string = string> {
  field: K;
  before: string | number | null;
  after: string | number | null;
}

/** The fields whose values differ between two versions, in the order `fields` gives. */
export function fieldChanges<K extends string>(
  fields: readonly K[],
  before: Record<K, string | number | null>,
  after: Record<K, string | number | null>,
): FieldChange<K>[] {
  return fields.filter((f) => (before[f] ?? null) !== (after[f] ?? null)).map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** Where one version of a reviewed record stands: the same for reports, minutes and answers to requests. */
export interface ReviewStanding {
  version: number;
  /** false once a newer version replaced it */
  current: boolean;
  state: ReviewState;
  reviewedBy: string | null;
  reviewedByTelegramId: number | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
}
