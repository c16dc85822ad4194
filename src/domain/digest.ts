// A committee's digest: the roll-up of its branches' aggregates (src/domain/branch-aggregates.ts)
// into sums, rates, lists and the five furthest behind. No Prisma, no time zone, no text.
// buildDigest is the reference that src/store/digest-sql.ts, which computes the same in
// the database, is tested against.
import { formatPercent } from "./percent.js";
import type { Period } from "./period.js";
import { COHORTS, type CohortField } from "./report.js";
import { REMOVAL_FIELDS, type RemovalField } from "./report-fields.js";
import { zeroReviewCounts, type ReviewCounts, type TotalsMode } from "./review-totals.js";
import { aggregateBranches, zeroTally, type BranchAggregate, type BranchRef, type DigestInput, type Tally } from "./branch-aggregates.js";

// ---------------------------------------------------------------------------------------------
// The digest

export interface BehindBranch extends BranchRef {
  quota: number;
  admitted: number;
  /** admitted / quota, in [0, 1): a branch that met its quota is not behind. */
  fraction: number;
  shortfall: number;
}

export interface Digest {
  period: Period;
  branches: number;
  reports: {
    received: number;
    late: number;
    /** Branches without a current report for the period: how many, and the first DIGEST_NAMES by code. */
    missingCount: number;
    missing: BranchRef[];
    /** The received reports by review label (a pending report is received all the same). */
    review: ReviewCounts;
  };
  /** Which reports the figures below count: only approved ones, or all submitted ones. */
  totals: TotalsMode;
  /**
   * Branches nobody but an administrator can review (no committee member above them but their own
   * secretary or deputy): how many, and the first DIGEST_NAMES by code. Their reports are counted
   * as sent, whatever `totals` says.
   */
  unreviewed: { count: number; names: BranchRef[] };
  admitted: { month: Tally; yearToDate: Tally };
  /**
   * The committee's quota: the sum of its branches' (BranchQuota). A cohort's quota is the sum over
   * the branches that set one for it, null when none did. Admissions of branches without a quota
   * still count in `admitted`: they happened.
   */
  quota: { total: number; byCohort: Record<CohortField, number | null>; branchesWithout: number };
  /** Year to date against quota; null when there is no quota. May exceed 1. */
  progress: { total: number | null; byCohort: Record<CohortField, number | null> };
  /** Sums over this month's reports: a branch that has not reported adds nothing. */
  pipeline: { candidates: number; awarenessClass: number; applicationsInReview: number };
  meetings: {
    /** Branches with at least one regular meeting in the month. */
    regularHeld: number;
    /** Branches without one: how many, and the first DIGEST_NAMES by code (the late list names them). */
    withoutRegularCount: number;
    withoutRegular: BranchRef[];
    /** Branches with at least one thematic meeting in the period's calendar quarter. */
    thematicHeldQuarter: number;
    /** Meetings (both kinds) recorded in the month. */
    count: number;
    /**
     * Branches with a meeting in the month at which fewer than half of the members on the roll
     * were present (src/domain/meeting.ts lowAttendance): how many, and the first DIGEST_NAMES by code.
     * Such a meeting still counts as held.
     */
    lowAttendanceCount: number;
    lowAttendance: BranchRef[];
    /**
     * Members present over members on roll, summed over every meeting of the month (weighted:
     * a branch of 80 weighs more than one of 8, so this is the share of members who attended).
     * null when no meeting was recorded.
     */
    attendance: number | null;
  };
  /** Members who left the rolls in the month, by kind (REMOVAL_FIELDS: the four kinds and an older report's unsplit count). */
  removed: Record<RemovalField, number>;
  /**
   * Up to five branches furthest behind their yearly quota: lowest fraction achieved first, ties
   * by larger shortfall, then by code. Only branches with a quota and still short of it.
   */
  furthestBehind: BehindBranch[];
}

export const FURTHEST_BEHIND = 5;
/**
 * Names a digest carries per list: no message shows more (the late list names 50, the digest 20),
 * and a country's digest must not carry a quarter of a million.
 */
export const DIGEST_NAMES = 50;

const byCode = (a: BranchRef, b: BranchRef) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const ref = (a: BranchRef): BranchRef => ({ unitId: a.unitId, code: a.code, name: a.name });

/** True when `a` is further behind than `b`. */
function behindFirst(a: BehindBranch, b: BehindBranch): boolean {
  if (a.fraction !== b.fraction) return a.fraction < b.fraction;
  if (a.shortfall !== b.shortfall) return a.shortfall > b.shortfall;
  return a.code < b.code;
}

export function digestFromAggregates(period: Period, branches: readonly BranchAggregate[], totals: TotalsMode): Digest {
  const admittedMonth = zeroTally();
  const admittedYtd = zeroTally();
  const quota: Digest["quota"] = {
    total: 0,
    byCohort: Object.fromEntries(COHORTS.map((c) => [c, null])) as Record<CohortField, number | null>,
    branchesWithout: 0,
  };
  const pipeline = { candidates: 0, awarenessClass: 0, applicationsInReview: 0 };
  const missing: BranchRef[] = [];
  const review = zeroReviewCounts();
  const withoutRegular: BranchRef[] = [];
  const lowAttendance: BranchRef[] = [];
  const unreviewed: BranchRef[] = [];
  let received = 0;
  let late = 0;
  let regularHeld = 0;
  let thematicHeld = 0;
  let meetings = 0;
  let onRoll = 0;
  let present = 0;
  const removed = Object.fromEntries(REMOVAL_FIELDS.map((k) => [k, 0])) as Record<RemovalField, number>;
  // Kept sorted, at most FURTHEST_BEHIND long: O(n) overall.
  const behind: BehindBranch[] = [];

  for (const b of branches) {
    if (b.reported) {
      received += 1;
      if (b.late) late += 1;
      if (b.review) review[b.review] += 1;
    } else missing.push(ref(b));
    if (b.unreviewed) unreviewed.push(ref(b));
    admittedMonth.total += b.admittedMonth.total;
    admittedYtd.total += b.admittedYearToDate.total;
    for (const c of COHORTS) {
      admittedMonth.byCohort[c] += b.admittedMonth.byCohort[c];
      admittedYtd.byCohort[c] += b.admittedYearToDate.byCohort[c];
    }
    pipeline.candidates += b.candidates;
    pipeline.awarenessClass += b.awarenessClass;
    pipeline.applicationsInReview += b.applicationsInReview;
    for (const k of REMOVAL_FIELDS) removed[k] += b[k];
    if (b.regularMeetings > 0) regularHeld += 1;
    else withoutRegular.push(ref(b));
    if (b.thematicMeetingsQuarter > 0) thematicHeld += 1;
    meetings += b.meetingsInMonth;
    onRoll += b.onRollInMonth;
    present += b.presentInMonth;
    if (b.lowAttendanceInMonth > 0) lowAttendance.push(ref(b));

    if (!b.quota) {
      quota.branchesWithout += 1;
      continue;
    }
    quota.total += b.quota.total;
    for (const c of COHORTS) {
      const q = b.quota.byCohort[c];
      if (q !== null) quota.byCohort[c] = (quota.byCohort[c] ?? 0) + q;
    }
    const admitted = b.admittedYearToDate.total;
    if (admitted >= b.quota.total) continue;
    const candidate: BehindBranch = {
      ...ref(b),
      quota: b.quota.total,
      admitted,
      fraction: admitted / b.quota.total,
      shortfall: b.quota.total - admitted,
    };
    if (behind.length === FURTHEST_BEHIND && !behindFirst(candidate, behind[FURTHEST_BEHIND - 1]!)) continue;
    let i = behind.length;
    while (i > 0 && behindFirst(candidate, behind[i - 1]!)) i--;
    behind.splice(i, 0, candidate);
    if (behind.length > FURTHEST_BEHIND) behind.pop();
  }

  const fraction = (n: number, d: number | null) => (d ? n / d : null);
  const progressByCohort = {} as Record<CohortField, number | null>;
  for (const c of COHORTS) progressByCohort[c] = fraction(admittedYtd.byCohort[c], quota.byCohort[c]);

  return {
    period,
    branches: branches.length,
    reports: { received, late, missingCount: missing.length, missing: missing.sort(byCode).slice(0, DIGEST_NAMES), review },
    totals,
    unreviewed: { count: unreviewed.length, names: unreviewed.sort(byCode).slice(0, DIGEST_NAMES) },
    admitted: { month: admittedMonth, yearToDate: admittedYtd },
    quota,
    progress: { total: fraction(admittedYtd.total, quota.total), byCohort: progressByCohort },
    pipeline,
    meetings: {
      regularHeld,
      withoutRegularCount: withoutRegular.length,
      withoutRegular: withoutRegular.sort(byCode).slice(0, DIGEST_NAMES),
      thematicHeldQuarter: thematicHeld,
      count: meetings,
      lowAttendanceCount: lowAttendance.length,
      lowAttendance: lowAttendance.sort(byCode).slice(0, DIGEST_NAMES),
      attendance: onRoll > 0 ? present / onRoll : null,
    },
    removed,
    furthestBehind: behind,
  };
}

export function buildDigest(input: DigestInput): Digest {
  return digestFromAggregates(input.period, aggregateBranches(input), input.totals);
}

// ---------------------------------------------------------------------------------------------
// Display helpers (no words: those live in locales/vi.ftl)

/**
 * "▓▓▓▓░░░░░░ 43%". The percentage is the one rounding of ./percent.ts (as on the chart and in
 * the workbook); the cells are rounded down, so a full bar, like "100%", appears only once the
 * quota is actually met (99.6% shows 99% and nine cells). The bar is clamped to 0..width; the
 * percentage is not clamped above, so 130% reads as 130% beside a full bar. A fraction that is
 * not a finite number (no quota) shows as an empty bar and 0%; callers would normally say "no
 * quota" instead.
 */
export function progressBar(fraction: number, width = 10): string {
  const f = Number.isFinite(fraction) ? Math.max(0, fraction) : 0;
  return `${progressCells(f, width)} ${formatPercent(f)}`;
}

/** The cells of progressBar alone, for a line that says the percentage in words ("đạt 43% chỉ tiêu ▓▓▓▓░░░░░░"). */
export function progressCells(fraction: number, width = 10): string {
  const f = Number.isFinite(fraction) ? Math.max(0, fraction) : 0;
  // The small epsilon keeps 0.3 * 10 = 2.9999999999999996 at 3.
  const cells = Math.min(width, Math.floor(f * width + 1e-9));
  return `${"▓".repeat(cells)}${"░".repeat(width - cells)}`;
}
