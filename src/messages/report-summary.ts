// The summary of a monthly report: what the form shows before it is sent, and a review card under its changes.
import { formatPeriod, type Period } from "../domain/period.js";
import { groupTotal, type ReportFigures } from "../domain/report.js";
import { REPORT_FIELD_SPECS } from "../domain/report-fields.js";
import type { Translate } from "../i18n.js";

/** report-summary in locales/vi.ftl: one { $<key> } for each field of src/domain/report-fields.ts. */
export function summaryText(t: Translate, unitName: string, period: Period, f: ReportFigures): string {
  const vars: Record<string, string | number> = { period: formatPeriod(period), unit: unitName };
  for (const spec of REPORT_FIELD_SPECS) {
    if (spec.kind === "total") vars[spec.key] = groupTotal(f, spec.group);
    // An older report's unsplit count follows the kinds, and only when there is one.
    else if ("legacy" in spec) vars[spec.key] = f[spec.key] > 0 ? t("report-summary-unclassified", { count: f[spec.key] }) : "";
    else if (spec.kind !== "text") vars[spec.key] = f[spec.key];
    // A reason follows its count ("1 (lý do: …)"), and is left out with none.
    else if ("reasonFor" in spec) vars[spec.key] = f[spec.key] ? t("report-summary-reason", { reason: f[spec.key]! }) : "";
    else vars[spec.key] = f[spec.key] ?? t("form-none");
  }
  return t("report-summary", vars);
}
