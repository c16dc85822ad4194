// The .xlsx export (/xuat): monthly reports, meetings, and progress against quota, one sheet each.
// Dates are date cells, numbers are number cells, so the committee can sort, filter and sum in Excel.
// Every header text comes from `labels` (locales/vi.ftl in the bot), none is written here; the
// columns are described in ./sheets.ts.
import ExcelJS from "exceljs";
import { xmlSafe } from "../domain/text.js";
import type { CellContext, Column } from "./cells.js";
import type { WorkbookLabels } from "./labels.js";
import { MEETING_SHEET, PROGRESS_SHEET, REPORT_SHEET, type WorkbookMeetingRow, type WorkbookProgressRow, type WorkbookReportRow } from "./sheets.js";

export { FORMATS } from "./cells.js";
export { workbookLabels, type WorkbookLabels } from "./labels.js";
export { MEETING_COLUMNS, PROGRESS_COLUMNS, REPORT_COLUMNS, type WorkbookMeetingRow, type WorkbookProgressRow, type WorkbookReportRow } from "./sheets.js";

export interface WorkbookInput {
  labels: WorkbookLabels;
  /** The zone whose wall clock the submission times show (Excel cells have no time zone). */
  timeZone: string;
  /** Rows are written in the order given. */
  reports: WorkbookReportRow[];
  meetings: WorkbookMeetingRow[];
  progress: WorkbookProgressRow[];
  /** Workbook metadata; defaults to now. */
  createdAt?: Date;
}

function addSheet<Row>(wb: ExcelJS.Workbook, name: string, headers: Record<string, string>, columns: readonly Column<Row>[], rows: Row[], c: CellContext) {
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const sheet = wb.addWorksheet(xmlSafe(name).replace(/[[\]:*?/\\]/g, "-").slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = columns.map((col) => ({
    header: xmlSafe(headers[col.key]!),
    width: col.width,
    style: col.numFmt ? { numFmt: col.numFmt } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  // Header cells carry the column style too; a number format on a text header is harmless but untidy.
  header.eachCell((cell) => {
    cell.numFmt = "General";
  });
  // Only what XML allows: one U+FFFE in an old name or a pasted note and Excel refuses the whole file.
  for (const r of rows) sheet.addRow(columns.map((col) => col.value(r, c)).map((v) => (typeof v === "string" ? xmlSafe(v) : v)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

export async function buildWorkbook(input: WorkbookInput): Promise<Buffer> {
  const { labels: L } = input;
  const c: CellContext = { labels: L, timeZone: input.timeZone };
  const wb = new ExcelJS.Workbook();
  wb.creator = "Trợ lý Chi bộ";
  wb.created = input.createdAt ?? new Date();
  addSheet(wb, L.sheets.reports, L.reports, REPORT_SHEET, input.reports, c);
  addSheet(wb, L.sheets.meetings, L.meetings, MEETING_SHEET, input.meetings, c);
  addSheet(wb, L.sheets.progress, L.progress, PROGRESS_SHEET, input.progress, c);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
