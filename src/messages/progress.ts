// /tiendo: a branch's year so far as one message: each month's report and its review, the
// year's admissions, and its meetings against what is due.
import type { meetingCompliance } from "../domain/meeting.js";
import { formatPeriod } from "../domain/period.js";
import type { yearProgress } from "../domain/progress.js";
import { formatPercent } from "../domain/percent.js";
import { formatDate } from "../domain/time.js";
import type { Translate } from "../i18n.js";

export interface YearSoFar {
  unitName: string;
  year: number;
  reports: ReturnType<typeof yearProgress>;
  meetings: ReturnType<typeof meetingCompliance>;
}

export function progressText(t: Translate, y: YearSoFar, timeZone: string): string {
  const { year, reports, meetings } = y;
  const lines = [t("progress-title", { unit: y.unitName, year: String(year) })];
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
  lines.push(
    meetings.averageAttendance === null
      ? t("progress-attendance-none")
      : t("progress-attendance", { rate: formatPercent(meetings.averageAttendance) }),
  );
  return lines.join("\n");
}
