// A request for figures by a date (/yeucau): what it asks and what an answer holds, and
// the one reading of both from the database (stored as JSON, checked again on the way
// out: a row written by an older version, or by hand, never reaches the bot unread).
import { z } from "zod";

export const RequestStatus = { OPEN: "OPEN", CLOSED: "CLOSED" } as const;
export type RequestStatus = (typeof RequestStatus)[keyof typeof RequestStatus];

/** The six kinds of question a request can ask. */
export const QuestionKind = {
  NUMBER: "NUMBER",
  /** A number per cohort: giáo viên, giảng viên; học sinh, sinh viên, khác */
  COHORTS: "COHORTS",
  SHORT_TEXT: "SHORT_TEXT",
  LONG_TEXT: "LONG_TEXT",
  /** Photos, PDF or Word files */
  FILES: "FILES",
  CHOICE: "CHOICE",
} as const;
export type QuestionKind = (typeof QuestionKind)[keyof typeof QuestionKind];
export const QUESTION_KINDS: readonly QuestionKind[] = Object.values(QuestionKind);

/** The cohorts of a COHORTS answer, in the order they are asked and shown. */
export const REQUEST_COHORTS = ["teachers", "pupils", "students", "other"] as const;
export type RequestCohort = (typeof REQUEST_COHORTS)[number];
export type Cohorts = Record<RequestCohort, number>;

/**
 * Figures a branch's answer can start from, worked out from what it already reported
 * (src/usecases, from its monthly reports since the request's prefillFromYear).
 */
export const PrefillKey = {
  /** kết nạp theo đối tượng từ năm …: the admitted of every month since January of prefillFromYear */
  ADMITTED_SINCE: "ADMITTED_SINCE",
  /** quần chúng ưu tú hiện có theo đối tượng: the latest report's candidates, as the total to split */
  CANDIDATES_NOW: "CANDIDATES_NOW",
  /** số đảng viên hiện có: the latest minutes' members on the roll */
  MEMBERS_NOW: "MEMBERS_NOW",
} as const;
export type PrefillKey = (typeof PrefillKey)[keyof typeof PrefillKey];

export const REQUEST_LIMITS = {
  title: 200,
  questionTitle: 300,
  questions: 20,
  shortText: 300,
  longText: 4000,
  options: 10,
  optionText: 100,
  number: 1_000_000,
  files: 10,
} as const;

const questionShape = z.object({
  /** Stable within a request (q1, q2, …): answers are keyed by it, so reordering loses nothing */
  id: z.string().regex(/^q\d{1,3}$/),
  kind: z.enum(QUESTION_KINDS as [QuestionKind, ...QuestionKind[]]),
  title: z.string().trim().min(1).max(REQUEST_LIMITS.questionTitle),
  /** The outline's number (I.1, II.3, …), shown before the title and heading the draft's section */
  section: z.string().max(20).optional(),
  /** CHOICE only: two or more */
  options: z.array(z.string().trim().min(1).max(REQUEST_LIMITS.optionText)).min(2).max(REQUEST_LIMITS.options).optional(),
  prefill: z.enum(Object.values(PrefillKey) as [PrefillKey, ...PrefillKey[]]).optional(),
});
export type RequestQuestion = z.infer<typeof questionShape>;

const questionsShape = z
  .array(questionShape)
  .min(1)
  .max(REQUEST_LIMITS.questions)
  .refine((qs) => qs.every((q) => (q.kind === QuestionKind.CHOICE) === (q.options !== undefined)), "options exactly on a choice");

const count = z.number().int().min(0).max(REQUEST_LIMITS.number);
const cohortsShape = z.object({ teachers: count, pupils: count, students: count, other: count });
const fileShape = z.object({
  kind: z.enum(["PHOTO", "PDF", "DOCX"]),
  fileId: z.string().min(1),
  fileUniqueId: z.string().min(1),
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
});
export type RequestFile = z.infer<typeof fileShape>;

/** What an answer to one question holds, by the question's kind. */
export type AnswerValue = number | Cohorts | string | RequestFile[] | { choice: number };
export type AnswerValues = Record<string, AnswerValue>;

const answerValueShape = z.union([count, cohortsShape, z.string().max(REQUEST_LIMITS.longText), z.array(fileShape).max(REQUEST_LIMITS.files), z.object({ choice: z.number().int().min(0) })]);
const answersShape = z.record(z.string(), answerValueShape);

/** The questions of a stored request; throws on a row that does not hold them. */
export function readQuestions(json: string): RequestQuestion[] {
  return questionsShape.parse(JSON.parse(json));
}

/** The values of a stored answer; throws on a row that does not hold them. */
export function readAnswerValues(json: string): AnswerValues {
  return answersShape.parse(JSON.parse(json)) as AnswerValues;
}

export const cohortsTotal = (c: Cohorts): number => REQUEST_COHORTS.reduce((s, k) => s + c[k], 0);

