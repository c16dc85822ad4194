// A committee's digest as messages a phone can show: counts first, then names,
// lists cut to a readable length (the full detail is in /xuat).
import { COHORTS } from "../domain/report.js";
import { DIGEST_NAMES, progressBar, type Digest } from "../domain/digest.js";
import { type BranchRef } from "../domain/branch-aggregates.js";
import { formatPeriod } from "../domain/period.js";
import { TotalsMode } from "../domain/review-totals.js";
import { formatPercent } from "../domain/percent.js";
import { splitIntoMessages } from "../domain/text.js";
import type { Translate } from "../i18n.js";

/** More names than this and a list is cut, saying how many more there are. */
export const MAX_NAMES = 20;


/** The first `max` of `branches` (the first names of a list `total` long), then how many more there are. */
export function nameList(t: Translate, branches: BranchRef[], total: number, max = MAX_NAMES): string[] {
  const lines = branches.slice(0, max).map((b) => t("digest-branch", { code: b.code, name: b.name }));
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
    : t("digest-against-quota", { admitted, quota, bar: progressBar(progress) });
}

export function digestMessages(t: Translate, unitName: string, d: Digest): string[] {
  const lines: string[] = [
    t("digest-title", { unit: unitName, period: formatPeriod(d.period) }),
    "",
    t("digest-reports", { received: d.reports.received, branches: d.branches, late: d.reports.late }),
  ];
  const review = d.reports.review;
  if (d.reports.received > 0) {
    lines.push(t("digest-review", { approved: review.approved, pending: review.pending, returned: review.returned, lateCorrection: review["late-correction"] }));
  }
  if (d.reports.missingCount > 0) {
    lines.push(t("digest-missing", { count: d.reports.missingCount }), ...nameList(t, d.reports.missing, d.reports.missingCount));
  }
  lines.push(
    "",
    t("digest-totals", { basis: totalsBasis(t, d.totals) }),
    t("digest-admitted-month", { count: d.admitted.month.total }),
    t("digest-admitted-year", { text: against(t, d.admitted.yearToDate.total, d.quota.total || null, d.progress.total) }),
  );
  for (const c of COHORTS) {
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
  lines.push(t("digest-removed", { count: d.removed }));
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
): string[] {
  const period = formatPeriod(d.period);
  const lines = [t("late-title", { unit: unitName, period, deadline })];
  lines.push(
    "",
    d.reports.missingCount === 0 ? t("late-reports-none") : t("late-reports", { count: d.reports.missingCount }),
    ...nameList(t, d.reports.missing, d.reports.missingCount, DIGEST_NAMES),
    "",
    d.meetings.withoutRegularCount === 0
      ? t("late-meetings-none", { period })
      : t("late-meetings", { count: d.meetings.withoutRegularCount, period }),
    ...nameList(t, d.meetings.withoutRegular, d.meetings.withoutRegularCount, DIGEST_NAMES),
  );
  return splitIntoMessages(lines);
}
