// A committee's digest as messages a phone can show: counts first, then names,
// lists cut to a readable length (the full detail is in /xuat).
import { COHORTS } from "../domain/report.js";
import { REMOVAL_FIELDS } from "../domain/report-fields.js";
import { DIGEST_NAMES, progressCells, type Digest } from "../domain/digest.js";
import { type BranchRef } from "../domain/branch-aggregates.js";
import { formatPeriod } from "../domain/period.js";
import { REVIEW_LABELS, TotalsMode } from "../domain/review-totals.js";
import { formatPercent } from "../domain/percent.js";
import { splitIntoMessages } from "../domain/text.js";
import type { Translate } from "../i18n.js";

/** More names than this and a list is cut, saying how many more there are. */
export const MAX_NAMES = 20;


/** The first `max` of `branches` (the first names of a list `total` long), then how many more there are. `people`: a branch's secretaries, named beside it. */
export function nameList(t: Translate, branches: BranchRef[], total: number, max = MAX_NAMES, people?: ReadonlyMap<number, string[]>): string[] {
  const lines = branches.slice(0, max).map((b) => {
    const names = people?.get(b.unitId);
    return names?.length ? t("digest-branch-secretary", { code: b.code, name: b.name, people: names.join(", ") }) : t("digest-branch", { code: b.code, name: b.name });
  });
  const shown = Math.min(max, branches.length);
  if (total > shown) lines.push(t("digest-and-more", { count: total - shown }));
  return lines;
}

/** "chỉ tính báo cáo đã duyệt" or "tính cả báo cáo chưa duyệt": what a digest's, chart's or export's totals count. */
export function totalsBasis(t: Translate, mode: string): string {
  return t(mode === TotalsMode.ALL ? "totals-all" : "totals-approved");
}

function against(t: Translate, admitted: number, quota: number | null, progress: number | null): string {
  return quota === null || progress === null
    ? t("digest-no-quota", { admitted })
    : t("digest-against-quota", { admitted, quota, rate: formatPercent(progress), bar: progressCells(progress) });
}

/** "1 đã duyệt, 2 chờ duyệt": the review states that some report is in, none at 0. */
function reviewParts(t: Translate, review: Digest["reports"]["review"]): string {
  return REVIEW_LABELS.filter((l) => review[l] > 0)
    .map((l) => t(`digest-review-${l}`, { count: review[l] }))
    .join(", ");
}

/** What a digest adds beside its figures. */
export interface DigestExtras {
  /** The unit where a committee member would review every branch of the digest (/moi <mã> uyvien): named when some have no reviewer. */
  inviteAt?: string | null;
  /** The secretaries of the branches named as missing; only for people who hold a role for the unit, or a group that chose names (/caidat). */
  people?: ReadonlyMap<number, string[]>;
}

export function digestMessages(t: Translate, unitName: string, d: Digest, extras: DigestExtras = {}): string[] {
  const lines: string[] = [
    t("digest-title", { unit: unitName, period: formatPeriod(d.period) }),
    "",
    // A zero is left out rather than shown: "none late" written as a count reads like something to look into.
    t("digest-reports", { received: d.reports.received, branches: d.branches, late: d.reports.late > 0 ? t("digest-reports-late", { count: d.reports.late }) : "" }),
  ];
  if (d.reports.received > 0) lines.push(t("digest-review", { parts: reviewParts(t, d.reports.review) }));
  if (d.reports.missingCount > 0) {
    lines.push(t("digest-missing", { count: d.reports.missingCount }), ...nameList(t, d.reports.missing, d.reports.missingCount, MAX_NAMES, extras.people));
  }
  // Nobody can approve these branches' records: said, with the way to invite a reviewer, since their figures count unreviewed.
  if (d.unreviewed.count > 0) {
    lines.push(
      t("digest-unreviewed", { count: d.unreviewed.count }),
      ...nameList(t, d.unreviewed.names, d.unreviewed.count),
      extras.inviteAt ? t("digest-unreviewed-invite", { code: extras.inviteAt }) : t("digest-unreviewed-invite-any"),
    );
  }
  lines.push(
    "",
    t("digest-totals", { basis: totalsBasis(t, d.totals) }),
    t("digest-admitted-month", { count: d.admitted.month.total }),
    t("digest-admitted-year", { text: against(t, d.admitted.yearToDate.total, d.quota.total || null, d.progress.total) }),
  );
  for (const c of COHORTS) {
    // A cohort with no quota and nobody admitted says nothing; one with admissions but no quota still shows them.
    if (d.quota.byCohort[c] === null && d.admitted.yearToDate.byCohort[c] === 0) continue;
    lines.push(
      t(`digest-cohort-${c}`, {
        text: against(t, d.admitted.yearToDate.byCohort[c], d.quota.byCohort[c], d.progress.byCohort[c]),
      }),
    );
  }
  lines.push(
    "",
    t("digest-pipeline", d.pipeline),
    t("digest-meetings", {
      regular: d.meetings.regularHeld,
      thematic: d.meetings.thematicHeldQuarter,
      branches: d.branches,
      attendance: d.meetings.attendance === null ? t("digest-attendance-none") : formatPercent(d.meetings.attendance),
    }),
  );
  // A meeting counts as held however few came: the branches where fewer than half did are named.
  if (d.meetings.lowAttendanceCount > 0) {
    lines.push(t("digest-low-attendance", { count: d.meetings.lowAttendanceCount }), ...nameList(t, d.meetings.lowAttendance, d.meetings.lowAttendanceCount));
  }
  // Members who left the rolls: the kinds there were, none when nobody left.
  const removed = REMOVAL_FIELDS.filter((k) => d.removed[k] > 0);
  if (removed.length > 0) {
    lines.push(
      t("digest-removed", {
        count: removed.reduce((sum, k) => sum + d.removed[k], 0),
        parts: removed.map((k) => t(`digest-${k}`, { count: d.removed[k] })).join(", "),
      }),
    );
  }
  if (d.furthestBehind.length > 0) {
    lines.push("", t("digest-behind-title"));
    d.furthestBehind.forEach((b, i) =>
      lines.push(t("digest-behind", { n: i + 1, code: b.code, name: b.name, admitted: b.admitted, quota: b.quota, rate: formatPercent(b.fraction) })),
    );
  }
  return splitIntoMessages(lines);
}

export function lateListMessages(
  t: Translate,
  unitName: string,
  d: Digest,
  deadline: string,
  people?: ReadonlyMap<number, string[]>,
): string[] {
  const period = formatPeriod(d.period);
  const lines = [t("late-title", { unit: unitName, period, deadline })];
  lines.push(
    "",
    d.reports.missingCount === 0 ? t("late-reports-none") : t("late-reports", { count: d.reports.missingCount }),
    ...nameList(t, d.reports.missing, d.reports.missingCount, DIGEST_NAMES, people),
    "",
    d.meetings.withoutRegularCount === 0
      ? t("late-meetings-none", { period })
      : t("late-meetings", { count: d.meetings.withoutRegularCount, period }),
    ...nameList(t, d.meetings.withoutRegular, d.meetings.withoutRegularCount, DIGEST_NAMES),
  );
  return splitIntoMessages(lines);
}
