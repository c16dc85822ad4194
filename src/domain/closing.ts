// Closing a month: once every report of a subtree is approved, its figures are
// final and a later change needs a reason and a fresh review.
import { comparePeriods, periodOf, type Period } from "./period.js";
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
 * A month can be closed once it is over: reports for the month in progress
 * are still being written, and the month after does not exist yet.
 */
export function monthIsOver(p: Period, now: Date, timeZone: string): boolean {
  return comparePeriods(p, periodOf(now, timeZone)) < 0;
}
