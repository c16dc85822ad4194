// The rows of the /xuat workbook, as plain data: what the store reads (src/store/export-data.ts)
// and the workbook writes (src/export/sheets.ts), so that neither imports the other.
import type { BranchAggregate } from "./branch-aggregates.js";
import type { ReportFigures } from "./report.js";
import type { MeetingDraft, MeetingFieldSpecs } from "./meeting-fields.js";

/** The review of a version, as stored (src/domain/review.ts). */
export interface ReviewFields {
  reviewState: string;
  lateCorrection: boolean;
}

/** The current version of one branch's report for one month. */
export type WorkbookReportRow = ReportFigures &
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
    /** Who sent this version: full name and position (src/domain/people.ts personTitle). */
    submittedBy: string;
  };

/** The fields of the meeting sheet's columns (src/domain/meeting-fields.ts `column`). */
export type MeetingColumnSpec = Extract<MeetingFieldSpecs, { column: object }>;
type ShownField = Exclude<MeetingColumnSpec["key"], "attendanceRate" | "attachments">;

/** The current version of one meeting's minutes. */
export type WorkbookMeetingRow = ReviewFields &
  Pick<MeetingDraft, ShownField> & {
    code: string;
    name: string;
    /** How many files are attached to the minutes. */
    attachments: number;
    /** Who sent this version, as for a report. */
    submittedBy: string;
  };

/** A branch's year: what aggregateBranches (src/domain/digest.ts) gives, or the same from SQL. */
export type WorkbookProgressRow = Pick<BranchAggregate, "code" | "name" | "quota" | "admittedYearToDate">;

/** Every row of one export. */
export interface ExportRows {
  reports: WorkbookReportRow[];
  meetings: WorkbookMeetingRow[];
  progress: WorkbookProgressRow[];
}
