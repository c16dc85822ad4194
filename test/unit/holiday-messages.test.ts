// What the messages say when a public holiday moves a deadline (src/domain/holidays.ts): the
// monthly reminder, /caidat's list of the coming moved deadlines, a request's reminder and summary.
import { describe, expect, it } from "vitest";
import { movedDeadlines } from "../../src/domain/moved-deadlines.js";
import { DEFAULT_SCHEDULE } from "../../src/domain/schedule.js";
import { createI18n, translator } from "../../src/i18n.js";
import { reminderMessages } from "../../src/messages/deliveries.js";
import { requestLateListMessages, requestReminderMessages } from "../../src/messages/request-reminders.js";
import { describeSchedule } from "../../src/messages/schedule.js";
import { fromLocal } from "../../src/domain/time.js";
import type { OutMessage } from "../../src/messages/out-message.js";

const VN = "Asia/Ho_Chi_Minh";
const t = translator(createI18n());
/** The text of a message (these carry no photo). */
const text = (m: OutMessage | undefined) => (m && "text" in m ? m.text : "");
const now = fromLocal({ year: 2026, month: 12, day: 3, hour: 9, minute: 0, second: 0 }, VN);

describe("the coming deadlines a holiday moves (/caidat, /hanbaocao)", () => {
  it("with the 5th: only January 2027's report, from 05/02 to 10/02/2027", () => {
    expect(movedDeadlines(5, now, VN)).toEqual([{ period: { year: 2027, month: 1 }, from: { year: 2027, month: 2, day: 5 }, on: { year: 2027, month: 2, day: 10 }, holiday: "Giao thừa Tết Nguyên Đán" }]);
    expect(describeSchedule(t, DEFAULT_SCHEDULE, movedDeadlines(5, now, VN)).split("\n").slice(-2)).toEqual([
      "· Hạn trùng ngày nghỉ lễ, Tết trong 12 tháng tới, lùi sang ngày làm việc tiếp theo:",
      "  – báo cáo tháng 01/2027: 05/02/2027 (Giao thừa Tết Nguyên Đán) → 10/02/2027",
    ]);
  });

  it("with the 1st: 01/01/2027 and 01/05/2027, each to the Monday after", () => {
    expect(movedDeadlines(1, now, VN).map((m) => [m.period.month, m.on.day, m.on.month])).toEqual([
      [12, 4, 1],
      [4, 3, 5],
    ]);
  });

  it("with a day no holiday meets (the 20th): no list", () => {
    expect(movedDeadlines(20, now, VN)).toEqual([]);
    expect(describeSchedule(t, DEFAULT_SCHEDULE, [])).not.toContain("ngày nghỉ");
  });
});

describe("a reminder of a moved deadline", () => {
  it("monthly: gives the moved date and says why", () => {
    const [m] = reminderMessages(
      t,
      { period: { year: 2027, month: 1 }, deadline: fromLocal({ year: 2027, month: 2, day: 10, hour: 23, minute: 59, second: 59 }, VN), days: 3, units: ["Chi bộ A"], moved: { from: { year: 2027, month: 2, day: 5 }, on: { year: 2027, month: 2, day: 10 }, holiday: "Giao thừa Tết Nguyên Đán" } },
      VN,
    );
    expect(text(m)).toContain("hạn nộp 10/02/2027 (còn 3 ngày)");
    expect(text(m)).toContain("📅 Hạn lùi từ 05/02/2027 sang 10/02/2027 vì trùng ngày nghỉ Giao thừa Tết Nguyên Đán.");
  });

  it("a request's: the moved date and why; none on a working day", () => {
    const data = { requestId: 1, revision: 1, title: "Rà soát nguồn", from: "Đảng ủy", days: 1, units: ["Chi bộ A"] };
    const [moved] = requestReminderMessages(t, { ...data, due: { dueOn: "2027-02-08", dueTime: null } }, VN);
    expect(text(moved)).toContain("hạn trả lời 10/02/2027 (còn 1 ngày)");
    expect(text(moved)).toContain("📅 Hạn lùi từ 08/02/2027 sang 10/02/2027 vì trùng ngày nghỉ Tết Nguyên Đán.");
    const [plain] = requestReminderMessages(t, { ...data, due: { dueOn: "2027-03-05", dueTime: null } }, VN);
    expect(text(plain)).not.toContain("📅");
  });

  it("a request's late list: the moved date and why, under its title", () => {
    const data = { title: "Rà soát nguồn", targets: 5, missing: [{ code: "CB-A", name: "Chi bộ A" }] };
    const [moved] = requestLateListMessages(t, { ...data, due: { dueOn: "2027-02-08", dueTime: null } }, VN);
    expect(text(moved)).toContain("10/02/2027");
    expect(text(moved)).toContain("📅 Hạn lùi từ 08/02/2027 sang 10/02/2027 vì trùng ngày nghỉ Tết Nguyên Đán.");
    const [plain] = requestLateListMessages(t, { ...data, due: { dueOn: "2027-03-05", dueTime: null } }, VN);
    expect(text(plain)).not.toContain("📅");
  });
});
