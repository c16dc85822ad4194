// What the export's cells hold: Excel number formats, dates as date cells, and the shape of a
// column (its header's locale key, width, format and how a row fills its cell).
import type { ReviewLabel } from "../domain/review.js";
import { toLocal } from "../domain/time.js";

export const FORMATS = {
  month: "mm/yyyy",
  date: "dd/mm/yyyy",
  dateTime: "dd/mm/yyyy hh:mm",
  /** Whole percents: the cell holds the rounded value (src/domain/percent.ts), as the messages and the chart show it. */
  percent: "0%",
  integer: "0",
} as const;

/** Column widths of texts, in Excel's characters. */
export const WIDTH = { code: 14, name: 34, long: 40, person: 22, number: 12 } as const;

/** The words that fill cells, from locales/vi.ftl (src/export/labels.ts). */
export interface CellLabels {
  /** Values of the review state columns. */
  review: Record<ReviewLabel, string>;
  /** Values of yes/no columns ("late", "lateCorrection"). */
  yes: string;
  no: string;
  /** Values of the meeting kind column. */
  regular: string;
  thematic: string;
}

export interface CellContext {
  labels: CellLabels;
  /** The zone whose wall clock the submission times show (Excel cells have no time zone). */
  timeZone: string;
}

/** One column of a sheet: `header` is a key of locales/vi.ftl. */
export interface Column<Row, K extends string = string> {
  key: K;
  header: string;
  width: number;
  numFmt?: string;
  value: (row: Row, c: CellContext) => unknown;
}

/** A calendar date as an Excel date cell: Excel has no time zones, so it is stored at UTC midnight. */
export const dateCell = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

export function isoDateCell(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return dateCell(y!, m!, d!);
}

/** The zone's wall clock as an Excel date-time cell: 09:30 in Hà Nội shows 09:30 in Excel. */
export function wallClockCell(instant: Date, timeZone: string): Date {
  const l = toLocal(instant, timeZone);
  return new Date(Date.UTC(l.year, l.month - 1, l.day, l.hour, l.minute, l.second));
}

export const fraction = (n: number, d: number | null | undefined) => (d ? n / d : null);
