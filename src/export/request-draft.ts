// The consolidated draft (.docx) of a request's answers, in the order of its outline: the
// title block of a party report, then each numbered section with the branches' answers
// under it (each headed by the branch's name), figures per cohort and numbers as tables with
// a totals row, files by name, approved answers marked. The committee's staff edit this draft
// instead of copying from forty messages. Times New Roman, the party documents' font, holds
// every Vietnamese diacritic; it is the document's default, so every run uses it.
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import { cohortsTotal, QuestionKind, REQUEST_COHORTS, type RequestQuestion } from "../domain/request.js";
import { xmlSafe } from "../domain/text.js";
import type { RequestExportLabels } from "./request-labels.js";
import { answerText, cohortsOf, cohortTotals, filesOf, numberOf, questionHeading, type RequestExportInput, type RequestExportRow } from "./request-rows.js";

export const DRAFT_FONT = "Times New Roman";
/** 13 pt, in half-points: the size of the party's administrative documents. */
const SIZE = 26;

// Only what a run or paragraph changes from the defaults is written: a draft of 5,000 branches holds
// about a hundred thousand of them, and each option is an object the library builds and serialises.
const text = (s: string, o: { bold?: boolean; italics?: boolean } = {}) => new TextRun({ text: xmlSafe(s).normalize("NFC"), ...(o.bold ? { bold: true } : {}), ...(o.italics ? { italics: true } : {}) });
const para = (s: string, o: { bold?: boolean; italics?: boolean; center?: boolean } = {}) =>
  new Paragraph({ children: [text(s, o)], ...(o.center ? { alignment: AlignmentType.CENTER } : {}) });

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const NO_BORDERS = { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER };

/** "ĐẢNG BỘ …" on the left, "ĐẢNG CỘNG SẢN VIỆT NAM" on the right, as on every party report. */
function titleBlock(input: RequestExportInput, L: RequestExportLabels): (Paragraph | Table)[] {
  const cell = (s: string) => new TableCell({ children: [para(s, { bold: true, center: true })], width: { size: 50, type: WidthType.PERCENTAGE } });
  return [
    new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, rows: [new TableRow({ children: [cell(input.committee.toLocaleUpperCase("vi")), cell(L.partyName)] })] }),
    para(""),
    para(L.reportWord, { bold: true, center: true }),
    para(input.title, { bold: true, center: true }),
    para(L.dueLine, { italics: true, center: true }),
    para(L.answeredLine, { italics: true, center: true }),
    para(L.draftNote, { italics: true }),
  ];
}

function grid(headers: string[], body: string[][], totals: string[]): Table {
  const row = (cells: string[], bold: boolean) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph({ children: [text(c, { bold })] })] })) });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [row(headers, true), ...body.map((b) => row(b, false)), row(totals, true)] });
}

const branchHead = (r: RequestExportRow, L: RequestExportLabels) => r.name + (r.answer?.reviewState === "APPROVED" ? ` ${L.approvedMark}` : "");

function section(q: RequestQuestion, rows: RequestExportRow[], L: RequestExportLabels): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [para(questionHeading(q), { bold: true })];
  const answered = rows.filter((r) => r.answer && r.answer.values[q.id] !== undefined);
  if (answered.length === 0) return [...out, para(L.noAnswer, { italics: true })];
  if (q.kind === QuestionKind.COHORTS) {
    const body = answered.map((r) => {
      const c = cohortsOf(r.answer!.values[q.id]);
      return [branchHead(r, L), ...REQUEST_COHORTS.map((k) => String(c?.[k] ?? "")), c ? String(cohortsTotal(c)) : ""];
    });
    const sum = cohortTotals(q, answered);
    return [...out, grid([L.branch, ...REQUEST_COHORTS.map((k) => L.cohorts[k]), L.total], body, [L.totalRow, ...REQUEST_COHORTS.map((k) => String(sum[k])), String(sum.total)])];
  }
  if (q.kind === QuestionKind.NUMBER) {
    const values = answered.map((r) => numberOf(r.answer!.values[q.id]));
    const total = values.reduce<number>((s, v) => s + (v ?? 0), 0);
    return [...out, grid([L.branch, L.value], answered.map((r, i) => [branchHead(r, L), String(values[i] ?? "")]), [L.totalRow, String(total)])];
  }
  for (const r of answered) {
    out.push(para(branchHead(r, L), { bold: true, italics: true }));
    const value = r.answer!.values[q.id];
    const files = filesOf(value);
    if (files) {
      if (files.length === 0) out.push(para(L.noFiles, { italics: true }));
      files.forEach((f, i) => out.push(para(`- ${f.fileName ?? String(i + 1)}`)));
      continue;
    }
    for (const line of (answerText(q, value) ?? "").split(/\r?\n/)) out.push(para(line));
  }
  return out;
}

export async function buildRequestDraft(input: RequestExportInput, L: RequestExportLabels): Promise<Buffer> {
  const children = [...titleBlock(input, L), ...input.questions.flatMap((q) => section(q, input.rows, L)), ...(L.missingLine ? [para(L.missingLine, { italics: true })] : [])];
  const doc = new Document({
    creator: "Trợ lý Chi bộ",
    title: xmlSafe(input.title),
    styles: { default: { document: { run: { font: DRAFT_FONT, size: SIZE }, paragraph: { spacing: { after: 120 } } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
