// Review of the answers to a request (/yeucau) by the committees above a branch, by the
// rules of the review of reports (src/domain/review.ts): what a version under review
// holds, which questions changed since the version before, and what the export says.
import { QuestionKind, type AnswerValue, type AnswerValues, type RequestQuestion, type RequestStatus } from "./request.js";
import { fieldChanges, reviewLabel, type ReviewLabel, type ReviewStanding } from "./review.js";

/** One version of one branch's answer, as its review card and notices read it. */
export interface AnswerUnderReview extends ReviewStanding {
  answerId: number;
  requestId: number;
  requestTitle: string;
  requestStatus: RequestStatus;
  /** The request's revision now: the answer form opened from a notice answers this one */
  requestRevision: number;
  dueOn: string;
  dueTime: string | null;
  questions: RequestQuestion[];
  unitId: number;
  unitName: string;
  /** Sent after the request's due date */
  late: boolean;
  submittedBy: string;
  submittedByTelegramId: number;
  submittedAt: Date;
  values: AnswerValues;
  /** The version before, on a resubmission; null for a first answer */
  previous: AnswerValues | null;
}

/**
 * One value to compare an answer by: two files are the same file by Telegram's unique id
 * (a file sent again has a new file_id), a number per cohort by its four numbers.
 */
function comparable(q: RequestQuestion, v: AnswerValue | undefined): string | null {
  if (v === undefined) return null;
  if (q.kind === QuestionKind.FILES && Array.isArray(v)) return v.map((f) => f.fileUniqueId).join("|");
  if (q.kind === QuestionKind.COHORTS && typeof v === "object" && !Array.isArray(v) && "teachers" in v) {
    return [v.teachers, v.pupils, v.students, v.other].join("|");
  }
  return JSON.stringify(v);
}

/** The questions whose answers differ between two versions, in the request's order (the diff of a resubmission). */
export function changedQuestions(questions: readonly RequestQuestion[], before: AnswerValues, after: AnswerValues): RequestQuestion[] {
  const ids = questions.map((q) => q.id);
  const keyed = (values: AnswerValues) => Object.fromEntries(questions.map((q) => [q.id, comparable(q, values[q.id])])) as Record<string, string | null>;
  const changed = new Set(fieldChanges(ids, keyed(before), keyed(after)).map((c) => c.field));
  return questions.filter((q) => changed.has(q.id));
}

/**
 * What the export says of a branch's current answer: approved, waiting for review or returned.
 * An answer has no closed month to be corrected after, so never "late-correction".
 */
export type AnswerReviewLabel = Exclude<ReviewLabel, "late-correction">;

export function answerReviewLabel(reviewState: string): AnswerReviewLabel {
  return reviewLabel(reviewState, false) as AnswerReviewLabel;
}

/** A text cut to `max` characters (whole code points, so no diacritic or emoji is split), with "…" when cut. */
export function shortened(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length > max ? `${chars.slice(0, max - 1).join("").trimEnd()}…` : chars.join("");
}
