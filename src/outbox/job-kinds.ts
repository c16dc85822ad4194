// Every kind of job the outbox carries, and what its JobRun and Delivery
// payloads hold. Occasions are planned by the scheduler (src/domain/schedule.ts
// says when); record notices are queued with the record or decision they are
// about; a form notice with the end of a form Telegram did not take; a menu when
// a person's roles change (src/outbox/menus.ts).
import type { DueRule } from "../domain/deadline.js";
import type { Period } from "../domain/period.js";
import type { RecordRef } from "../domain/review.js";
import type { OccasionKind } from "../domain/schedule.js";

export const JobKind = {
  REMINDER: "reminder",
  LATE_LIST: "late-list",
  DIGEST: "digest",
  REVIEW: "review",
  RETURNED: "returned",
  APPROVED: "approved",
  FORM_NOTICE: "form-notice",
  MENU: "menu",
  /** An answer to a request (/yeucau) to review, and the decisions on it (src/outbox/answer-review.ts) */
  ANSWER_REVIEW: "answer-review",
  ANSWER_APPROVED: "answer-approved",
  ANSWER_RETURNED: "answer-returned",
  /** A request for figures (/yeucau), one revision of it, to the branches' people on duty */
  REQUEST: "request",
  /** The missing branches of a request reminded by hand from its status view (/yeucau), once a day at most */
  REQUEST_REMINDER: "request-reminder",
  /** A request's reminder to the branches that have not answered, and its late list (src/domain/request-schedule.ts) */
  REQUEST_DUE_REMINDER: "request-due-reminder",
  REQUEST_LATE_LIST: "request-late-list",
} as const;
export type JobKind = (typeof JobKind)[keyof typeof JobKind];

/** The scheduled occasions, named as the domain names them. */
export const OCCASION_KINDS = [JobKind.REMINDER, JobKind.LATE_LIST, JobKind.DIGEST] as const satisfies readonly OccasionKind[];
export const isOccasionKind = (kind: string): kind is OccasionKind => (OCCASION_KINDS as readonly string[]).includes(kind);

/** An occasion's JobRun payload; `skipped` when it was decided not to send it. */
export interface OccasionJobPayload {
  period: Period;
  /** A reminder's or late list's deadline (its branches'); absent in rows planned before subtree deadlines: the tree's. */
  due?: DueRule;
  skipped?: { reason: string; by?: string };
}
/** A reminder's Delivery payload: the branches its recipient files for. */
export interface ReminderPayload {
  unitIds: number[];
}
/** A late list's or digest's Delivery payload: the unit the group follows. */
export interface GroupPayload {
  unitId: number;
}
/** A review card's or decision notice's JobRun payload. */
export interface RecordJobPayload {
  record: RecordRef;
}
/** An answer review card's or its decision notice's JobRun payload: the answer version. */
export interface AnswerJobPayload {
  answerId: number;
}
/** A form notice's JobRun payload: the text, written when the form ended (what it says stays true). */
export interface NoticeJobPayload {
  text: string;
}

/** A menu's JobRun payload: whose private chat it is (a string: JSON has no bigint). */
export interface MenuJobPayload {
  telegramId: string;
}

/** A request reminder's JobRun payload; its Delivery payload is a ReminderPayload (the branches the chat answers for). */
export interface RequestReminderJobPayload {
  requestId: number;
  /** The day it was asked (YYYY-MM-DD): one reminder a day, by the occasion's key */
  day: string;
}

/** A request occasion's JobRun payload; `skipped` when it was decided not to send it. */
export interface RequestOccasionJobPayload {
  requestId: number;
  daysBefore?: number;
  skipped?: { reason: string; by?: string };
}

/** A job as the sender and the still-worth-sending check read it (payload still JSON). */
export interface JobRef {
  occasion: string;
  kind: string;
  dueAt: Date;
  payload: string;
}

/** A request delivery's JobRun payload: the request and the revision this occasion sends. */
export interface RequestJobPayload {
  requestId: number;
  revision: number;
}
/** A request delivery's Delivery payload: the recipient's branches among the request's targets. */
export interface RequestDeliveryPayload {
  unitIds: number[];
}
