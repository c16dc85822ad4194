// Texts src/messages builds from plain data, through the bot's own locale, with no bot running:
// /tiendo (grouped, and month by month), /caidat, and what /khoaso and /mokhoa answer.
import { describe, expect, it } from "vitest";
import { meetingCompliance } from "../../src/domain/meeting.js";
import { firstMonthOf, yearProgress, type YearReport, type YearSoFar } from "../../src/domain/progress.js";
import { DEFAULT_SCHEDULE } from "../../src/domain/schedule.js";
import { createI18n, translator } from "../../src/i18n.js";
import { closeMonthMessages, reopenMonthMessages } from "../../src/messages/close-month.js";
import { monthList, progressDetailsText, progressText } from "../../src/messages/progress.js";
import { describeSchedule } from "../../src/messages/schedule.js";

const VN = "Asia/Ho_Chi_Minh";
const t = translator(createI18n());

describe("/tiendo", () => {
  const now = new Date("2026-05-03T10:00:00+07:00");
  const cohorts = (a: number, b: number, c: number, d: number) => ({ admittedTeachers: a, admittedPupils: b, admittedStudents: c, admittedOther: d });
  const reports: YearReport[] = [
    { month: 1, late: false, reviewState: "APPROVED", lateCorrection: false, ...cohorts(1, 0, 2, 0) },
    { month: 2, late: true, reviewState: "PENDING", lateCorrection: true, ...cohorts(1, 1, 1, 1) },
  ];
  const meetings = meetingCompliance(
    [
      { kind: "REGULAR", heldOn: "2026-01-10", onRoll: 10, present: 8 },
      { kind: "THEMATIC", heldOn: "2026-02-10", onRoll: 10, present: 9 },
      { kind: "REGULAR", heldOn: "2026-03-12", onRoll: 12, present: 2 },
    ],
    2026, now, VN,
  );
  const year = (over: Partial<YearSoFar> = {}): YearSoFar => ({
    unitId: 7, unitName: "Chi bộ A", year: 2026, firstMonth: 1, reports: yearProgress(reports, 2026, now, 5, VN), meetings, ...over,
  });

  it("progressDetailsText lists each month so far with its review, the year's admissions and its meetings", () => {
    expect(progressDetailsText(t, year(), VN)).toBe(
      [
        "📋 Chi bộ A: từng tháng, năm 2026",
        "Tháng 01/2026: ✅ đã báo cáo, kết nạp 3 · đã duyệt",
        "Tháng 02/2026: ✅ đã báo cáo (muộn), kết nạp 4 · đính chính sau khóa sổ, chờ duyệt",
        "Tháng 03/2026: ❌ chưa báo cáo (hạn đã qua)",
        "Tháng 04/2026: ⏳ chưa báo cáo, hạn 05/05/2026",
        "Tháng 05/2026: tháng chưa kết thúc",
        "",
        "Lũy kế kết nạp từ đầu năm: 7 đảng viên (giáo viên, giảng viên: 2; học sinh: 1; sinh viên: 3; khác: 1).",
        "",
        "Sinh hoạt chi bộ năm 2026:",
        "Tháng 01/2026: ✅ đã sinh hoạt thường kỳ",
        "Tháng 02/2026: ❌ chưa có sinh hoạt thường kỳ",
        "Tháng 03/2026: ✅ đã sinh hoạt thường kỳ",
        "Tháng 04/2026: ❌ chưa có sinh hoạt thường kỳ",
        "Tháng 05/2026: ⏳ chưa ghi sinh hoạt thường kỳ",
        "Quý 1: ✅ đã sinh hoạt chuyên đề",
        "Quý 2: ⏳ chưa ghi sinh hoạt chuyên đề",
        "Tỷ lệ dự họp bình quân: 62%",
        "⚠️ Dưới một nửa đảng viên có mặt: 12/03/2026 (2/12)",
      ].join("\n"),
    );
  });

  it("progressText groups the months by status, counts the review states and names the meetings with fewer than half present", () => {
    expect(progressText(t, year(), VN)).toBe(
      [
        "📈 Chi bộ A: năm 2026",
        "📨 Báo cáo hằng tháng:",
        "  ✅ Đã gửi: tháng 01, 02/2026 (muộn: tháng 02/2026)",
        "  ❌ Chưa gửi, đã quá hạn: tháng 03/2026",
        "  ⏳ Chưa gửi, hạn 05/05/2026: tháng 04/2026",
        "  · Tháng 05/2026 chưa kết thúc",
        "  Duyệt: 1 đã duyệt, 1 đính chính sau khóa sổ, chờ duyệt",
        "Lũy kế kết nạp từ đầu năm: 7 đảng viên (giáo viên, giảng viên: 2; học sinh: 1; sinh viên: 3; khác: 1).",
        "🗓 Sinh hoạt chi bộ:",
        "  ✅ Thường kỳ: tháng 01, 03/2026",
        "  ❌ Chưa có thường kỳ: tháng 02, 04/2026",
        "  ⏳ Tháng 05/2026: chưa ghi thường kỳ",
        "  Chuyên đề: quý 1 ✅ · quý 2 ⏳",
        "Tỷ lệ dự họp bình quân: 62%",
        "⚠️ Dưới một nửa đảng viên có mặt: 12/03/2026 (2/12)",
      ].join("\n"),
    );
  });

  it("a branch added in December answers from December: one line for its reports, one for its meetings", () => {
    const december = new Date("2026-12-20T10:00:00+07:00");
    const first = firstMonthOf(2026, new Date("2026-12-02T09:00:00+07:00"), [], VN);
    expect(first).toBe(12);
    const text = progressText(t, {
      unitId: 7, unitName: "Chi bộ B", year: 2026, firstMonth: first,
      reports: yearProgress([], 2026, december, 5, VN, first),
      meetings: meetingCompliance([], 2026, december, VN, first),
    }, VN);
    expect(text.split("\n")).toEqual([
      "📈 Chi bộ B: năm 2026, từ tháng 12/2026",
      "📨 Báo cáo hằng tháng:",
      "  · Tháng 12/2026 chưa kết thúc",
      "Lũy kế kết nạp từ đầu năm: 0 đảng viên (giáo viên, giảng viên: 0; học sinh: 0; sinh viên: 0; khác: 0).",
      "🗓 Sinh hoạt chi bộ:",
      "  ⏳ Tháng 12/2026: chưa ghi thường kỳ",
      "  Chuyên đề: quý 4 ⏳",
      "Tỷ lệ dự họp bình quân: chưa có biên bản",
    ]);
  });

  it("a whole year stays a handful of lines: runs of months are written as ranges", () => {
    const late = new Date("2027-01-20T10:00:00+07:00");
    const all: YearReport[] = [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => ({ month, late: month === 12, reviewState: "APPROVED", lateCorrection: false, ...cohorts(0, 1, 0, 0) }));
    const text = progressText(t, { unitId: 7, unitName: "Chi bộ C", year: 2026, firstMonth: 1, reports: yearProgress(all, 2026, late, 5, VN), meetings: meetingCompliance([], 2026, late, VN) }, VN);
    expect(text).toContain("  ✅ Đã gửi: tháng 01–03, 05–12/2026 (muộn: tháng 12/2026)\n  ❌ Chưa gửi, đã quá hạn: tháng 04/2026\n");
    expect(text).toContain("  ❌ Chưa có thường kỳ: tháng 01–12/2026\n  Chuyên đề: quý 1 ❌ · quý 2 ❌ · quý 3 ❌ · quý 4 ❌");
    expect(text.split("\n").length).toBeLessThanOrEqual(12);
  });

  it("firstMonthOf: January for a branch of an earlier year; a record of an earlier month moves it back", () => {
    expect(firstMonthOf(2026, new Date("2025-06-01T09:00:00+07:00"), [], VN)).toBe(1);
    expect(firstMonthOf(2026, new Date("2026-12-02T09:00:00+07:00"), [9, 11], VN)).toBe(9);
    // 31 May 23:30 in Hà Nội is May there.
    expect(firstMonthOf(2026, new Date("2026-05-31T16:30:00Z"), [], VN)).toBe(5);
  });

  it("monthList writes runs of three or more as ranges", () => {
    expect(monthList(2026, [1, 2, 3, 5, 7, 8])).toBe("01–03, 05, 07, 08/2026");
    expect(monthList(2026, [11])).toBe("11/2026");
  });
});

describe("describeSchedule (/caidat)", () => {
  it("says the deadline, the reminders, the late list and the digest's day and time", () => {
    expect(describeSchedule(t, DEFAULT_SCHEDULE)).toBe(
      "🗓 Lịch hiện tại (giờ Việt Nam):\n· Hạn nộp báo cáo tháng: ngày 5 tháng sau\n· Nhắc bí thư chưa nộp: 3, 1, 0 ngày trước hạn, lúc 08:00\n· Gửi danh sách chậm cho cấp ủy: 1 ngày sau hạn\n· Tổng hợp hằng tuần: thứ Hai lúc 08:00",
    );
    expect(describeSchedule(t, { ...DEFAULT_SCHEDULE, reminderDaysBefore: [], reminderHour: 7, digestWeekday: 0, digestMinute: 5 })).toBe(
      "🗓 Lịch hiện tại (giờ Việt Nam):\n· Hạn nộp báo cáo tháng: ngày 5 tháng sau\n· Nhắc bí thư chưa nộp: không nhắc ngày trước hạn, lúc 07:00\n· Gửi danh sách chậm cho cấp ủy: 1 ngày sau hạn\n· Tổng hợp hằng tuần: Chủ nhật lúc 08:05",
    );
  });
});

describe("closeMonthMessages and reopenMonthMessages (/khoaso, /mokhoa)", () => {
  const asked = { month: "10/2026", unit: { code: "DU", name: "Đảng ủy Sở" }, timeZone: VN };
  const lock = { unitName: "Đảng ủy Sở", unitCode: "DU", closedAt: new Date("2026-11-10T02:00:00Z") };

  it("names the branches still to approve and those without a report, and how to try again", () => {
    const [text, ...more] = closeMonthMessages(t, {
      status: "unapproved",
      unapproved: [{ id: 1, code: "CB1", name: "Chi bộ 1", state: "RETURNED" }, { id: 2, code: "CB2", name: "Chi bộ 2", state: "PENDING" }],
      missing: [{ id: 3, code: "CB3", name: "Chi bộ 3" }],
    }, asked);
    expect(more).toEqual([]);
    const lines = text!.split("\n");
    expect(lines.at(-1)).toContain("/khoaso 10/2026 DU");
    expect(lines.filter((l) => l.includes("CB1") || l.includes("CB2") || l.includes("CB3"))).toHaveLength(3);
  });

  it("refuses a month before its deadline with the deadline and the day closing opens", () => {
    const r = { status: "too-early" as const, deadline: new Date("2026-11-05T16:59:59.999Z"), opensAt: new Date("2026-11-05T17:00:00Z") };
    expect(closeMonthMessages(t, r, asked)).toEqual([t("close-too-early", { period: "10/2026", deadline: "05/11/2026", opens: "06/11/2026" })]);
    expect(closeMonthMessages(t, r, asked)[0]).toContain("từ ngày 06/11/2026");
  });

  it("answers a month closed already, or closed above, with who closed it and when", () => {
    expect(closeMonthMessages(t, { status: "already-closed", lock }, asked)).toEqual([t("close-already", { period: "10/2026", unit: "Đảng ủy Sở", time: "09:00 10/11/2026" })]);
    expect(reopenMonthMessages(t, { status: "closed-above", lock }, { ...asked, unit: { code: "CB1", name: "Chi bộ 1" } })[0]).toContain("/mokhoa 10/2026 DU");
    expect(reopenMonthMessages(t, { status: "not-closed" }, asked)).toEqual([t("reopen-not-closed", { period: "10/2026", unit: "Đảng ủy Sở" })]);
  });
});
