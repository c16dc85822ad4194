// The arithmetic of a committee's digest, from plain rows: no Prisma, no time zone, no text.
//
// Two steps, so that the same Digest can later be filled from SQL aggregates (issue 6):
//   aggregateBranches(rows)  -> one BranchAggregate per branch   (what a GROUP BY would return)
//   digestFromAggregates(..) -> Digest                           (sums, rates, the five furthest behind)
// buildDigest does both. Both steps are linear in the number of rows and branches.
import { addMonths, type Period } from "./period.js";
import { admittedTotal, COHORTS, type CohortField, type ReportFigures } from "./report.js";
import { UnitKind } from "./units.js";

// ---------------------------------------------------------------------------------------------
// Input rows

export interface DigestUnit {
  id: number;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: number | null;
}

type CountFields = Exclude<keyof ReportFigures, "removedReason" | "note">;

/** The current version of one branch's report for one month. */
export type DigestReport = { unitId: number; year: number; month: number; late: boolean } & Pick<ReportFigures, CountFields>;

export interface DigestMeeting {
  unitId: number;
  kind: "REGULAR" | "THEMATIC";
  /** "YYYY-MM-DD", the local date written in the minutes. */
  heldOn: string;
  onRoll: number;
  present: number;
}

export type QuotaCohort = "ALL" | CohortField;

export interface QuotaRow {
  unitId: number;
  year: number;
  cohort: QuotaCohort;
  value: number;
}

export interface DigestInput {
  period: Period;
  /** The units of the subtree the digest is for (committees and branches; only branches are counted). */
  units: DigestUnit[];
  /** Current reports; rows of other years or of months after the period are ignored. */
  reports: DigestReport[];
  /** Meetings; only those of the period's month and quarter are used. */
  meetings: DigestMeeting[];
  /** Quotas; only those of the period's year set on branches are used (see branchQuota). */
  quotas: QuotaRow[];
}

// ---------------------------------------------------------------------------------------------
// Per-branch aggregates

export type CohortCounts = Record<CohortField, number>;

export interface Tally {
  total: number;
  byCohort: CohortCounts;
}

/**
 * A branch's yearly quota. `total` is the ALL quota when one is set, otherwise the sum of the cohort
 * quotas set; a cohort without a quota of its own is null. A branch with no quota row, or whose
 * quota comes to 0, has no quota (branchQuota returns null): 0 is read as "no target", not as a
 * target already met.
 */
export interface BranchQuota {
  total: number;
  byCohort: Record<CohortField, number | null>;
}

export interface BranchRef {
  unitId: number;
  code: string;
  name: string;
}

export interface BranchAggregate extends BranchRef {
  /** A current report for the period exists. */
  reported: boolean;
  /** …and it was submitted after the deadline. */
  late: boolean;
  /** Admitted in the period's month, and from January to the period's month. */
  admittedMonth: Tally;
  admittedYearToDate: Tally;
  /** From this month's report (0 when none). */
  candidates: number;
  awarenessClass: number;
  applicationsInReview: number;
  removed: number;
  /** Number of regular meetings held in the period's month, thematic ones in its quarter. */
  regularMeetings: number;
  thematicMeetingsQuarter: number;
  /** Sums over the meetings (both kinds) held in the period's month. */
  meetingsInMonth: number;
  onRollInMonth: number;
  presentInMonth: number;
  quota: BranchQuota | null;
}

const zeroCohorts = (): CohortCounts => ({ admittedTeachers: 0, admittedPupils: 0, admittedStudents: 0, admittedOther: 0 });
const zeroTally = (): Tally => ({ total: 0, byCohort: zeroCohorts() });

function addTo(t: Tally, r: Pick<ReportFigures, CohortField>): void {
  for (const c of COHORTS) t.byCohort[c] += r[c];
  t.total += admittedTotal(r);
}

/** The quota rule of BranchQuota, from one branch's rows of one year (a later row for the same cohort wins). */
export function branchQuota(rows: Array<Pick<QuotaRow, "cohort" | "value">>): BranchQuota | null {
  let all: number | null = null;
  const byCohort: Record<CohortField, number | null> = {
    admittedTeachers: null,
    admittedPupils: null,
    admittedStudents: null,
    admittedOther: null,
  };
  for (const r of rows) {
    if (r.cohort === "ALL") all = r.value;
    else byCohort[r.cohort] = r.value;
  }
  const total = all ?? COHORTS.reduce((s, c) => s + (byCohort[c] ?? 0), 0);
  return total > 0 ? { total, byCohort } : null;
}

/** "YYYY-MM" prefix and quarter bounds of a period, for comparing with meeting dates. */
function monthPrefix(p: Period): string {
  return `${p.year}-${String(p.month).padStart(2, "0")}`;
}

/** First and last month of the calendar quarter the period is in. */
export function quarterOf(p: Period): { first: Period; last: Period } {
  const first = { year: p.year, month: p.month - ((p.month - 1) % 3) };
  return { first, last: addMonths(first, 2) };
}

/** One aggregate per branch of the subtree, in the order of `units`. Linear in the input. */
export function aggregateBranches(input: DigestInput): BranchAggregate[] {
  const { period } = input;
  const byId = new Map<number, BranchAggregate>();
  const out: BranchAggregate[] = [];
  for (const u of input.units) {
    if (u.kind !== UnitKind.BRANCH) continue;
    const a: BranchAggregate = {
      unitId: u.id,
      code: u.code,
      name: u.name,
      reported: false,
      late: false,
      admittedMonth: zeroTally(),
      admittedYearToDate: zeroTally(),
      candidates: 0,
      awarenessClass: 0,
      applicationsInReview: 0,
      removed: 0,
      regularMeetings: 0,
      thematicMeetingsQuarter: 0,
      meetingsInMonth: 0,
      onRollInMonth: 0,
      presentInMonth: 0,
      quota: null,
    };
    byId.set(u.id, a);
    out.push(a);
  }

  for (const r of input.reports) {
    const a = byId.get(r.unitId);
    if (!a || r.year !== period.year || r.month > period.month) continue;
    addTo(a.admittedYearToDate, r);
    if (r.month !== period.month) continue;
    a.reported = true;
    a.late = r.late;
    addTo(a.admittedMonth, r);
    a.candidates += r.candidates;
    a.awarenessClass += r.awarenessClass;
    a.applicationsInReview += r.applicationsInReview;
    a.removed += r.removed;
  }

  const month = monthPrefix(period);
  const quarter = quarterOf(period);
  const quarterFrom = monthPrefix(quarter.first);
  const quarterTo = monthPrefix(quarter.last);
  for (const m of input.meetings) {
    const a = byId.get(m.unitId);
    if (!a) continue;
    const ym = m.heldOn.slice(0, 7);
    if (ym === month) {
      a.meetingsInMonth += 1;
      a.onRollInMonth += m.onRoll;
      a.presentInMonth += m.present;
      if (m.kind === "REGULAR") a.regularMeetings += 1;
    }
    if (m.kind === "THEMATIC" && ym >= quarterFrom && ym <= quarterTo) a.thematicMeetingsQuarter += 1;
  }

  const quotaRows = new Map<number, QuotaRow[]>();
  for (const q of input.quotas) {
    if (q.year !== period.year || !byId.has(q.unitId)) continue;
    const rows = quotaRows.get(q.unitId);
    if (rows) rows.push(q);
    else quotaRows.set(q.unitId, [q]);
  }
  for (const [unitId, rows] of quotaRows) byId.get(unitId)!.quota = branchQuota(rows);

  return out;
}

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
    /** Branches without a current report for the period, by code. */
    missing: BranchRef[];
  };
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
    /** Branches without one, by code (the late list names them). */
    withoutRegular: BranchRef[];
    /** Branches with at least one thematic meeting in the period's calendar quarter. */
    thematicHeldQuarter: number;
    /** Meetings (both kinds) recorded in the month. */
    count: number;
    /**
     * Members present over members on roll, summed over every meeting of the month (weighted:
     * a branch of 80 weighs more than one of 8, so this is the share of members who attended).
     * null when no meeting was recorded.
     */
    attendance: number | null;
  };
  removed: number;
  /**
   * Up to five branches furthest behind their yearly quota: lowest fraction achieved first, ties
   * by larger shortfall, then by code. Only branches with a quota and still short of it.
   */
  furthestBehind: BehindBranch[];
}

export const FURTHEST_BEHIND = 5;

const byCode = (a: BranchRef, b: BranchRef) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
const ref = (a: BranchRef): BranchRef => ({ unitId: a.unitId, code: a.code, name: a.name });

/** True when `a` is further behind than `b`. */
function behindFirst(a: BehindBranch, b: BehindBranch): boolean {
  if (a.fraction !== b.fraction) return a.fraction < b.fraction;
  if (a.shortfall !== b.shortfall) return a.shortfall > b.shortfall;
  return a.code < b.code;
}

export function digestFromAggregates(period: Period, branches: readonly BranchAggregate[]): Digest {
  const admittedMonth = zeroTally();
  const admittedYtd = zeroTally();
  const quota: Digest["quota"] = {
    total: 0,
    byCohort: { admittedTeachers: null, admittedPupils: null, admittedStudents: null, admittedOther: null },
    branchesWithout: 0,
  };
  const pipeline = { candidates: 0, awarenessClass: 0, applicationsInReview: 0 };
  const missing: BranchRef[] = [];
  const withoutRegular: BranchRef[] = [];
  let received = 0;
  let late = 0;
  let regularHeld = 0;
  let thematicHeld = 0;
  let meetings = 0;
  let onRoll = 0;
  let present = 0;
  let removed = 0;
  // Kept sorted, at most FURTHEST_BEHIND long: O(n) overall.
  const behind: BehindBranch[] = [];

  for (const b of branches) {
    if (b.reported) {
      received += 1;
      if (b.late) late += 1;
    } else missing.push(ref(b));
    admittedMonth.total += b.admittedMonth.total;
    admittedYtd.total += b.admittedYearToDate.total;
    for (const c of COHORTS) {
      admittedMonth.byCohort[c] += b.admittedMonth.byCohort[c];
      admittedYtd.byCohort[c] += b.admittedYearToDate.byCohort[c];
    }
    pipeline.candidates += b.candidates;
    pipeline.awarenessClass += b.awarenessClass;
    pipeline.applicationsInReview += b.applicationsInReview;
    removed += b.removed;
    if (b.regularMeetings > 0) regularHeld += 1;
    else withoutRegular.push(ref(b));
    if (b.thematicMeetingsQuarter > 0) thematicHeld += 1;
    meetings += b.meetingsInMonth;
    onRoll += b.onRollInMonth;
    present += b.presentInMonth;

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
    reports: { received, late, missing: missing.sort(byCode) },
    admitted: { month: admittedMonth, yearToDate: admittedYtd },
    quota,
    progress: { total: fraction(admittedYtd.total, quota.total), byCohort: progressByCohort },
    pipeline,
    meetings: {
      regularHeld,
      withoutRegular: withoutRegular.sort(byCode),
      thematicHeldQuarter: thematicHeld,
      count: meetings,
      attendance: onRoll > 0 ? present / onRoll : null,
    },
    removed,
    furthestBehind: behind,
  };
}

export function buildDigest(input: DigestInput): Digest {
  return digestFromAggregates(input.period, aggregateBranches(input));
}

// ---------------------------------------------------------------------------------------------
// Display helpers (no words: those live in locales/vi.ftl)

/**
 * "▓▓▓▓░░░░░░ 40%". Both the cells and the percentage are rounded down, so a full bar and
 * "100%" appear only once the quota is actually met (99.6% shows 99% and nine cells). The bar is
 * clamped to 0..width; the percentage is not clamped above, so 130% reads as 130% beside a full bar.
 * A fraction that is not a finite number (no quota) shows as an empty bar and 0%; callers would
 * normally say "no quota" instead.
 */
export function progressBar(fraction: number, width = 10): string {
  const f = Number.isFinite(fraction) ? Math.max(0, fraction) : 0;
  // The small epsilon keeps 0.29 * 100 = 28.999999999999996 at 29.
  const cells = Math.min(width, Math.floor(f * width + 1e-9));
  const percent = Math.floor(f * 100 + 1e-9);
  return `${"▓".repeat(cells)}${"░".repeat(width - cells)} ${percent}%`;
}
