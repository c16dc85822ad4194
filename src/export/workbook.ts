// The .xlsx export (/xuat): monthly reports, meetings, and progress against quota, one sheet each.
// Dates are date cells, numbers are number cells, so the committee can sort, filter and sum in Excel.
// Every header text comes from `labels` (locales/vi.ftl in the bot), none is written here.
import ExcelJS from "exceljs";
import type { BranchAggregate } from "../domain/branch-aggregates.js";
import { admittedTotal, COHORTS, type CohortField, type ReportFigures } from "../domain/report.js";
import { reviewLabel, type ReviewLabel } from "../domain/review.js";
import { REVIEW_LABELS } from "../domain/review-totals.js";
import { xmlSafe } from "../domain/text.js";
import { toLocal } from "../domain/time.js";

export const REPORT_COLUMNS = [
  "code",
  "name",
  "month",
  "candidates",
  "awarenessClass",
  "applicationsInReview",
  "admittedTeachers",
  "admittedPupils",
  "admittedStudents",
  "admittedOther",
  "admittedTotal",
  "madeFull",
  "removed",
  "removedReason",
  "transferredIn",
  "transferredOut",
  "note",
  "late",
  "submittedAt",
  "version",
  // Appended, so the columns committees already use keep their places.
  "reviewState",
  "lateCorrection",
  "correctionReason",
] as const;
export type ReportColumn = (typeof REPORT_COLUMNS)[number];

export const MEETING_COLUMNS = [
  "code",
  "name",
  "kind",
  "heldOn",
  "topic",
  "place",
  "chair",
  "recorder",
  "onRoll",
  "present",
  "absentExcused",
  "absentUnexcused",
  "attendanceRate",
  "attachments",
  "reviewState",
] as const;
export type MeetingColumn = (typeof MEETING_COLUMNS)[number];

export const PROGRESS_COLUMNS = ["code", "name", "quota", "admitted", "rate"] as const;
export type ProgressColumn = (typeof PROGRESS_COLUMNS)[number];

export interface WorkbookLabels {
  sheets: { reports: string; meetings: string; progress: string };
  reports: Record<ReportColumn, string>;
  meetings: Record<MeetingColumn, string>;
  /** The first five columns; then, for each cohort in COHORTS order, quota, admitted and rate. */
  progress: Record<ProgressColumn, string> & {
    cohortQuota: Record<CohortField, string>;
    cohortAdmitted: Record<CohortField, string>;
    cohortRate: Record<CohortField, string>;
  };
  /** Values of the review state columns. */
  review: Record<ReviewLabel, string>;
  /** Values of the "late" and "lateCorrection" columns. */
  yes: string;
  no: string;
  /** Values of the meeting kind column. */
  regular: string;
  thematic: string;
}

type CountFields = Exclude<keyof ReportFigures, "removedReason" | "note">;

/** The review of a version, as stored (src/domain/review.ts). */
interface ReviewFields {
  reviewState: string;
  lateCorrection: boolean;
}

/** The current version of one branch's report for one month. */
export type WorkbookReportRow = Pick<ReportFigures, CountFields | "removedReason" | "note"> &
  ReviewFields & {
    code: string;
    name: string;
    year: number;
    month: number;
    late: boolean;
    submittedAt: Date;
    version: number;
    /** Why a closed month's report was changed. */
    correctionReason: string | null;
  };

export interface WorkbookMeetingRow extends ReviewFields {
  code: string;
  name: string;
  kind: "REGULAR" | "THEMATIC";
  /** "YYYY-MM-DD" as written in the minutes. */
  heldOn: string;
  topic: string | null;
  place: string;
  chair: string;
  recorder: string;
  onRoll: number;
  present: number;
  absentExcused: number;
  absentUnexcused: number;
  /** How many files are attached to the minutes. */
  attachments: number;
}

/** A branch's year: what aggregateBranches (src/domain/digest.ts) gives, or the same from SQL. */
export type WorkbookProgressRow = Pick<BranchAggregate, "code" | "name" | "quota" | "admittedYearToDate">;

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

export const FORMATS = {
  month: "mm/yyyy",
  date: "dd/mm/yyyy",
  dateTime: "dd/mm/yyyy hh:mm",
  percent: "0.0%",
  integer: "0",
} as const;

/** A calendar date as an Excel date cell: Excel has no time zones, so it is stored at UTC midnight. */
const dateCell = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

function isoDateCell(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return dateCell(y!, m!, d!);
}

/** The zone's wall clock as an Excel date-time cell: 09:30 in Hà Nội shows 09:30 in Excel. */
function wallClockCell(instant: Date, timeZone: string): Date {
  const l = toLocal(instant, timeZone);
  return new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second));
}

interface ColumnSpec {
  header: string;
  width: number;
  numFmt?: string;
}

function addSheet(wb: ExcelJS.Workbook, name: string, columns: ColumnSpec[], rows: unknown[][]): ExcelJS.Worksheet {
  // Excel refuses sheet names over 31 characters or with []:*?/\ in them.
  const sheet = wb.addWorksheet(xmlSafe(name).replace(/[[\]:*?/\\]/g, "-").slice(0, 31), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = columns.map((c) => ({
    header: xmlSafe(c.header),
    width: c.width,
    style: c.numFmt ? { numFmt: c.numFmt } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  // Header cells carry the column style too; a number format on a text header is harmless but untidy.
  header.eachCell((cell) => {
    cell.numFmt = "General";
  });
  // Only what XML allows: one U+FFFE in an old name or a pasted note and Excel refuses the whole file.
  for (const r of rows) sheet.addRow(r.map((v) => (typeof v === "string" ? xmlSafe(v) : v)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return sheet;
}

const TEXT = { code: 14, name: 34, long: 40, person: 22 } as const;
const num = (header: string, width = 12): ColumnSpec => ({ header, width, numFmt: FORMATS.integer });
const rate = (header: string, width = 12): ColumnSpec => ({ header, width, numFmt: FORMATS.percent });
const fraction = (n: number, d: number | null | undefined) => (d ? n / d : null);

export async function buildWorkbook(input: WorkbookInput): Promise<Buffer> {
  const { labels: L, timeZone } = input;
  const wb = new ExcelJS.Workbook();
  wb.creator = "Trợ lý Chi bộ";
  wb.created = input.createdAt ?? new Date();

  const R = L.reports;
  addSheet(
    wb,
    L.sheets.reports,
    [
      { header: R.code, width: TEXT.code },
      { header: R.name, width: TEXT.name },
      { header: R.month, width: 10, numFmt: FORMATS.month },
      num(R.candidates),
      num(R.awarenessClass),
      num(R.applicationsInReview),
      num(R.admittedTeachers),
      num(R.admittedPupils),
      num(R.admittedStudents),
      num(R.admittedOther),
      num(R.admittedTotal),
      num(R.madeFull),
      num(R.removed),
      { header: R.removedReason, width: TEXT.long },
      num(R.transferredIn),
      num(R.transferredOut),
      { header: R.note, width: TEXT.long },
      { header: R.late, width: 10 },
      { header: R.submittedAt, width: 18, numFmt: FORMATS.dateTime },
      num(R.version, 9),
      { header: R.reviewState, width: 13 },
      { header: R.lateCorrection, width: 10 },
      { header: R.correctionReason, width: TEXT.long },
    ],
    input.reports.map((r) => [
      r.code,
      r.name,
      dateCell(r.year, r.month, 1),
      r.candidates,
      r.awarenessClass,
      r.applicationsInReview,
      r.admittedTeachers,
      r.admittedPupils,
      r.admittedStudents,
      r.admittedOther,
      admittedTotal(r),
      r.madeFull,
      r.removed,
      r.removedReason ?? null,
      r.transferredIn,
      r.transferredOut,
      r.note ?? null,
      r.late ? L.yes : L.no,
      wallClockCell(r.submittedAt, timeZone),
      r.version,
      L.review[reviewLabel(r.reviewState, r.lateCorrection)],
      r.lateCorrection ? L.yes : L.no,
      r.correctionReason ?? null,
    ]),
  );

  const M = L.meetings;
  addSheet(
    wb,
    L.sheets.meetings,
    [
      { header: M.code, width: TEXT.code },
      { header: M.name, width: TEXT.name },
      { header: M.kind, width: 13 },
      { header: M.heldOn, width: 12, numFmt: FORMATS.date },
      { header: M.topic, width: TEXT.long },
      { header: M.place, width: 28 },
      { header: M.chair, width: TEXT.person },
      { header: M.recorder, width: TEXT.person },
      num(M.onRoll),
      num(M.present),
      num(M.absentExcused),
      num(M.absentUnexcused),
      rate(M.attendanceRate),
      num(M.attachments),
      { header: M.reviewState, width: 13 },
    ],
    input.meetings.map((m) => [
      m.code,
      m.name,
      m.kind === "REGULAR" ? L.regular : L.thematic,
      isoDateCell(m.heldOn),
      m.topic ?? null,
      m.place,
      m.chair,
      m.recorder,
      m.onRoll,
      m.present,
      m.absentExcused,
      m.absentUnexcused,
      fraction(m.present, m.onRoll),
      m.attachments,
      L.review[reviewLabel(m.reviewState, m.lateCorrection)],
    ]),
  );

  const P = L.progress;
  addSheet(
    wb,
    L.sheets.progress,
    [
      { header: P.code, width: TEXT.code },
      { header: P.name, width: TEXT.name },
      num(P.quota),
      num(P.admitted),
      rate(P.rate),
      ...COHORTS.flatMap((c) => [num(P.cohortQuota[c], 14), num(P.cohortAdmitted[c], 14), rate(P.cohortRate[c], 14)]),
    ],
    // No quota: the quota and rate cells stay empty (not 0, which would read as "quota met").
    input.progress.map((p) => [
      p.code,
      p.name,
      p.quota?.total ?? null,
      p.admittedYearToDate.total,
      fraction(p.admittedYearToDate.total, p.quota?.total),
      ...COHORTS.flatMap((c) => {
        const q = p.quota?.byCohort[c] ?? null;
        const admitted = p.admittedYearToDate.byCohort[c];
        return [q, admitted, fraction(admitted, q)];
      }),
    ]),
  );

  return Buffer.from(await wb.xlsx.writeBuffer());
}

const each = <K extends string>(keys: readonly K[], text: (k: K) => string) =>
  Object.fromEntries(keys.map((k) => [k, text(k)])) as Record<K, string>;

/** The labels from a translator such as the bot's ctx.t (keys "export-…" in locales/vi.ftl). */
export function workbookLabels(t: (key: string) => string): WorkbookLabels {
  return {
    sheets: {
      reports: t("export-sheet-reports"),
      meetings: t("export-sheet-meetings"),
      progress: t("export-sheet-progress"),
    },
    reports: each(REPORT_COLUMNS, (c) => t(`export-report-${c}`)),
    meetings: each(MEETING_COLUMNS, (c) => t(`export-meeting-${c}`)),
    progress: {
      ...each(PROGRESS_COLUMNS, (c) => t(`export-progress-${c}`)),
      cohortQuota: each(COHORTS, (c) => t(`export-progress-quota-${c}`)),
      cohortAdmitted: each(COHORTS, (c) => t(`export-progress-admitted-${c}`)),
      cohortRate: each(COHORTS, (c) => t(`export-progress-rate-${c}`)),
    },
    review: each(REVIEW_LABELS, (l) => t(`export-review-${l}`)),
    yes: t("export-yes"),
    no: t("export-no"),
    regular: t("export-regular"),
    thematic: t("export-thematic"),
  };
}
