// Filing the monthly report: what the form shows of a month before asking, and the
// sending itself (the rights again, the late flag, the version, the review cards
// and the digest rows owed a refresh, in one transaction).
import type { Refusal } from "../domain/access.js";
import type { DueSetting } from "../domain/deadline.js";
import { isLate, type Period } from "../domain/period.js";
import { reportFiguresSchema, type ReportFigures } from "../domain/report.js";
import { RecordKind } from "../domain/review.js";
import { createReport, currentReport, reportVersions, type StoredReport } from "../store/reports.js";
import { readMonthClosed, readReportMonth } from "../store/report-month.js";
import { queueReviewCards } from "../outbox/review-notices.js";
import { dueRuleFor } from "../store/deadlines.js";
import { oweDigestRefresh } from "../store/digest-refresh.js";
import { writeNextVersion } from "../store/versioning.js";
import type { UseCaseDeps } from "./deps.js";
import { refusalInTransaction } from "./filing.js";

/** The deadline the branch answers to: its subtree's own (/caidat <mã> han …), or the tree's. */
export async function reportDueRule(deps: UseCaseDeps, unitId: number): Promise<DueSetting> {
  return dueRuleFor(deps.db, unitId);
}

/** What the form knows of a month before asking (plain JSON, kept in the form's log). */
export interface ReportMonth {
  /** The version being amended, if any. */
  existing: StoredReport | null;
  /** The latest earlier month's report: its carried-over figures are offered. */
  previous: StoredReport | null;
  /** Closed (/khoaso): a change needs a typed reason and goes back to review. */
  closed: boolean;
}

/** In one statement (src/store/report-month.ts): the form reads it as it opens on a month. */
export async function reportMonth(deps: UseCaseDeps, unitId: number, period: Period): Promise<ReportMonth> {
  return readReportMonth(deps.db, unitId, period);
}

/** Asked again at send: the month may have been closed while the form was open. */
export function monthClosed(deps: UseCaseDeps, unitId: number, period: Period): Promise<boolean> {
  return readMonthClosed(deps.db, unitId, period);
}

export interface ReportToFile {
  /** The sender, by Telegram id (their rights) and User.id (the version's author). */
  telegramId: number;
  userId: number;
  unitId: number;
  period: Period;
  figures: ReportFigures;
  /** The version the sender was looking at (0 for none): if another came since, nothing is stored. */
  baseVersion: number;
  /** The branch's deadline the form opened with (a bare day: one of the following month, from a form begun before rules). */
  due: DueSetting;
  /** Why a closed month's report changes: the version is then a correction after closing (ignored for a first version). */
  correctionReason: string | null;
}

/** What the form renders; plain JSON (`at` an ISO time). */
export type FiledReport = (
  | { status: "ok"; version: number }
  /** Someone else sent a version since the form read the month: `current` is it. */
  | { status: "conflict"; current: StoredReport }
  /** The sender may no longer file for the branch: nothing stored. */
  | { status: "refused"; why: Refusal }
) & { at: string; late: boolean };

export async function fileReport(deps: UseCaseDeps, input: ReportToFile): Promise<FiledReport> {
  const at = deps.clock();
  const timeZone = deps.config.TZ;
  const late = isLate(input.period, at, input.due, timeZone);
  const figures = reportFiguresSchema.parse(input.figures);
  const key = { unitId: input.unitId, year: input.period.year, month: input.period.month };
  const written = await writeNextVersion(deps.db, input.baseVersion, {
    refusal: (tx) => refusalInTransaction(tx, input.telegramId, input.unitId, at, timeZone),
    ...reportVersions(key, at),
    create: async (tx, version) => {
      // Only an amendment is a correction: a first version of a closed month is a late report (needsCorrectionReason).
      const correctionReason = version > 1 ? input.correctionReason : null;
      const id = await createReport(tx, { ...key, version, figures, late, userId: input.userId, now: at, correctionReason });
      await queueReviewCards(tx, { kind: RecordKind.REPORT, id, unitId: input.unitId }, at);
      // Owed, not done here: paid right after the receipt (src/store/digest-refresh.ts).
      await oweDigestRefresh(tx, input.unitId, input.period.year, at);
    },
  });
  // After the update, so after the receipt: the owed digest rows, then the review cards.
  if (written.status === "ok") deps.outbox.kick();
  const result = written.status === "conflict" ? { status: "conflict" as const, current: (await currentReport(deps.db, input.unitId, input.period))! } : written;
  return { ...result, at: at.toISOString(), late };
}
