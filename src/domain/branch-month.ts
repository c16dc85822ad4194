// A branch's digest row for each month of a year, worked out from its own rows
// by the digest's arithmetic (aggregateBranches), once for each way of counting
// totals. src/store/branch-months.ts keeps these rows in the database as the
// branch's records change, and digests read them instead of the records.
import { aggregateBranches, type BranchAggregate, type DigestCounts, type DigestMeeting, type DigestReport } from "./branch-aggregates.js";
import { COHORTS, type CohortField } from "./report.js";
import { DIGEST_COUNT_FIELDS } from "./report-fields.js";
import type { ReviewLabel } from "./review.js";
import { TotalsMode } from "./review-totals.js";
import { UnitKind } from "./units.js";

/** The figures of one month as one way of counting totals counts them: admissions, and DigestCounts. */
export interface CountedFigures extends DigestCounts {
  month: Record<CohortField, number>;
  yearToDate: Record<CohortField, number>;
}

export interface BranchMonthFigures {
  month: number;
  reported: boolean;
  late: boolean;
  review: ReviewLabel | null;
  /** Keyed by TotalsMode. */
  counted: Record<TotalsMode, CountedFigures>;
  meetings: number;
  onRoll: number;
  present: number;
  /** Meetings of the month with fewer than half of the roll present. */
  lowAttendance: number;
  regularMeetings: number;
  thematicQuarter: number;
}

/**
 * Twelve rows, January to December, for one branch and year. `reports`: the
 * current versions; `earlierApproved`: approved versions replaced since, oldest
 * first (DigestInput.earlierApproved); `meetings`: the current minutes of the year.
 */
export function branchMonths(
  unitId: number,
  year: number,
  rows: { reports: DigestReport[]; earlierApproved: DigestReport[]; meetings: DigestMeeting[] },
): BranchMonthFigures[] {
  const units = [{ id: unitId, code: "", name: "", kind: UnitKind.BRANCH, parentId: null }];
  // A month's digest knows the minutes held up to its end, not those of the rest of its quarter.
  const upTo = (month: number) => {
    const last = `${year}-${String(month).padStart(2, "0")}-31`;
    return rows.meetings.filter((m) => m.heldOn <= last);
  };
  const one = (month: number, totals: TotalsMode): BranchAggregate =>
    aggregateBranches({ period: { year, month }, units, totals, quotas: [], ...rows, meetings: upTo(month) })[0]!;
  return Array.from({ length: 12 }, (_, i) => {
    const month = i + 1;
    const all = one(month, TotalsMode.ALL);
    const approved = one(month, TotalsMode.APPROVED);
    return {
      month,
      reported: all.reported,
      late: all.late,
      review: all.review,
      counted: { [TotalsMode.ALL]: counted(all), [TotalsMode.APPROVED]: counted(approved) } as Record<TotalsMode, CountedFigures>,
      meetings: all.meetingsInMonth,
      onRoll: all.onRollInMonth,
      present: all.presentInMonth,
      lowAttendance: all.lowAttendanceInMonth,
      regularMeetings: all.regularMeetings,
      thematicQuarter: all.thematicMeetingsQuarter,
    };
  });
}

function counted(a: BranchAggregate): CountedFigures {
  const pick = (t: BranchAggregate["admittedMonth"]) => Object.fromEntries(COHORTS.map((c) => [c, t.byCohort[c]])) as Record<CohortField, number>;
  const counts = Object.fromEntries(DIGEST_COUNT_FIELDS.map((f) => [f, a[f]])) as DigestCounts;
  return { month: pick(a.admittedMonth), yearToDate: pick(a.admittedYearToDate), ...counts };
}
