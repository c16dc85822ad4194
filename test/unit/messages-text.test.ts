// Texts src/messages builds from plain data, through the bot's own locale, with no bot running:
// /tiendo, /caidat, and what /khoaso and /mokhoa answer.
import { describe, expect, it } from "vitest";
import { meetingCompliance } from "../../src/domain/meeting.js";
import { yearProgress, type YearReport } from "../../src/domain/progress.js";
import { DEFAULT_SCHEDULE } from "../../src/domain/schedule.js";
import { createI18n, translator } from "../../src/i18n.js";
import { closeMonthMessages, reopenMonthMessages } from "../../src/messages/close-month.js";
import { progressText } from "../../src/messages/progress.js";
import { describeSchedule } from "../../src/messages/schedule.js";

const VN = "Asia/Ho_Chi_Minh";
const t = translator(createI18n());

describe("progressText (/tiendo)", () => {
  it("lists each month so far with its review, the year's admissions and its meetings", () => {
    const now = new Date("2026-05-03T10:00:00+07:00");
    const cohorts = (a: number, b: number, c: number, d: number) => ({ admittedTeachers: a, admittedPupils: b, admittedStudents: c, admittedOther: d });
    const reports: YearReport[] = [
      { month: 1, late: false, reviewState: "APPROVED", lateCorrection: false, ...cohorts(1, 0, 2, 0) },
      { month: 2, late: true, reviewState: "PENDING", lateCorrection: true, ...cohorts(1, 1, 1, 1) },
    ];
    const meetings = meetingCompliance(
      [{ kind: "REGULAR", heldOn: "2026-01-10", onRoll: 10, present: 8 }, { kind: "THEMATIC", heldOn: "2026-02-10", onRoll: 10, present: 9 }],
      2026, now, VN,
    );
    expect(progressText(t, { unitName: "Chi bộ A", year: 2026, reports: yearProgress(reports, 2026, now, 5, VN), meetings }, VN)).toBe(
      [
        "📈 Chi bộ A: năm 2026",
        "Tháng 01/2026: ✅ đã báo cáo, kết nạp 3 · đã duyệt",
        "Tháng 02/2026: ✅ đã báo cáo (muộn), kết nạp 4 · sửa muộn, chờ duyệt",
        "Tháng 03/2026: ❌ chưa báo cáo (hạn đã qua)",
        "Tháng 04/2026: ⏳ chưa báo cáo, hạn 05/05/2026",
        "Tháng 05/2026: tháng chưa kết thúc",
        "",
        "Tổng kết nạp từ đầu năm: 7 đảng viên (giáo viên 2, học sinh 1, sinh viên 3, khác 1).",
        "",
        "Sinh hoạt chi bộ năm 2026:",
        "Tháng 01/2026: ✅ đã sinh hoạt thường kỳ",
        "Tháng 02/2026: ❌ chưa có sinh hoạt thường kỳ",
        "Tháng 03/2026: ❌ chưa có sinh hoạt thường kỳ",
        "Tháng 04/2026: ❌ chưa có sinh hoạt thường kỳ",
        "Tháng 05/2026: ⏳ chưa ghi sinh hoạt thường kỳ",
        "Quý 1: ✅ đã sinh hoạt chuyên đề",
        "Quý 2: ⏳ chưa ghi sinh hoạt chuyên đề",
        "Tỷ lệ dự họp bình quân: 85%",
      ].join("\n"),
    );
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
