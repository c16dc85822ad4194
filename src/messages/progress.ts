// /tiendo: a branch's year so far in a message a phone shows whole (months of one status on one
// line, the review states counted, the meetings likewise), and month by month behind a button.
import { formatIsoDate } from "../domain/meeting.js";
import { formatPeriod } from "../domain/period.js";
import { formatPercent } from "../domain/percent.js";
import { monthRuns, type MonthStatus, type YearSoFar } from "../domain/progress.js";
import { REVIEW_LABELS } from "../domain/review-totals.js";
import { formatDate } from "../domain/time.js";
import type { Translate } from "../i18n.js";

const pad = (n: number) => String(n).padStart(2, "0");

/** "03–05, 07/2026": months of one year, runs of three or more written as a range. */
export function monthList(year: number, months: readonly number[]): string {
  const parts = monthRuns(months).flatMap(([a, b]) => (b - a >= 2 ? [`${pad(a)}–${pad(b)}`] : b === a ? [pad(a)] : [pad(a), pad(b)]));
  return `${parts.join(", ")}/${year}`;
}

function title(t: Translate, y: YearSoFar, key: "progress-title" | "progress-details-title"): string {
  const head = t(key, { unit: y.unitName, year: String(y.year) });
  return y.firstMonth > 1 ? `${head}${t("progress-title-since", { month: formatPeriod({ year: y.year, month: y.firstMonth }) })}` : head;
}

function attendanceLines(t: Translate, y: YearSoFar): string[] {
  const { meetings } = y;
  const lines = [
    meetings.averageAttendance === null ? t("progress-attendance-none") : t("progress-attendance", { rate: formatPercent(meetings.averageAttendance) }),
  ];
  if (meetings.lowAttendance.length > 0) {
    const items = meetings.lowAttendance.map((m) => t("progress-low-attendance-item", { date: formatIsoDate(m.heldOn), present: m.present, onRoll: m.onRoll }));
    lines.push(t("progress-low-attendance", { meetings: items.join(", ") }));
  }
  return lines;
}

/** The message /tiendo sends: one line per status, not one per month. */
export function progressText(t: Translate, y: YearSoFar, timeZone: string): string {
  const { year, reports, meetings } = y;
  const lines = [title(t, y, "progress-title"), t("progress-reports-title")];
  const of = (...statuses: MonthStatus[]) => reports.rows.filter((r) => statuses.includes(r.status));
  const months = (rows: { month: number }[]) => monthList(year, rows.map((r) => r.month));

  const sent = of("submitted", "late");
  if (sent.length > 0) {
    const late = of("late");
    lines.push(t("progress-group-submitted", { months: months(sent) }) + (late.length > 0 ? t("progress-group-late-part", { months: months(late) }) : ""));
  }
  const missing = of("missing");
  if (missing.length > 0) lines.push(t("progress-group-missing", { months: months(missing) }));
  // A month is due only until its deadline, which is in the next month: one at a time.
  for (const r of of("due")) lines.push(t("progress-group-due", { months: months([r]), deadline: formatDate(r.deadline, timeZone) }));
  const open = of("open");
  if (open.length > 0) lines.push(t("progress-group-open", { months: months(open) }));
  const counts = REVIEW_LABELS.map((l) => [l, reports.rows.filter((r) => r.review === l).length] as const).filter(([, n]) => n > 0);
  if (counts.length > 0) lines.push(t("progress-review-counts", { counts: counts.map(([l, count]) => t(`progress-review-count-${l}`, { count })).join(", ") }));

  lines.push(t("progress-total", reports.totals), t("progress-meetings-summary"));
  for (const status of ["held", "missing", "open"] as const) {
    const ms = meetings.months.filter((m) => m.status === status);
    if (ms.length > 0) lines.push(t(`progress-regular-group-${status}`, { months: months(ms) }));
  }
  // At most four quarters: each with its mark, in order.
  const quarters = meetings.quarters.map((q) => t(`progress-thematic-quarter-${q.status}`, { quarter: q.quarter }));
  if (quarters.length > 0) lines.push(t("progress-thematic-quarters", { quarters: quarters.join(" · ") }));
  lines.push(...attendanceLines(t, y));
  return lines.join("\n");
}

/** Behind the button: each month's report and its review, each month's and quarter's meetings. */
export function progressDetailsText(t: Translate, y: YearSoFar, timeZone: string): string {
  const { year, reports, meetings } = y;
  const lines = [title(t, y, "progress-details-title")];
  for (const row of reports.rows) {
    const month = t(`progress-month-${row.status}`, {
      month: formatPeriod({ year, month: row.month }),
      admitted: row.admitted,
      deadline: formatDate(row.deadline, timeZone),
    });
    lines.push(row.review ? `${month}${t(`progress-review-${row.review}`)}` : month);
  }
  lines.push("", t("progress-total", reports.totals));
  lines.push("", t("progress-meetings-title", { year: String(year) }));
  for (const m of meetings.months) {
    lines.push(t(`progress-regular-${m.status}`, { month: formatPeriod({ year, month: m.month }) }));
  }
  for (const q of meetings.quarters) lines.push(t(`progress-thematic-${q.status}`, { quarter: q.quarter }));
  lines.push(...attendanceLines(t, y));
  return lines.join("\n");
}
