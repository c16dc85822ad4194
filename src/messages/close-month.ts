// What /khoaso and /mokhoa answer for one unit: closed, refused before the deadline or with the
// branches still to approve, already closed; reopened (with the units below reopened with it), or why not.
import type { BranchRef, Unapproved } from "../domain/closing.js";
import { ReviewState } from "../domain/review.js";
import { splitIntoMessages } from "../domain/text.js";
import { formatDate, formatDateTime } from "../domain/time.js";
import type { Translate } from "../i18n.js";

/** A lock as these texts name it: the unit it was put on, and when. */
interface Lock {
  unitName: string;
  unitCode: string;
  closedAt: Date;
}

/** What closing a month for a unit came to (src/store/locks.ts closeMonth). */
export type CloseOutcome =
  | { status: "closed"; branches: number; approved: number; missing: BranchRef[] }
  | { status: "too-early"; deadline: Date; opensAt: Date }
  | { status: "unapproved"; unapproved: Unapproved[]; missing: BranchRef[] }
  | { status: "already-closed"; lock: Lock };

/** What reopening it came to (src/store/locks.ts reopenMonth). */
export type ReopenOutcome =
  | { status: "reopened"; below: { code: string; name: string }[] }
  | { status: "closed-above"; lock: Lock }
  | { status: "not-closed" };

interface Asked {
  /** The month as written ("10/2026"). */
  month: string;
  unit: { code: string; name: string };
  timeZone: string;
}

function missingLines(t: Translate, missing: BranchRef[]): string[] {
  if (missing.length === 0) return [];
  return [t("close-missing-title", { count: missing.length }), ...missing.map((b) => t("close-branch-line", { code: b.code, name: b.name }))];
}

export function closeMonthMessages(t: Translate, r: CloseOutcome, a: Asked): string[] {
  const { month, unit } = a;
  let lines: string[];
  if (r.status === "too-early") {
    lines = [t("close-too-early", { period: month, deadline: formatDate(r.deadline, a.timeZone), opens: formatDate(r.opensAt, a.timeZone) })];
  } else if (r.status === "already-closed") {
    lines = [t("close-already", { period: month, unit: r.lock.unitName, time: formatDateTime(r.lock.closedAt, a.timeZone) })];
  } else if (r.status === "unapproved") {
    lines = [t("close-refused", { period: month, unit: unit.name, count: r.unapproved.length })];
    for (const b of r.unapproved) {
      const state = t(b.state === ReviewState.RETURNED ? "close-state-returned" : "close-state-pending");
      lines.push(t("close-unapproved-line", { code: b.code, name: b.name, state }));
    }
    lines.push(...missingLines(t, r.missing), t("close-refused-hint", { command: `/khoaso ${month} ${unit.code}` }));
  } else {
    lines = [t("close-done", { period: month, unit: unit.name, approved: r.approved, branches: r.branches }), ...missingLines(t, r.missing)];
  }
  return splitIntoMessages(lines);
}

export function reopenMonthMessages(t: Translate, r: ReopenOutcome, a: Asked): string[] {
  const { month, unit } = a;
  if (r.status === "not-closed") return [t("reopen-not-closed", { period: month, unit: unit.name })];
  if (r.status === "closed-above") {
    const time = formatDateTime(r.lock.closedAt, a.timeZone);
    return [t("reopen-closed-above", { period: month, unit: unit.name, above: r.lock.unitName, time, command: `/mokhoa ${month} ${r.lock.unitCode}` })];
  }
  const lines = [t("reopen-done", { period: month, unit: unit.name })];
  if (r.below.length > 0) lines.push(t("reopen-below-title", { count: r.below.length }), ...r.below.map((b) => t("close-branch-line", b)));
  return splitIntoMessages(lines);
}
