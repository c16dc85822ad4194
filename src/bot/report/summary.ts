import { formatPeriod, type Period } from "../../domain/period.js";
import { admittedTotal, type ReportFigures } from "../../domain/report.js";
import type { Translate } from "../../i18n.js";

export function summaryText(t: Translate, unitName: string, period: Period, f: ReportFigures): string {
  return t("report-summary", {
    period: formatPeriod(period),
    unit: unitName,
    candidates: f.candidates,
    awarenessClass: f.awarenessClass,
    applicationsInReview: f.applicationsInReview,
    admittedTotal: admittedTotal(f),
    admittedTeachers: f.admittedTeachers,
    admittedPupils: f.admittedPupils,
    admittedStudents: f.admittedStudents,
    admittedOther: f.admittedOther,
    madeFull: f.madeFull,
    removed: f.removed,
    removedReason: f.removedReason ? t("report-summary-reason", { reason: f.removedReason }) : "",
    transferredIn: f.transferredIn,
    transferredOut: f.transferredOut,
    note: f.note ?? t("form-none"),
  });
}
