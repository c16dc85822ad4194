import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { emptyFigures } from "../../src/domain/report.js";
import {
  buildWorkbook,
  FORMATS,
  MEETING_COLUMNS,
  PROGRESS_COLUMNS,
  REPORT_COLUMNS,
  type WorkbookInput,
} from "../../src/export/workbook.js";
import { VI_WORKBOOK_LABELS } from "./export-labels.fixture.js";

const VN = "Asia/Ho_Chi_Minh";

const input: WorkbookInput = {
  labels: VI_WORKBOOK_LABELS,
  timeZone: VN,
  createdAt: new Date("2026-11-10T03:00:00Z"),
  reports: [
    {
      ...emptyFigures(),
      code: "CB-QT",
      name: "Chi bộ Trường THPT Quang Trung",
      year: 2026,
      month: 10,
      candidates: 12,
      awarenessClass: 5,
      applicationsInReview: 2,
      admittedTeachers: 1,
      admittedPupils: 2,
      removedStruckOff: 1,
      removedExpelled: 0,
      removedResigned: 0,
      removedDied: 0,
      removedUnclassified: 0,
      removedReason: "Bỏ sinh hoạt",
      late: false,
      // 23:30 on 4 November in Hà Nội.
      submittedAt: new Date("2026-11-04T16:30:00Z"),
      version: 2,
      reviewState: "APPROVED",
      lateCorrection: false,
      correctionReason: null,
      submittedBy: "Nguyễn Thị Lan (Bí thư chi bộ)",
    },
    {
      ...emptyFigures(),
      code: "CB-LL",
      name: "Chi bộ Trường Lê Lợi",
      year: 2026,
      month: 12,
      late: true,
      submittedAt: new Date("2027-01-07T02:15:00Z"),
      version: 1,
      // Changed after December was closed, not yet approved again.
      reviewState: "PENDING",
      lateCorrection: true,
      correctionReason: "Bổ sung một đảng viên kết nạp ngày 30/12",
      submittedBy: "Lê Văn Cường",
    },
  ],
  meetings: [
    {
      code: "CB-QT",
      name: "Chi bộ Trường THPT Quang Trung",
      kind: "THEMATIC",
      heldOn: "2026-10-20",
      topic: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
      place: "Phòng họp tầng 2",
      chair: "Nguyễn Văn An",
      recorder: "Trần Thị Bình",
      onRoll: 25,
      present: 20,
      absentExcused: 4,
      absentUnexcused: 1,
      attachments: 3,
      reviewState: "RETURNED",
      lateCorrection: false,
      submittedBy: "Nguyễn Thị Lan (Bí thư chi bộ)",
    },
    {
      code: "CB-LL",
      name: "Chi bộ Trường Lê Lợi",
      kind: "REGULAR",
      heldOn: "2026-10-05",
      topic: null,
      place: "Hội trường",
      chair: "Lê Văn Cường",
      recorder: "Phạm Thị Dung",
      onRoll: 8,
      present: 8,
      absentExcused: 0,
      absentUnexcused: 0,
      attachments: 0,
      reviewState: "APPROVED",
      lateCorrection: false,
      submittedBy: "Lê Văn Cường",
    },
  ],
  progress: [
    {
      code: "CB-QT",
      name: "Chi bộ Trường THPT Quang Trung",
      quota: { total: 10, byCohort: { admittedTeachers: 4, admittedPupils: null, admittedStudents: null, admittedOther: null } },
      admittedYearToDate: { total: 5, byCohort: { admittedTeachers: 1, admittedPupils: 4, admittedStudents: 0, admittedOther: 0 } },
    },
    {
      code: "CB-LL",
      name: "Chi bộ Trường Lê Lợi",
      quota: null,
      admittedYearToDate: { total: 2, byCohort: { admittedTeachers: 0, admittedPupils: 0, admittedStudents: 0, admittedOther: 2 } },
    },
  ],
};

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  return wb;
}

const headers = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1);

describe("buildWorkbook", async () => {
  const buffer = await buildWorkbook(input);
  const wb = await readBack(buffer);

  it("is an .xlsx (a zip) with the three sheets in order", () => {
    expect(buffer.subarray(0, 4).toString("binary")).toBe("PK\u0003\u0004");
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Báo cáo tháng", "Sinh hoạt chi bộ", "Tiến độ chỉ tiêu"]);
  });

  it("writes the Vietnamese headers, bold, in a frozen first row", () => {
    const reports = wb.getWorksheet("Báo cáo tháng")!;
    expect(headers(reports)).toEqual(REPORT_COLUMNS.map((c) => VI_WORKBOOK_LABELS.reports[c]));
    expect(headers(reports).slice(0, 3)).toEqual(["Mã chi bộ", "Tên chi bộ", "Tháng"]);
    expect(headers(wb.getWorksheet("Sinh hoạt chi bộ")!)).toEqual(MEETING_COLUMNS.map((c) => VI_WORKBOOK_LABELS.meetings[c]));
    const progress = headers(wb.getWorksheet("Tiến độ chỉ tiêu")!);
    expect(progress).toHaveLength(PROGRESS_COLUMNS.length + 12);
    expect(progress.slice(0, 8)).toEqual([
      "Mã chi bộ",
      "Tên chi bộ",
      "Chỉ tiêu năm",
      "Đã kết nạp",
      "Tỷ lệ",
      "Chỉ tiêu: giáo viên, giảng viên",
      "Đã kết nạp: giáo viên, giảng viên",
      "Tỷ lệ: giáo viên, giảng viên",
    ]);
    for (const sheet of wb.worksheets) {
      expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(30);
    }
  });

  it("keeps every column's header and place, whatever list the columns are made from", () => {
    expect(headers(wb.getWorksheet("Báo cáo tháng")!)).toEqual([
      "Mã chi bộ", "Tên chi bộ", "Tháng", "Quần chúng ưu tú (nguồn phát triển đảng viên)", "Học lớp bồi dưỡng nhận thức về Đảng", "Hồ sơ đề nghị kết nạp đang xét",
      "Kết nạp: giáo viên, giảng viên", "Kết nạp: học sinh", "Kết nạp: sinh viên", "Kết nạp: đối tượng khác", "Tổng kết nạp", "Chuyển đảng chính thức",
      "Xóa tên", "Khai trừ", "Xin ra khỏi Đảng", "Từ trần", "Giảm, chưa phân loại (báo cáo cũ)", "Tổng đảng viên giảm", "Lý do các trường hợp giảm",
      "Chuyển sinh hoạt đến", "Chuyển sinh hoạt đi", "Khó khăn, đề xuất", "Nộp muộn",
      "Thời điểm gửi", "Phiên bản", "Trạng thái duyệt", "Đính chính sau khóa sổ", "Lý do đính chính", "Người gửi",
    ]);
    expect(headers(wb.getWorksheet("Sinh hoạt chi bộ")!)).toEqual([
      "Mã chi bộ", "Tên chi bộ", "Loại", "Ngày", "Chuyên đề", "Địa điểm", "Chủ trì", "Thư ký", "Số đảng viên", "Có mặt",
      "Vắng có lý do", "Vắng không lý do", "Tỷ lệ dự", "Số tệp đính kèm", "Trạng thái duyệt", "Người gửi",
    ]);
    expect(headers(wb.getWorksheet("Tiến độ chỉ tiêu")!).slice(8)).toEqual([
      "Chỉ tiêu: học sinh", "Đã kết nạp: học sinh", "Tỷ lệ: học sinh", "Chỉ tiêu: sinh viên", "Đã kết nạp: sinh viên", "Tỷ lệ: sinh viên",
      "Chỉ tiêu: đối tượng khác", "Đã kết nạp: đối tượng khác", "Tỷ lệ: đối tượng khác",
    ]);
    // Widths and formats: numbers are number cells, long texts wide ones.
    const layout = (name: string) => wb.getWorksheet(name)!.columns.map((c) => [c.width, c.style?.numFmt ?? null]);
    const n = [12, FORMATS.integer];
    const long = [40, null];
    expect(layout("Báo cáo tháng")).toEqual([
      [14, null], [34, null], [10, FORMATS.month], n, n, n, n, n, n, n, n, n, n, n, n, n, n, n, long, n, n, long,
      [10, null], [18, FORMATS.dateTime], [9, FORMATS.integer], [13, null], [10, null], long, [34, null],
    ]);
    expect(layout("Sinh hoạt chi bộ")).toEqual([
      [14, null], [34, null], [13, null], [12, FORMATS.date], long, [28, null], [22, null], [22, null], n, n, n, n,
      [12, FORMATS.percent], n, [13, null], [34, null],
    ]);
  });

  it("writes a report row with date cells and number cells", () => {
    const row = wb.getWorksheet("Báo cáo tháng")!.getRow(2);
    const cell = (c: (typeof REPORT_COLUMNS)[number]) => row.getCell(REPORT_COLUMNS.indexOf(c) + 1);
    expect(cell("code").value).toBe("CB-QT");
    expect(cell("month").value).toEqual(new Date(Date.UTC(2026, 9, 1)));
    expect(cell("month").numFmt).toBe(FORMATS.month);
    expect(cell("candidates").value).toBe(12);
    expect(cell("admittedTotal").value).toBe(3);
    expect(cell("admittedStudents").value).toBe(0);
    expect(cell("removedReason").value).toBe("Bỏ sinh hoạt");
    expect(cell("note").value).toBeNull();
    expect(cell("late").value).toBe("Không");
    // Hà Nội's wall clock, not UTC's: 23:30 on 4 November.
    expect(cell("submittedAt").value).toEqual(new Date(Date.UTC(2026, 10, 4, 23, 30)));
    expect(cell("submittedAt").numFmt).toBe(FORMATS.dateTime);
    expect(cell("version").value).toBe(2);

    const late = wb.getWorksheet("Báo cáo tháng")!.getRow(3);
    expect(late.getCell(REPORT_COLUMNS.indexOf("late") + 1).value).toBe("Có");
    expect(late.getCell(REPORT_COLUMNS.indexOf("month") + 1).value).toEqual(new Date(Date.UTC(2026, 11, 1)));
    expect(wb.getWorksheet("Báo cáo tháng")!.rowCount).toBe(3);
  });

  it("writes each report's review state, whether it is a late correction, and why", () => {
    const sheet = wb.getWorksheet("Báo cáo tháng")!;
    const cell = (r: number, c: (typeof REPORT_COLUMNS)[number]) => sheet.getRow(r).getCell(REPORT_COLUMNS.indexOf(c) + 1).value;
    expect(headers(sheet).slice(-4)).toEqual(["Trạng thái duyệt", "Đính chính sau khóa sổ", "Lý do đính chính", "Người gửi"]);
    // Who sent each version, by the full name and position they gave.
    expect([cell(2, "submittedBy"), cell(3, "submittedBy")]).toEqual(["Nguyễn Thị Lan (Bí thư chi bộ)", "Lê Văn Cường"]);
    expect([cell(2, "reviewState"), cell(2, "lateCorrection"), cell(2, "correctionReason")]).toEqual(["Đã duyệt", "Không", null]);
    // A correction after closing stays "Đính chính sau khóa sổ, chờ duyệt" until it is approved.
    expect([cell(3, "reviewState"), cell(3, "lateCorrection"), cell(3, "correctionReason")]).toEqual([
      "Đính chính sau khóa sổ, chờ duyệt",
      "Có",
      "Bổ sung một đảng viên kết nạp ngày 30/12",
    ]);
  });

  it("writes meetings with their kind, date and attendance rate", () => {
    const sheet = wb.getWorksheet("Sinh hoạt chi bộ")!;
    const cell = (r: number, c: (typeof MEETING_COLUMNS)[number]) => sheet.getRow(r).getCell(MEETING_COLUMNS.indexOf(c) + 1);
    expect(cell(2, "kind").value).toBe("Chuyên đề");
    expect(cell(3, "kind").value).toBe("Thường kỳ");
    expect(cell(2, "heldOn").value).toEqual(new Date(Date.UTC(2026, 9, 20)));
    expect(cell(2, "heldOn").numFmt).toBe(FORMATS.date);
    expect(cell(2, "topic").value).toBe("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
    expect(cell(3, "topic").value).toBeNull();
    expect(cell(2, "attendanceRate").value).toBeCloseTo(0.8);
    expect(cell(2, "attendanceRate").numFmt).toBe(FORMATS.percent);
    expect(cell(2, "attachments").value).toBe(3);
    expect(cell(2, "absentUnexcused").value).toBe(1);
    expect(cell(2, "reviewState").value).toBe("Trả lại");
    expect(cell(3, "reviewState").value).toBe("Đã duyệt");
  });

  it("writes progress against quota, leaving quota and rate empty where there is none", () => {
    const sheet = wb.getWorksheet("Tiến độ chỉ tiêu")!;
    const values = (r: number) => (sheet.getRow(r).values as unknown[]).slice(1);
    // code, name, quota, admitted, rate, then (quota, admitted, rate) per cohort; ExcelJS gives
    // undefined for an empty cell.
    expect(values(2)).toEqual([
      "CB-QT",
      "Chi bộ Trường THPT Quang Trung",
      10,
      5,
      0.5,
      4,
      1,
      0.25,
      undefined,
      4,
      undefined,
      undefined,
      0,
      undefined,
      undefined,
      0,
    ]);
    expect(values(3).slice(2, 5)).toEqual([undefined, 2, undefined]);
    expect(sheet.getRow(2).getCell(5).numFmt).toBe(FORMATS.percent);
  });

});

describe("buildWorkbook with characters XML forbids in any text (older rows, pasted text)", async () => {
  // U+FFFE and U+FFFF: one of them in one cell made Excel and ExcelJS refuse the whole file.
  const bad = (text: string) => `${text}￾￿`;
  const [report, other] = input.reports;
  const [meeting] = input.meetings;
  const buffer = await buildWorkbook({
    ...input,
    labels: { ...VI_WORKBOOK_LABELS, sheets: { ...VI_WORKBOOK_LABELS.sheets, reports: bad("Báo cáo tháng") } },
    reports: [{ ...report!, name: bad(report!.name), removedReason: bad("Bỏ sinh hoạt"), note: bad("Ghi chú") }, { ...other!, correctionReason: bad("Bổ sung") }],
    meetings: [{ ...meeting!, name: bad(meeting!.name), topic: bad("Chủ đề"), place: bad("Phòng họp"), chair: bad("An"), recorder: bad("Bình") }],
    progress: input.progress.map((p) => ({ ...p, name: bad(p.name) })),
  });

  it("still opens, with those characters left out and every other character kept", async () => {
    const wb = await readBack(buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["Báo cáo tháng", "Sinh hoạt chi bộ", "Tiến độ chỉ tiêu"]);
    const reports = wb.getWorksheet("Báo cáo tháng")!;
    const r = (row: number, c: (typeof REPORT_COLUMNS)[number]) => reports.getRow(row).getCell(REPORT_COLUMNS.indexOf(c) + 1).value;
    expect([r(2, "name"), r(2, "removedReason"), r(2, "note"), r(3, "correctionReason")]).toEqual([
      "Chi bộ Trường THPT Quang Trung",
      "Bỏ sinh hoạt",
      "Ghi chú",
      "Bổ sung",
    ]);
    const meetings = wb.getWorksheet("Sinh hoạt chi bộ")!;
    const m = (c: (typeof MEETING_COLUMNS)[number]) => meetings.getRow(2).getCell(MEETING_COLUMNS.indexOf(c) + 1).value;
    expect([m("name"), m("topic"), m("place"), m("chair"), m("recorder")]).toEqual(["Chi bộ Trường THPT Quang Trung", "Chủ đề", "Phòng họp", "An", "Bình"]);
    expect(wb.getWorksheet("Tiến độ chỉ tiêu")!.getRow(3).getCell(2).value).toBe("Chi bộ Trường Lê Lợi");
  });
});
