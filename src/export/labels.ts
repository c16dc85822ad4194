// The texts of the export, from a translator such as the bot's ctx.t (keys "export-…" in
// locales/vi.ftl): each column's header as its sheet names it, and the words that fill cells.
import { REVIEW_LABELS } from "../domain/review-totals.js";
import type { CellLabels, Column } from "./cells.js";
import { MEETING_SHEET, PROGRESS_SHEET, REPORT_SHEET, type MeetingColumn, type ReportColumn } from "./sheets.js";

export interface WorkbookLabels extends CellLabels {
  sheets: { reports: string; meetings: string; progress: string };
  /** Header texts, by column key. */
  reports: Record<ReportColumn, string>;
  meetings: Record<MeetingColumn, string>;
  progress: Record<string, string>;
}

export function workbookLabels(t: (key: string) => string): WorkbookLabels {
  const headers = <K extends string>(sheet: readonly Column<never, K>[]) =>
    Object.fromEntries(sheet.map((c) => [c.key, t(c.header)])) as Record<K, string>;
  return {
    sheets: {
      reports: t("export-sheet-reports"),
      meetings: t("export-sheet-meetings"),
      progress: t("export-sheet-progress"),
    },
    reports: headers(REPORT_SHEET),
    meetings: headers(MEETING_SHEET),
    progress: headers(PROGRESS_SHEET),
    review: Object.fromEntries(REVIEW_LABELS.map((l) => [l, t(`export-review-${l}`)])) as CellLabels["review"],
    yes: t("export-yes"),
    no: t("export-no"),
    regular: t("export-regular"),
    thematic: t("export-thematic"),
  };
}
