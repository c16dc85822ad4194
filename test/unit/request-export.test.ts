// A request's two export files, opened the way the committee's staff open them: the .xlsx in
// Excel (exceljs reads it back: cell types, cohort columns and totals), the .docx unzipped
// (its document.xml: the title block, the sections of the outline in order, the tables per
// cohort with totals, the Vietnamese text intact and Times New Roman as the default font).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { QuestionKind, type RequestQuestion } from "../../src/domain/request.js";
import { safeFileName } from "../../src/domain/file-names.js";
import { buildRequestDraft, DRAFT_FONT } from "../../src/export/request-draft.js";
import { requestExportLabels } from "../../src/export/request-labels.js";
import type { RequestExportInput } from "../../src/export/request-rows.js";
import { buildRequestWorkbook } from "../../src/export/request-workbook.js";
import { createI18n, translator } from "../../src/i18n.js";

const VN = "Asia/Ho_Chi_Minh";

const questions: RequestQuestion[] = [
  { id: "q1", kind: QuestionKind.COHORTS, section: "II.1", title: "Kết nạp đảng viên theo đối tượng từ năm 2021" },
  { id: "q2", kind: QuestionKind.NUMBER, section: "II.2", title: "Số đảng viên hiện có" },
  { id: "q3", kind: QuestionKind.LONG_TEXT, section: "III.1", title: "Nguyên nhân của hạn chế" },
  { id: "q4", kind: QuestionKind.CHOICE, title: "Đánh giá chung", options: ["Tốt", "Chưa tốt"] },
  { id: "q5", kind: QuestionKind.FILES, title: "Danh sách quần chúng ưu tú" },
];

const input: RequestExportInput = {
  committee: "Đảng ủy Sở Giáo dục và Đào tạo",
  title: "Báo cáo chuyên đề tạo nguồn phát triển đảng viên",
  dueOn: "2026-12-15",
  dueTime: null,
  questions,
  rows: [
    {
      code: "CB-A",
      name: "Chi bộ Trường THPT Nguyễn Huệ",
      answer: {
        values: { q1: { teachers: 2, pupils: 5, students: 0, other: 1 }, q2: 31, q3: "Công tác tạo nguồn chưa đều.\nỞ khối học sinh còn ít.", q4: { choice: 0 }, q5: [{ kind: "PDF", fileId: "f1", fileUniqueId: "u1", fileName: "danh-sách-quần-chúng.pdf", size: 1000 }] },
        by: "Nguyễn Thị Lan",
        at: new Date("2026-12-10T02:30:00Z"),
        version: 2,
        late: false,
        reviewState: "APPROVED",
      },
    },
    {
      code: "CB-B",
      name: "Chi bộ Trường THCS Lê Lợi",
      answer: {
        values: { q1: { teachers: 1, pupils: 0, students: 3, other: 0 }, q2: 12, q3: "Đội ngũ quần chúng ưu tú mỏng.", q4: { choice: 1 }, q5: [] },
        by: "Trần Văn Bình",
        at: new Date("2026-12-16T08:00:00Z"),
        version: 1,
        late: true,
        reviewState: "PENDING",
      },
    },
    { code: "CB-C", name: "Chi bộ Trường Tiểu học Đống Đa", answer: null },
  ],
};

const L = requestExportLabels(translator(createI18n()), input);

describe("the request's workbook", () => {
  let sheet: ExcelJS.Worksheet;
  let headers: string[];
  const col = (h: string) => headers.indexOf(h) + 1;
  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildRequestWorkbook(input, L, VN, new Date("2026-12-20T00:00:00Z"))) as unknown as ArrayBuffer);
    sheet = wb.worksheets[0]!;
    headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  });

  it("has one row per branch it went to, the unanswered one too, with code and name", () => {
    expect(sheet.rowCount).toBe(4);
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(1).value)).toEqual(["CB-A", "CB-B", "CB-C"]);
    expect(sheet.getRow(4).getCell(2).value).toBe("Chi bộ Trường Tiểu học Đống Đa");
  });

  it("splits a figures question into one number column per cohort and a total", () => {
    const head = "II.1. Kết nạp đảng viên theo đối tượng từ năm 2021";
    const cols = ["Giáo viên, giảng viên", "Học sinh", "Sinh viên", "Khác", "Tổng"].map((c) => col(`${head}: ${c}`));
    expect(cols.every((c) => c > 0)).toBe(true);
    expect(cols.map((c) => sheet.getRow(2).getCell(c).value)).toEqual([2, 5, 0, 1, 8]);
    expect(cols.map((c) => sheet.getRow(3).getCell(c).value)).toEqual([1, 0, 3, 0, 4]);
    expect(sheet.getRow(2).getCell(cols[4]!).type).toBe(ExcelJS.ValueType.Number);
    expect(sheet.getRow(4).getCell(cols[0]!).value).toBeNull();
  });

  it("keeps numbers as numbers, texts, the chosen option, file names, and the answer's facts in Vietnamese", () => {
    const r2 = sheet.getRow(2);
    expect(r2.getCell(col("II.2. Số đảng viên hiện có")).value).toBe(31);
    expect(r2.getCell(col("III.1. Nguyên nhân của hạn chế")).value).toBe("Công tác tạo nguồn chưa đều.\nỞ khối học sinh còn ít.");
    expect(r2.getCell(col("Đánh giá chung")).value).toBe("Tốt");
    expect(sheet.getRow(3).getCell(col("Đánh giá chung")).value).toBe("Chưa tốt");
    expect(r2.getCell(col("Danh sách quần chúng ưu tú")).value).toBe("danh-sách-quần-chúng.pdf");
    expect(r2.getCell(col("Người trả lời")).value).toBe("Nguyễn Thị Lan");
    expect(r2.getCell(col("Phiên bản")).value).toBe(2);
    expect([2, 3].map((r) => sheet.getRow(r).getCell(col("Sau hạn")).value)).toEqual(["Không", "Có"]);
    expect([2, 3, 4].map((r) => sheet.getRow(r).getCell(col("Duyệt")).value)).toEqual(["Đã duyệt", "Chờ duyệt", null]);
  });

  it("writes when it was answered as a date cell on Hà Nội's clock", () => {
    const cell = sheet.getRow(2).getCell(col("Thời gian trả lời"));
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect((cell.value as Date).toISOString()).toBe("2026-12-10T09:30:00.000Z");
    expect(cell.numFmt).toBe("dd/mm/yyyy hh:mm");
  });
});

describe("the consolidated draft", () => {
  let xml: string;
  let styles: string;
  /** The document's text, paragraph by paragraph (runs joined), as Word shows it. */
  let paragraphs: string[];
  beforeAll(async () => {
    const zip = await JSZip.loadAsync(await buildRequestDraft(input, L));
    xml = await zip.file("word/document.xml")!.async("string");
    styles = await zip.file("word/styles.xml")!.async("string");
    paragraphs = [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""));
  });

  it("sets Times New Roman on the document's default style", () => {
    expect(DRAFT_FONT).toBe("Times New Roman");
    const defaults = styles.match(/<w:docDefaults>[\s\S]*?<\/w:docDefaults>/)?.[0] ?? "";
    expect(defaults).toContain('w:ascii="Times New Roman"');
    expect(defaults).toContain('w:hAnsi="Times New Roman"');
  });

  it("opens with the title block of a party report", () => {
    const head = paragraphs.slice(0, 8);
    expect(head).toContain("ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    expect(head).toContain("ĐẢNG CỘNG SẢN VIỆT NAM");
    expect(head).toContain("BÁO CÁO");
    expect(head).toContain("Báo cáo chuyên đề tạo nguồn phát triển đảng viên");
    expect(head).toContain("(Hạn báo cáo: 15/12/2026)");
    expect(head).toContain("Tổng hợp từ 2/3 chi bộ đã trả lời");
  });

  it("keeps the Vietnamese text intact, composed (NFC)", () => {
    expect(xml).toBe(xml.normalize("NFC"));
    expect(xml).toContain("Ở khối học sinh còn ít.");
    expect(xml).toContain("Chi bộ Trường Tiểu học Đống Đa");
  });

  it("follows the outline: each numbered section in order, the branches' answers under it headed by their names", () => {
    const at = (s: string) => paragraphs.indexOf(s);
    const sections = ["II.1. Kết nạp đảng viên theo đối tượng từ năm 2021", "II.2. Số đảng viên hiện có", "III.1. Nguyên nhân của hạn chế", "Đánh giá chung", "Danh sách quần chúng ưu tú"];
    const places = sections.map(at);
    expect(places.every((p) => p > 0)).toBe(true);
    expect([...places].sort((a, b) => a - b)).toEqual(places);
    const text = paragraphs.slice(places[2], places[3]);
    expect(text).toEqual(["III.1. Nguyên nhân của hạn chế", "Chi bộ Trường THPT Nguyễn Huệ (đã duyệt)", "Công tác tạo nguồn chưa đều.", "Ở khối học sinh còn ít.", "Chi bộ Trường THCS Lê Lợi", "Đội ngũ quần chúng ưu tú mỏng."]);
    const files = paragraphs.slice(places[4]);
    expect(files.slice(0, 5)).toEqual(["Danh sách quần chúng ưu tú", "Chi bộ Trường THPT Nguyễn Huệ (đã duyệt)", "- danh-sách-quần-chúng.pdf", "Chi bộ Trường THCS Lê Lợi", "Không gửi tệp."]);
    expect(paragraphs.at(-1)).toBe("Các chi bộ chưa trả lời: Chi bộ Trường Tiểu học Đống Đa.");
  });

  it("puts the figures in a table per cohort with a totals row, and a number question in a table with its total", () => {
    const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
      [...t[0].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((c) => c[1])),
    );
    // The first table is the title block's.
    expect(tables[1]).toEqual([
      ["Chi bộ", "Giáo viên, giảng viên", "Học sinh", "Sinh viên", "Khác", "Tổng"],
      ["Chi bộ Trường THPT Nguyễn Huệ (đã duyệt)", "2", "5", "0", "1", "8"],
      ["Chi bộ Trường THCS Lê Lợi", "1", "0", "3", "0", "4"],
      ["Tổng cộng", "3", "5", "3", "1", "12"],
    ]);
    expect(tables[2]).toEqual([["Chi bộ", "Số liệu"], ["Chi bộ Trường THPT Nguyễn Huệ (đã duyệt)", "31"], ["Chi bộ Trường THCS Lê Lợi", "12"], ["Tổng cộng", "43"]]);
  });
});

describe("file names", () => {
  it("are the Vietnamese words without marks, safe on every system", () => {
    expect(safeFileName("du thao bao cao Báo cáo chuyên đề: tạo nguồn / Đảng viên?", "docx")).toBe("du-thao-bao-cao-bao-cao-chuyen-de-tao-nguon-dang-vien.docx");
    expect(safeFileName("***", "xlsx")).toBe("tep.xlsx");
  });
});
