// Closing a month: once its deadline has passed and every report of a subtree is
// approved, its figures are final and a later change needs a reason and a fresh review.
import type { DueSetting } from "./deadline.js";
import { comparePeriods, deadlineOf, periodOf, type Period } from "./period.js";
import { ReviewState } from "./review.js";

export interface BranchRef {
  id: number;
  code: string;
  name: string;
}

export type Unapproved = BranchRef & { state: Exclude<ReviewState, "APPROVED"> };

export interface ClosingCheck {
  /** Branches whose current report still waits for review or was returned: they block closing. */
  unapproved: Unapproved[];
  /** Branches with no report for the month: nothing to approve, so they do not block; the reply names them. */
  missing: BranchRef[];
  approved: number;
}

/** `states`: the review state of each branch's current report, by branch id. */
export function checkClosing(branches: BranchRef[], states: Map<number, string>): ClosingCheck {
  const out: ClosingCheck = { unapproved: [], missing: [], approved: 0 };
  for (const b of branches) {
    const state = states.get(b.id);
    if (state === undefined) out.missing.push(b);
    else if (state === ReviewState.APPROVED) out.approved++;
    else out.unapproved.push({ ...b, state: state === ReviewState.RETURNED ? ReviewState.RETURNED : ReviewState.PENDING });
  }
  return out;
}

/**
 * Whether the month is over: a month still running, or one to come, cannot have
 * been closed (/mokhoa says so).
 */
export function monthIsOver(p: Period, now: Date, timeZone: string): boolean {
  return comparePeriods(p, periodOf(now, timeZone)) < 0;
}

/**
 * The first instant a month can be closed (/khoaso): once its deadline has passed. Until then a
 * branch may still send its report on time, and closing would turn that on-time report into a
 * late one, or a first report into a correction.
 */
export function closingOpensAt(p: Period, due: DueSetting, timeZone: string): Date {
  return new Date(deadlineOf(p, due, timeZone).getTime() + 1);
}

export function closingIsOpen(p: Period, now: Date, due: DueSetting, timeZone: string): boolean {
  return now.getTime() >= closingOpensAt(p, due, timeZone).getTime();
}

/**
 * Of the deadlines in force in a subtree (its branches' own, /caidat <mã> han …), the one that
 * passes last for `p`: a month is closed for the subtree only once every branch's deadline has passed.
 */
export function latestDue(p: Period, dues: readonly DueSetting[], timeZone: string): DueSetting {
  return dues.reduce((a, b) => (deadlineOf(p, b, timeZone).getTime() > deadlineOf(p, a, timeZone).getTime() ? b : a));
}

/**
 * A change to a closed month needs a reason and goes back to review as a correction after
 * closing; a branch's first report of a closed month is a late report, nothing to correct.
 * `baseVersion`: the version the sender amends, 0 for none.
 */
export function needsCorrectionReason(closed: boolean, baseVersion: number): boolean {
  return closed && baseVersion > 0;
}
