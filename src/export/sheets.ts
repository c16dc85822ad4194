// The sheets of the export, column by column: each column's header (a key of locales/vi.ftl),
// width, format and value. The report sheet's columns between the month and "Nộp muộn" are the
// report's fields, in the order of src/domain/report-fields.ts: a field added there gets its column;
// so are the meeting sheet's between the name and "Trạng thái duyệt" (src/domain/meeting-fields.ts,
// the fields with a `column`).
import { groupTotal } from "../domain/report.js";
import { COHORTS, REPORT_FIELD_SPECS, type ReportFieldSpecs } from "../domain/report-fields.js";
import { MEETING_FIELD_SPECS, MeetingKind } from "../domain/meeting-fields.js";
import { percentCell } from "../domain/percent.js";
import { reviewLabel } from "../domain/review.js";
import type { MeetingColumnSpec, ReviewFields, WorkbookMeetingRow, WorkbookProgressRow, WorkbookReportRow } from "../domain/export-rows.js";
import { dateCell, FORMATS, fraction, isoDateCell, wallClockCell, WIDTH, type CellContext, type Column } from "./cells.js";

const yesNo = (v: boolean, c: CellContext) => (v ? c.labels.yes : c.labels.no);
const review = (r: ReviewFields, c: CellContext) => c.labels.review[reviewLabel(r.reviewState, r.lateCorrection)];
const count = <Row, K extends string>(key: K, header: string, value: (r: Row) => number | null, width: number = WIDTH.number): Column<Row, K> => ({
  key,
  header,
  width,
  numFmt: FORMATS.integer,
  value,
});

/** A report field's column: a count is a number cell, a text a wide one (empty when there is none). */
function fieldColumn(spec: ReportFieldSpecs): Column<WorkbookReportRow, ReportFieldSpecs["key"]> {
  switch (spec.kind) {
    case "text":
      return { key: spec.key, header: spec.header, width: WIDTH.long, value: (r) => r[spec.key] ?? null };
    case "total":
      return count(spec.key, spec.header, (r: WorkbookReportRow) => groupTotal(r, spec.group));
    default:
      return count(spec.key, spec.header, (r: WorkbookReportRow) => r[spec.key]);
  }
}

const REPORT_BEFORE = [
  { key: "code", header: "export-report-code", width: WIDTH.code, value: (r) => r.code },
  { key: "name", header: "export-report-name", width: WIDTH.name, value: (r) => r.name },
  { key: "month", header: "export-report-month", width: 10, numFmt: FORMATS.month, value: (r) => dateCell(r.year, r.month, 1) },
] as const satisfies readonly Column<WorkbookReportRow>[];

const REPORT_AFTER = [
  { key: "late", header: "export-report-late", width: 10, value: (r, c) => yesNo(r.late, c) },
  { key: "submittedAt", header: "export-report-submittedAt", width: 18, numFmt: FORMATS.dateTime, value: (r, c) => wallClockCell(r.submittedAt, c.timeZone) },
  count("version", "export-report-version", (r: WorkbookReportRow) => r.version, 9),
  // Added later than the others, so the columns committees already used kept their places.
  { key: "reviewState", header: "export-report-reviewState", width: 13, value: review },
  { key: "lateCorrection", header: "export-report-lateCorrection", width: 10, value: (r, c) => yesNo(r.lateCorrection, c) },
  { key: "correctionReason", header: "export-report-correctionReason", width: WIDTH.long, value: (r) => r.correctionReason ?? null },
  { key: "submittedBy", header: "export-report-submittedBy", width: WIDTH.name, value: (r) => r.submittedBy },
] as const satisfies readonly Column<WorkbookReportRow>[];

export type ReportColumn = (typeof REPORT_BEFORE)[number]["key"] | ReportFieldSpecs["key"] | (typeof REPORT_AFTER)[number]["key"];

export const REPORT_SHEET: readonly Column<WorkbookReportRow, ReportColumn>[] = [...REPORT_BEFORE, ...REPORT_FIELD_SPECS.map(fieldColumn), ...REPORT_AFTER];
export const REPORT_COLUMNS: readonly ReportColumn[] = REPORT_SHEET.map((c) => c.key);

/** A meeting field's column; a text's is as wide as its entry says. */
function meetingColumn(spec: MeetingColumnSpec): Column<WorkbookMeetingRow, MeetingColumnSpec["key"]> {
  const { header } = spec.column;
  switch (spec.kind) {
    case "choice":
      return { key: spec.key, header, width: spec.column.width, value: (m, c) => (m.kind === MeetingKind.REGULAR ? c.labels.regular : c.labels.thematic) };
    case "date":
      return { key: spec.key, header, width: spec.column.width, numFmt: FORMATS.date, value: (m) => isoDateCell(m[spec.key]) };
    case "text":
      return { key: spec.key, header, width: spec.column.width, value: (m) => m[spec.key] ?? null };
    case "rate":
      return { key: spec.key, header, width: WIDTH.number, numFmt: FORMATS.percent, value: (m) => percentCell(fraction(m.present, m.onRoll)) };
    default:
      return count(spec.key, header, (m: WorkbookMeetingRow) => m[spec.key]);
  }
}

const MEETING_BEFORE = [
  { key: "code", header: "export-meeting-code", width: WIDTH.code, value: (m) => m.code },
  { key: "name", header: "export-meeting-name", width: WIDTH.name, value: (m) => m.name },
] as const satisfies readonly Column<WorkbookMeetingRow>[];
const MEETING_AFTER = [
  { key: "reviewState", header: "export-meeting-reviewState", width: 13, value: review },
  { key: "submittedBy", header: "export-meeting-submittedBy", width: WIDTH.name, value: (m) => m.submittedBy },
] as const satisfies readonly Column<WorkbookMeetingRow>[];

export type MeetingColumn = (typeof MEETING_BEFORE)[number]["key"] | MeetingColumnSpec["key"] | (typeof MEETING_AFTER)[number]["key"];
export const MEETING_SHEET: readonly Column<WorkbookMeetingRow, MeetingColumn>[] = [
  ...MEETING_BEFORE,
  ...MEETING_FIELD_SPECS.flatMap((s) => ("column" in s ? [meetingColumn(s)] : [])),
  ...MEETING_AFTER,
];
export const MEETING_COLUMNS: readonly MeetingColumn[] = MEETING_SHEET.map((c) => c.key);

const rate = <K extends string>(key: K, value: (p: WorkbookProgressRow) => number | null, width: number = WIDTH.number): Column<WorkbookProgressRow, K> => ({
  key,
  header: `export-progress-${key}`,
  width,
  numFmt: FORMATS.percent,
  value: (p) => percentCell(value(p)),
});
const progressCount = <K extends string>(key: K, value: (p: WorkbookProgressRow) => number | null, width?: number) =>
  count(key, `export-progress-${key}`, value, width);

/** The first five columns of the progress sheet; then, for each cohort in COHORTS order, quota, admitted and rate. */
export const PROGRESS_COLUMNS = ["code", "name", "quota", "admitted", "rate"] as const;

/** No quota: the quota and rate cells stay empty (not 0, which would read as "quota met"). */
export const PROGRESS_SHEET: readonly Column<WorkbookProgressRow>[] = [
  { key: "code", header: "export-progress-code", width: WIDTH.code, value: (p) => p.code },
  { key: "name", header: "export-progress-name", width: WIDTH.name, value: (p) => p.name },
  progressCount("quota", (p) => p.quota?.total ?? null),
  progressCount("admitted", (p) => p.admittedYearToDate.total),
  rate("rate", (p) => fraction(p.admittedYearToDate.total, p.quota?.total)),
  ...COHORTS.flatMap((c) => [
    progressCount(`quota-${c}`, (p) => p.quota?.byCohort[c] ?? null, 14),
    progressCount(`admitted-${c}`, (p) => p.admittedYearToDate.byCohort[c], 14),
    rate(`rate-${c}`, (p) => fraction(p.admittedYearToDate.byCohort[c], p.quota?.byCohort[c]), 14),
  ]),
];

export type { WorkbookMeetingRow, WorkbookProgressRow, WorkbookReportRow };
