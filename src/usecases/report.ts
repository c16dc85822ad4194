// Filing the monthly report: what the form shows of a month before asking, and the
// sending itself (the rights again, the month's closing, the late flag, the version,
// the review cards and the digest rows owed a refresh, in one transaction).
import { filingRefusalByRoles, type Refusal } from "../domain/access.js";
import { needsCorrectionReason } from "../domain/closing.js";
import type { DueSetting } from "../domain/deadline.js";
import { todayIn } from "../domain/meeting.js";
import { isLate, type Period } from "../domain/period.js";
import { reportFiguresSchema, type ReportFigures } from "../domain/report.js";
import { RecordKind } from "../domain/review.js";
import type { Role } from "../domain/roles.js";
import { reviewCardStatements } from "../outbox/review-notices.js";
import { currentReport, type StoredReport } from "../store/reports.js";
import { readReportMonth } from "../store/report-month.js";
import { dueRuleFor } from "../store/deadlines.js";
import { fileReportVersion, type FilingDecision } from "../store/report-filing.js";
import type { UseCaseDeps } from "./deps.js";

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
  /**
   * Why a closed month's report changes: the version is then a correction after closing (ignored for a first
   * version). Null: none asked yet; an amendment of a closed month then comes back "reason-needed".
   */
  correctionReason: string | null;
}

/** What the form renders; plain JSON (`at` an ISO time). */
export type FiledReport = (
  | { status: "ok"; version: number }
  /** Someone else sent a version since the form read the month: `current` is it. */
  | { status: "conflict"; current: StoredReport }
  /** The sender may no longer file for the branch: nothing stored. */
  | { status: "refused"; why: Refusal }
  /** The month is closed (maybe since the form opened) and this amends it: nothing stored until a reason is given. */
  | { status: "reason-needed" }
) & { at: string; late: boolean };

/**
 * Sends the version. The rights, the month's closing and the current version are asked in the
 * transaction that stores it, and only there: asked before as well, they would only keep the
 * receipt waiting for the same answers.
 */
export async function fileReport(deps: UseCaseDeps, input: ReportToFile): Promise<FiledReport> {
  const at = deps.clock();
  const timeZone = deps.config.TZ;
  const late = isLate(input.period, at, input.due, timeZone);
  const figures = reportFiguresSchema.parse(input.figures);
  const key = { unitId: input.unitId, year: input.period.year, month: input.period.month };
  const version = { ...key, telegramId: input.telegramId, userId: input.userId, today: todayIn(at, timeZone), figures, late, now: at };
  const written = await fileReportVersion(deps.db, version, (facts): FilingDecision<Refusal> => {
    const why = filingRefusalByRoles(facts.roles as Role[], facts.delegated);
    if (why !== undefined) return { status: "refused", why };
    if (facts.current !== input.baseVersion) return { status: "conflict" };
    if (needsCorrectionReason(facts.closed, facts.current) && !input.correctionReason) return { status: "reason-needed" };
    // Only an amendment is a correction: a first version of a closed month is a late report (needsCorrectionReason).
    return {
      status: "write",
      correctionReason: facts.current > 0 ? input.correctionReason : null,
      // The cards in the same transaction: a version is never without them, nor queued twice.
      alongside: (driver, id) => reviewCardStatements(driver, { kind: RecordKind.REPORT, id, unitId: input.unitId }, facts.reviewers, at),
    };
  });
  // After the update, so after the receipt: the owed digest rows, then the review cards.
  if (written.status === "ok") deps.outbox.kick();
  const result = written.status === "conflict" ? { status: "conflict" as const, current: (await currentReport(deps.db, input.unitId, input.period))! } : written;
  return { ...result, at: at.toISOString(), late };
}
