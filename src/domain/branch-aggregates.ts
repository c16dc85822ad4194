// Per-branch aggregates of a digest, from plain rows: no Prisma, no time zone, no text.
// The digest rows kept in the database are made with it (src/domain/branch-month.ts),
// the export's progress sheet uses it directly, and tests use it as the reference
// for the SQL. Linear in the rows.
import { lowAttendance } from "./meeting.js";
import { addMonths, type Period } from "./period.js";
import { admittedTotal, COHORTS, type CohortField } from "./report.js";
import { DIGEST_COUNT_FIELDS, type DigestCountField, type StoredCountField } from "./report-fields.js";
import { ReviewState, reviewLabel, type ReviewLabel } from "./review.js";
import { TotalsMode } from "./review-totals.js";
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

/** One version of one branch's report for one month, its counts only; `reviewState` as stored (src/domain/review.ts). */
export type DigestReport = { unitId: number; year: number; month: number; late: boolean; reviewState: string; lateCorrection: boolean } & Record<
  StoredCountField,
  number
>;

/** The counts a digest sums beside admissions (`digest` in src/domain/report-fields.ts): candidates, removed… */
export type DigestCounts = Record<DigestCountField, number>;

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
  /** Which reports the figures count (src/domain/review-totals.ts); the on-time/late/missing view counts every one. */
  totals: TotalsMode;
  /**
   * Approved versions that a later version has since replaced, oldest first (a later row for the
   * same branch and month wins). With "approved" totals, a month whose current version is not
   * approved counts its latest approved version instead: a correction awaiting review does not take
   * figures someone already approved out of the totals. Ignored with "all".
   */
  earlierApproved?: DigestReport[];
  /** Meetings; only those of the period's month and quarter are used. */
  meetings: DigestMeeting[];
  /**
   * Branches nobody but an administrator can review (src/domain/access.ts hasReviewer): their
   * current reports count in the totals as sent, whatever `totals` says, since no approval can come.
   */
  unreviewed?: ReadonlySet<number>;
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

export interface BranchAggregate extends BranchRef, DigestCounts {
  /** A current report for the period exists. */
  reported: boolean;
  /** …and it was submitted after the deadline. */
  late: boolean;
  /** The review label of that report; null when there is none. */
  review: ReviewLabel | null;
  /** Nobody but an administrator can review the branch (DigestInput.unreviewed). */
  unreviewed: boolean;
  /** Admitted in the period's month, and from January to the period's month, as the totals count them (DigestInput.totals). */
  admittedMonth: Tally;
  admittedYearToDate: Tally;
  // …and, from this month's counted report (0 when none), each of DigestCounts.
  /** Number of regular meetings held in the period's month, thematic ones in its quarter. */
  regularMeetings: number;
  thematicMeetingsQuarter: number;
  /** Sums over the meetings (both kinds) held in the period's month. */
  meetingsInMonth: number;
  onRollInMonth: number;
  presentInMonth: number;
  /** Of those, the meetings with fewer than half of the members on the roll present (lowAttendance). */
  lowAttendanceInMonth: number;
  quota: BranchQuota | null;
}

const zeroCohorts = (): CohortCounts => Object.fromEntries(COHORTS.map((c) => [c, 0])) as CohortCounts;
export const zeroTally = (): Tally => ({ total: 0, byCohort: zeroCohorts() });

function addTo(t: Tally, r: Record<CohortField, number>): void {
  for (const c of COHORTS) t.byCohort[c] += r[c];
  t.total += admittedTotal(r);
}

/** The quota rule of BranchQuota, from one branch's rows of one year (a later row for the same cohort wins). */
export function branchQuota(rows: Array<Pick<QuotaRow, "cohort" | "value">>): BranchQuota | null {
  let all: number | null = null;
  const byCohort = Object.fromEntries(COHORTS.map((c) => [c, null])) as Record<CohortField, number | null>;
  for (const r of rows) {
    if (r.cohort === "ALL") all = r.value;
    else byCohort[r.cohort] = r.value;
  }
  const total = all ?? COHORTS.reduce((s, c) => s + (byCohort[c] ?? 0), 0);
  return total > 0 ? { total, byCohort } : null;
}

/** Adds a report's figures: admissions to the year so far, and for the period's month the rest. */
function addFigures(a: BranchAggregate, r: DigestReport, period: Period): void {
  addTo(a.admittedYearToDate, r);
  if (r.month !== period.month) return;
  addTo(a.admittedMonth, r);
  for (const f of DIGEST_COUNT_FIELDS) a[f] += r[f];
}

const zeroDigestCounts = (): DigestCounts => Object.fromEntries(DIGEST_COUNT_FIELDS.map((f) => [f, 0])) as DigestCounts;

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
      review: null,
      unreviewed: input.unreviewed?.has(u.id) ?? false,
      admittedMonth: zeroTally(),
      admittedYearToDate: zeroTally(),
      ...zeroDigestCounts(),
      regularMeetings: 0,
      thematicMeetingsQuarter: 0,
      meetingsInMonth: 0,
      onRollInMonth: 0,
      presentInMonth: 0,
      lowAttendanceInMonth: 0,
      quota: null,
    };
    byId.set(u.id, a);
    out.push(a);
  }

  const inPeriod = (r: DigestReport) => r.year === period.year && r.month <= period.month;
  const approvedOnly = input.totals === TotalsMode.APPROVED;
  const fallback = new Map<string, DigestReport>();
  if (approvedOnly) for (const r of input.earlierApproved ?? []) if (inPeriod(r)) fallback.set(`${r.unitId}:${r.month}`, r);

  for (const r of input.reports) {
    const a = byId.get(r.unitId);
    if (!a || !inPeriod(r)) continue;
    if (r.month === period.month) {
      a.reported = true;
      a.late = r.late;
      a.review = reviewLabel(r.reviewState, r.lateCorrection);
    }
    const counted = !approvedOnly || a.unreviewed || r.reviewState === ReviewState.APPROVED ? r : fallback.get(`${r.unitId}:${r.month}`);
    if (counted) addFigures(a, counted, period);
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
      if (lowAttendance(m)) a.lowAttendanceInMonth += 1;
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
