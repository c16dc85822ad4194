// A request's answers as an .xlsx: one row per branch it went to, every question a column (a
// number per cohort as one column per cohort and a total), numbers as numbers and dates as
// dates, then who answered, when, which version, whether late, and its review.
import ExcelJS from "exceljs";
import { cohortsTotal, QuestionKind, REQUEST_COHORTS, type RequestQuestion } from "../domain/request.js";
import { xmlSafe } from "../domain/text.js";
import { FORMATS, WIDTH, wallClockCell } from "./cells.js";
import type { RequestExportLabels } from "./request-labels.js";
import { answerText, cohortsOf, numberOf, questionHeading, type RequestExportInput, type RequestExportRow } from "./request-rows.js";

interface Col {
  header: string;
  width: number;
  numFmt?: string;
  value: (r: RequestExportRow) => unknown;
}

function questionColumns(q: RequestQuestion, L: RequestExportLabels): Col[] {
  const head = questionHeading(q);
  const v = (r: RequestExportRow) => r.answer?.values[q.id];
  if (q.kind === QuestionKind.COHORTS) {
    return [
      ...REQUEST_COHORTS.map((k) => ({ header: `${head}: ${L.cohorts[k]}`, width: WIDTH.number, numFmt: FORMATS.integer, value: (r: RequestExportRow) => cohortsOf(v(r))?.[k] ?? null })),
      { header: `${head}: ${L.total}`, width: WIDTH.number, numFmt: FORMATS.integer, value: (r) => { const c = cohortsOf(v(r)); return c ? cohortsTotal(c) : null; } },
    ];
  }
  if (q.kind === QuestionKind.NUMBER) return [{ header: head, width: WIDTH.number, numFmt: FORMATS.integer, value: (r) => numberOf(v(r)) ?? null }];
  return [{ header: head, width: q.kind === QuestionKind.LONG_TEXT ? WIDTH.long : WIDTH.person, value: (r) => answerText(q, v(r)) ?? null }];
}

export function requestColumns(input: Pick<RequestExportInput, "questions">, L: RequestExportLabels, timeZone: string): Col[] {
  return [
    { header: L.code, width: WIDTH.code, value: (r) => r.code },
    { header: L.branch, width: WIDTH.name, value: (r) => r.name },
    ...input.questions.flatMap((q) => questionColumns(q, L)),
    { header: L.answeredBy, width: WIDTH.person, value: (r) => r.answer?.by ?? null },
    { header: L.answeredAt, width: 18, numFmt: FORMATS.dateTime, value: (r) => (r.answer ? wallClockCell(r.answer.at, timeZone) : null) },
    { header: L.version, width: 10, numFmt: FORMATS.integer, value: (r) => r.answer?.version ?? null },
    { header: L.late, width: 10, value: (r) => (r.answer ? (r.answer.late ? L.yes : L.no) : null) },
    { header: L.review, width: 14, value: (r) => (r.answer ? (L.reviewStates[r.answer.reviewState as keyof typeof L.reviewStates] ?? r.answer.reviewState) : null) },
  ];
}

export async function buildRequestWorkbook(input: RequestExportInput, L: RequestExportLabels, timeZone: string, createdAt: Date): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "Trợ lý Chi bộ";
  wb.created = createdAt;
  const sheet = wb.addWorksheet(xmlSafe(L.sheet).replace(/[[\]:*?/\\]/g, "-").slice(0, 31), { views: [{ state: "frozen", ySplit: 1, xSplit: 2 }] });
  const cols = requestColumns(input, L, timeZone);
  sheet.columns = cols.map((c) => ({ header: xmlSafe(c.header), width: c.width, style: c.numFmt ? { numFmt: c.numFmt } : {} }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: "middle", wrapText: true };
  header.eachCell((cell) => {
    cell.numFmt = "General";
  });
  // Only what XML allows: one stray control character in a pasted answer and Excel refuses the file.
  for (const r of input.rows) sheet.addRow(cols.map((c) => c.value(r)).map((v) => (typeof v === "string" ? xmlSafe(v) : v)));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: cols.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
