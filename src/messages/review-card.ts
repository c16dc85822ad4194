// What reviewers and secretaries read about a version under review: the card
// with its approve/return buttons, the notice of a return, and why a button
// pressed too late did nothing.
import { InlineKeyboard } from "grammy";
import { formatIsoDate, type MeetingDraft } from "../domain/meeting.js";
import { formatPeriod, type Period } from "../domain/period.js";
import type { ReportFigures } from "../domain/report.js";
import { MEETING_FIELDS, meetingField, type MeetingField } from "../domain/meeting-fields.js";
import { REPORT_FIELDS, reportField } from "../domain/report-fields.js";
import { fieldChanges, RecordKind, ReviewState, type FieldChange } from "../domain/review.js";
import { formatDateTime } from "../domain/time.js";
import type { Translate } from "../i18n.js";
import { meetingSummary, meetingValue } from "./meeting-summary.js";
import { summaryText } from "./report-summary.js";

/**
 * What these texts read of a version under review: the shape src/store/review.ts loads
 * (ReviewRecord), written here so that presentation depends on no store.
 */
export type VersionUnderReview = {
  ref: { kind: RecordKind; id: number };
  unitName: string;
  version: number;
  /** false once a newer version replaced it */
  current: boolean;
  state: ReviewState;
  reviewedBy: string | null;
  reviewedByTelegramId: number | null;
  reviewedAt: Date | null;
  reviewNote: string | null;
  lateCorrection: boolean;
  correctionReason: string | null;
  submittedBy: string;
  submittedAt: Date;
} & (
  | { kind: typeof RecordKind.REPORT; period: Period; figures: ReportFigures; previous: ReportFigures | null }
  | { kind: typeof RecordKind.MEETING; draft: MeetingDraft; previous: MeetingDraft | null }
);

const REPORT_DIFF_FIELDS = REPORT_FIELDS;

const MEETING_DIFF_FIELDS = MEETING_FIELDS;

/** Long texts are shown by their start only: the card must stay one Telegram message. */
const SHOWN_TEXT = 80;

/** Callback data of the card's buttons: rv:<a|r>:<R|M>:<id>. */
export const reviewCallback = (action: "a" | "r", r: { kind: RecordKind; id: number }) => `rv:${action}:${r.kind}:${r.id}`;
export const REVIEW_CALLBACK = /^rv:([ar]):([RM]):(\d+)$/;
/** The button under a returned minutes' notice: opens /bienban on that meeting. */
export const MEETING_FIX_CALLBACK = /^mfix:(\d+)$/;

/** "báo cáo tháng 10/2026 của Chi bộ X (phiên bản 2)" */
export function recordTitle(t: Translate, r: VersionUnderReview): string {
  return r.kind === RecordKind.REPORT
    ? t("review-title-report", { period: formatPeriod(r.period), unit: r.unitName, version: r.version })
    : t("review-title-meeting", {
        kind: t(`meeting-kind-${r.draft.kind}`).toLowerCase(),
        date: formatIsoDate(r.draft.heldOn),
        unit: r.unitName,
        version: r.version,
      });
}

function shown(t: Translate, v: string | number | null): string {
  if (v === null || v === "") return t("form-none");
  const s = String(v);
  return s.length > SHOWN_TEXT ? `${s.slice(0, SHOWN_TEXT)}…` : s;
}

function meetingValues(t: Translate, d: MeetingDraft): Record<MeetingField, string | number | null> {
  return Object.fromEntries(MEETING_DIFF_FIELDS.map((k) => [k, meetingValue(t, meetingField(k), d)])) as Record<MeetingField, string | number | null>;
}

/** Each changed field with the locale key of its name (`diff` in src/domain/report-fields.ts, meeting-fields.ts); null for a first version. */
function changedFields(t: Translate, r: VersionUnderReview): (FieldChange & { label: string })[] | null {
  if (r.kind === RecordKind.REPORT) {
    return r.previous && fieldChanges(REPORT_DIFF_FIELDS, r.previous, r.figures).map((c) => ({ ...c, label: reportField(c.field).diff }));
  }
  return r.previous && fieldChanges(MEETING_DIFF_FIELDS, meetingValues(t, r.previous), meetingValues(t, r.draft)).map((c) => ({ ...c, label: meetingField(c.field).diff }));
}

function changesText(t: Translate, r: VersionUnderReview): string {
  const changes = changedFields(t, r);
  if (!changes) return "";
  if (changes.length === 0) return t("review-card-no-changes", { previous: r.version - 1 });
  return [
    t("review-card-changes", { previous: r.version - 1 }),
    ...changes.map((c) => t("review-card-change-line", { field: t(c.label), before: shown(t, c.before), after: shown(t, c.after) })),
  ].join("\n");
}

export function reviewCard(t: Translate, r: VersionUnderReview, timeZone: string): { text: string; keyboard: InlineKeyboard } {
  const parts = [t("review-card-head", { what: recordTitle(t, r), who: r.submittedBy, time: formatDateTime(r.submittedAt, timeZone) })];
  if (r.lateCorrection) parts.push(t("review-card-correction", { reason: r.correctionReason ?? t("form-none") }));
  const changes = changesText(t, r);
  if (changes) parts.push(changes);
  parts.push(r.kind === RecordKind.REPORT ? summaryText(t, r.unitName, r.period, r.figures) : meetingSummary(t, r.unitName, r.draft));
  return {
    text: parts.join("\n\n"),
    keyboard: new InlineKeyboard().text(t("review-button-approve"), reviewCallback("a", r.ref)).text(t("review-button-return"), reviewCallback("r", r.ref)),
  };
}

export function returnNotice(t: Translate, r: VersionUnderReview): { text: string; keyboard: InlineKeyboard } {
  const text = t("review-returned-notice", { what: recordTitle(t, r), reviewer: r.reviewedBy ?? t("form-none"), reason: r.reviewNote ?? t("form-none") });
  const keyboard =
    r.kind === RecordKind.REPORT
      ? new InlineKeyboard().text(t("review-button-fix-report"), `report:${r.period.year}-${r.period.month}`)
      : new InlineKeyboard().text(t("review-button-fix-meeting"), `mfix:${r.ref.id}`);
  return { text, keyboard };
}

export function approvedNotice(t: Translate, r: VersionUnderReview): { text: string } {
  return { text: t("review-approved-notice", { what: recordTitle(t, r), reviewer: r.reviewedBy ?? t("form-none") }) };
}

/**
 * Why a decision was not recorded: the version was replaced, or it was decided
 * already (by this reviewer or another).
 */
export function tooLateText(t: Translate, r: VersionUnderReview, viewerTelegramId: number, timeZone: string): string {
  return tooLateFor(t, recordTitle(t, r), r, viewerTelegramId, timeZone);
}

/** How a decision stands on any version reviewed (a report, minutes, an answer to a request). */
export interface DecidedVersion {
  current: boolean;
  state: ReviewState;
  reviewedBy: string | null;
  reviewedByTelegramId: number | null;
  reviewedAt: Date | null;
}

/** tooLateText for a version of any kind, named by `what` (a title written to sit mid-sentence). */
export function tooLateFor(t: Translate, what: string, r: DecidedVersion, viewerTelegramId: number, timeZone: string): string {
  return sentence(whyTooLate(t, what, r, viewerTelegramId, timeZone));
}

/** These messages open with the record's title, which is written to sit mid-sentence. */
const sentence = (text: string) => text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);

function whyTooLate(t: Translate, what: string, r: DecidedVersion, viewerTelegramId: number, timeZone: string): string {
  if (!r.current) return t("review-superseded", { what });
  const decided = r.state === ReviewState.APPROVED ? "approved" : "returned";
  const vars = { what, who: r.reviewedBy ?? t("form-none"), time: r.reviewedAt ? formatDateTime(r.reviewedAt, timeZone) : "" };
  return r.reviewedByTelegramId === viewerTelegramId ? t(`review-already-mine-${decided}`, vars) : t(`review-already-${decided}`, vars);
}
