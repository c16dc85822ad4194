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
    : t("digest-against-quota", { admitted, quota, bar: progressBar(progress) });
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
    t("digest-reports", { received: d.reports.received, branches: d.branches, late: d.reports.late }),
  ];
  const review = d.reports.review;
  if (d.reports.received > 0) {
    lines.push(t("digest-review", { approved: review.approved, pending: review.pending, returned: review.returned, lateCorrection: review["late-correction"] }));
  }
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
