// What reviewers and secretaries read about an answer to a request under review: the
// card (each question with its answer, and what changed since the version before),
// the notices of a decision, and why a button pressed too late did nothing. The
// sentences are those of the review of reports (src/messages/review-card.ts).
import { InlineKeyboard } from "grammy";
import { formatEffectiveDue } from "../domain/request-deadline.js";
import { cohortsTotal, RequestStatus, type AnswerValue, type RequestQuestion } from "../domain/request.js";
import { requestButtonData } from "../domain/request-buttons.js";
import { changedQuestions, shortened, type AnswerUnderReview } from "../domain/request-review.js";
import { splitIntoMessages } from "../domain/text.js";
import { formatDateTime } from "../domain/time.js";
import type { Translate } from "../i18n.js";
import type { OutMessage } from "./out-message.js";
import { tooLateFor } from "./review-card.js";

/** A text answer on the card: its start, and how long it is (the card must stay readable; the export has it whole). */
const CARD_TEXT = 300;
/** A value in the list of changes, as in the report's diff. */
const DIFF_TEXT = 80;
/** A question's title on the card and in the diff: the outline's wording can be long. */
const TITLE = 120;

/** "bản trả lời của Chi bộ X cho yêu cầu "…" (phiên bản 2)", written to sit mid-sentence. */
export function answerTitle(t: Translate, a: AnswerUnderReview): string {
  return t("answer-review-title", { unit: a.unitName, request: shortened(a.requestTitle, TITLE), version: a.version });
}

const questionName = (q: RequestQuestion) => shortened(q.section ? `${q.section}. ${q.title}` : q.title, TITLE);

/** One answer as a reader sees it; `max`: how much of a text is shown. */
export function answerText(t: Translate, q: RequestQuestion, v: AnswerValue | undefined, max: number): string {
  if (v === undefined || v === "") return t("form-none");
  if (typeof v === "number") return t("answer-review-number", { value: v });
  if (typeof v === "string") {
    const text = v.replace(/\s+/g, " ").trim();
    const chars = [...text];
    return chars.length > max ? t("form-preview-cut", { start: chars.slice(0, max).join("").trimEnd(), length: chars.length }) : text;
  }
  if (Array.isArray(v)) return v.length === 0 ? t("form-none") : t("answer-review-files", { count: v.length });
  if ("choice" in v) return q.options?.[v.choice] ?? t("form-none");
  return t("answer-review-cohorts", { ...v, total: cohortsTotal(v) });
}

/** The diff of a resubmission, with the question titles as field names; "" for a first version. */
function changesLines(t: Translate, a: AnswerUnderReview): string[] {
  if (!a.previous) return [];
  const changed = changedQuestions(a.questions, a.previous, a.values);
  if (changed.length === 0) return [t("review-card-no-changes", { previous: a.version - 1 })];
  return [
    t("review-card-changes", { previous: a.version - 1 }),
    ...changed.map((q) => {
      const before = answerText(t, q, a.previous![q.id], DIFF_TEXT);
      let after = answerText(t, q, a.values[q.id], DIFF_TEXT);
      // Files swapped for as many others: the count alone would read as no change.
      if (before === after) after = t("answer-review-files-replaced", { files: after });
      return t("review-card-change-line", { field: questionName(q), before, after });
    }),
  ];
}

function dueLine(t: Translate, a: AnswerUnderReview): string {
  const due = formatEffectiveDue(a);
  return t(a.late ? "answer-review-due-late" : "answer-review-due-on-time", { due });
}

/** The card: one message, or several split between lines when the answers are long; the buttons under the last. */
export function answerCard(t: Translate, a: AnswerUnderReview, timeZone: string): { text: string; keyboard?: InlineKeyboard }[] {
  const lines = [t("review-card-head", { what: answerTitle(t, a), who: a.submittedBy, time: formatDateTime(a.submittedAt, timeZone) }), dueLine(t, a)];
  if (a.requestStatus === RequestStatus.CLOSED) lines.push(t("answer-review-request-closed"));
  const changes = changesLines(t, a);
  if (changes.length > 0) lines.push("", ...changes);
  lines.push("", t("answer-review-answers"));
  for (const q of a.questions) lines.push(t("answer-review-line", { question: questionName(q), answer: answerText(t, q, a.values[q.id], CARD_TEXT) }));
  const keyboard = new InlineKeyboard()
    .text(t("review-button-approve"), requestButtonData({ kind: "approve", answerId: a.answerId }))
    .text(t("review-button-return"), requestButtonData({ kind: "return", answerId: a.answerId }));
  const parts = splitIntoMessages(lines);
  return parts.map((text, i) => (i === parts.length - 1 ? { text, keyboard } : { text }));
}

export function answerApprovedNotice(t: Translate, a: AnswerUnderReview): OutMessage {
  return { text: t("review-approved-notice", { what: answerTitle(t, a), reviewer: a.reviewedBy ?? t("form-none") }) };
}

/** The return, with the reason; while the request is open, a button that opens the answer form again. */
export function answerReturnedNotice(t: Translate, a: AnswerUnderReview): OutMessage {
  const vars = { what: answerTitle(t, a), reviewer: a.reviewedBy ?? t("form-none"), reason: a.reviewNote ?? t("form-none") };
  if (a.requestStatus === RequestStatus.CLOSED) return { text: t("answer-review-returned-notice-closed", vars) };
  const keyboard = new InlineKeyboard().text(t("answer-review-button-fix"), requestButtonData({ kind: "answer", requestId: a.requestId, revision: a.requestRevision }));
  return { text: t("review-returned-notice", vars), keyboard };
}

/** Why a decision was not recorded: the answer was replaced, or decided already. */
export function answerTooLateText(t: Translate, a: AnswerUnderReview, viewerTelegramId: number, timeZone: string): string {
  return tooLateFor(t, answerTitle(t, a), a, viewerTelegramId, timeZone);
}

/** What the reviewer is told once the return is recorded; a closed request's branch cannot send again. */
export function answerReturnedDone(t: Translate, what: string, requestClosed: boolean, reason: string): string {
  return t(requestClosed ? "answer-review-returned-done-closed" : "review-returned-done", { what, reason });
}
