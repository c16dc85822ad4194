// The Vietnamese texts of the .xlsx export and the progress chart, written as the lines that belong
// in locales/vi.ftl. To move them: append VI_EXPORT_FTL to locales/vi.ftl, and in
// test/unit/locale.test.ts add to TEMPLATES
//   "export-report-*": REPORT_COLUMNS, "export-meeting-*": MEETING_COLUMNS,
//   "export-progress-*": PROGRESS_COLUMNS, "export-progress-quota-*": COHORTS,
//   "export-progress-admitted-*": COHORTS, "export-progress-rate-*": COHORTS, "chart-cohort-*": COHORTS
// (the other keys are written as literals in workbookLabels, chartLabels and chartBarNames).
// Until then the tests read the texts from here through viT, a stand-in for ctx.t.
import { chartLabels, type ProgressChartLabels } from "../../src/chart/progress-chart.js";
import { workbookLabels, type WorkbookLabels } from "../../src/export/workbook.js";

export const VI_EXPORT_FTL = `
## Xuất dữ liệu (/xuat)
export-sheet-reports = Báo cáo tháng
export-sheet-meetings = Sinh hoạt chi bộ
export-sheet-progress = Tiến độ chỉ tiêu
export-report-code = Mã chi bộ
export-report-name = Tên chi bộ
export-report-month = Tháng
export-report-candidates = Quần chúng ưu tú (nguồn)
export-report-awarenessClass = Học lớp nhận thức về Đảng
export-report-applicationsInReview = Hồ sơ đề nghị kết nạp đang xét
export-report-admittedTeachers = Kết nạp: giáo viên
export-report-admittedPupils = Kết nạp: học sinh
export-report-admittedStudents = Kết nạp: sinh viên
export-report-admittedOther = Kết nạp: đối tượng khác
export-report-admittedTotal = Tổng kết nạp
export-report-madeFull = Chuyển chính thức
export-report-removed = Xóa tên, khai trừ
export-report-removedReason = Lý do xóa tên, khai trừ
export-report-transferredIn = Chuyển sinh hoạt đến
export-report-transferredOut = Chuyển sinh hoạt đi
export-report-note = Khó khăn, đề xuất
export-report-late = Nộp muộn
export-report-submittedAt = Thời điểm gửi
export-report-version = Phiên bản
export-meeting-code = Mã chi bộ
export-meeting-name = Tên chi bộ
export-meeting-kind = Loại
export-meeting-heldOn = Ngày
export-meeting-topic = Chuyên đề
export-meeting-place = Địa điểm
export-meeting-chair = Chủ trì
export-meeting-recorder = Thư ký
export-meeting-onRoll = Số đảng viên
export-meeting-present = Có mặt
export-meeting-absentExcused = Vắng có lý do
export-meeting-absentUnexcused = Vắng không lý do
export-meeting-attendanceRate = Tỷ lệ dự
export-meeting-attachments = Số tệp đính kèm
export-progress-code = Mã chi bộ
export-progress-name = Tên chi bộ
export-progress-quota = Chỉ tiêu năm
export-progress-admitted = Đã kết nạp
export-progress-rate = Tỷ lệ
export-progress-quota-admittedTeachers = Chỉ tiêu: giáo viên
export-progress-admitted-admittedTeachers = Đã kết nạp: giáo viên
export-progress-rate-admittedTeachers = Tỷ lệ: giáo viên
export-progress-quota-admittedPupils = Chỉ tiêu: học sinh
export-progress-admitted-admittedPupils = Đã kết nạp: học sinh
export-progress-rate-admittedPupils = Tỷ lệ: học sinh
export-progress-quota-admittedStudents = Chỉ tiêu: sinh viên
export-progress-admitted-admittedStudents = Đã kết nạp: sinh viên
export-progress-rate-admittedStudents = Tỷ lệ: sinh viên
export-progress-quota-admittedOther = Chỉ tiêu: đối tượng khác
export-progress-admitted-admittedOther = Đã kết nạp: đối tượng khác
export-progress-rate-admittedOther = Tỷ lệ: đối tượng khác
export-yes = Có
export-no = Không
export-regular = Thường kỳ
export-thematic = Chuyên đề

## Biểu đồ tiến độ
chart-title = Kết nạp đảng viên năm { $year } so với chỉ tiêu
chart-subtitle = { $unit } · số liệu đến hết tháng { $period }
chart-legend-admitted = Đã kết nạp
chart-legend-quota = Chỉ tiêu
chart-legend-pace = Mức cần đạt đến nay
chart-no-quota = chưa có chỉ tiêu
chart-total = Toàn đơn vị
chart-cohort-admittedTeachers = Giáo viên
chart-cohort-admittedPupils = Học sinh
chart-cohort-admittedStudents = Sinh viên
chart-cohort-admittedOther = Đối tượng khác
chart-more = … và { $count } chi bộ khác
`;

/** key -> text, for the simple one-line messages above; { $var } placeables are filled from `args`. */
export const VI_EXPORT_MESSAGES: ReadonlyMap<string, string> = new Map(
  VI_EXPORT_FTL.split("\n")
    .map((line) => line.match(/^([a-zA-Z][\w-]*) = (.+)$/))
    .filter((m): m is RegExpMatchArray => m !== null)
    .map((m) => [m[1]!, m[2]!]),
);

/** A stand-in for ctx.t over the lines above; throws on a missing key so a typo fails the test. */
export function viT(key: string, args: Record<string, string | number> = {}): string {
  const text = VI_EXPORT_MESSAGES.get(key);
  if (text === undefined) throw new Error(`no message ${key}`);
  return text.replace(/\{ \$(\w+) \}/g, (_, name: string) => String(args[name] ?? `{$${name}}`));
}

export const VI_WORKBOOK_LABELS: WorkbookLabels = workbookLabels(viT);
export const VI_CHART_LABELS: ProgressChartLabels = chartLabels(viT);

