// Callback data comes from the client and can be forged. Every button value goes through the
// checks of a typed answer: a forged value gets a clear message (or the stale-button toast),
// the form goes on, and nothing invalid is stored.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BotMessage } from "../support/fake-telegram.js";
import { Harness, type Replies, type TestUser } from "../support/harness.js";
import { freshSecretary, TYPICAL_ANSWERS } from "../support/scenario.js";
import { Reviewer } from "../support/review-setup.js";

let h: Harness;
beforeAll(async () => {
  // 3 November 2026: October is the latest month whose report is open.
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
});
afterAll(async () => h?.stop());

const STALE_FORM = "Nút này thuộc một biểu mẫu đã đóng. Gõ lại lệnh để bắt đầu lại; /trogiup liệt kê các lệnh của đồng chí.";
const PERIOD_QUESTION = "Báo cáo tháng nào? Bấm nút hoặc gõ tháng/năm, ví dụ 10/2026.";
const PERIOD_FORMAT = "Chưa đọc được tháng. Xin gõ theo dạng tháng/năm, ví dụ 10/2026.";
const CANDIDATES = "Số quần chúng ưu tú (nguồn phát triển đảng viên) hiện có?";
const DATE_QUESTION = "Buổi sinh hoạt diễn ra ngày nào? Bấm nút hoặc gõ ngày/tháng/năm, ví dụ 02/11/2026 hoặc 2/11.";
const CHOOSE_BUTTON = "Xin bấm một trong các nút của câu hỏi bên dưới.";

/** Sends a callback with data of our own choosing, as a modified client would, on `on` (or on no message the bot knows). */
function forge(u: TestUser, data: string, on?: BotMessage): Promise<Replies> {
  return u.exchange(() =>
    h.fake.pushUpdate({
      callback_query: {
        id: h.fake.newCallbackId(u.id),
        from: { id: u.id, is_bot: false, first_name: u.firstName },
        chat_instance: `ci${u.id}`,
        data,
        message: { message_id: on?.message_id ?? 1, date: 0, chat: { id: u.id, type: "private" }, text: on?.text ?? "" },
      },
    }),
  );
}

/** Presses each forged value on the question being asked; each is refused with `error(value)` and the question comes again. */
async function refuseEach(u: TestUser, values: string[], question: string, error: (v: string) => string) {
  for (const v of values) {
    const r = await forge(u, v, h.fake.messagesTo(u.id).at(-1));
    expect(r.texts, `forged ${JSON.stringify(v)}`).toEqual([error(v), question]);
  }
}

/** "2026-11-02" names a day of the calendar ("2026-02-31" does not). */
function isRealDay(d: string): boolean {
  const t = new Date(`${d}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === d;
}

async function reportsOf(branch: string) {
  return h.app.db.report.findMany({ where: { unit: { code: branch } }, orderBy: { id: "asc" } });
}

/** No report anywhere is for a month that does not exist or is not open (November opens on 30/11). */
async function expectNoImpossibleReport() {
  const all = await h.app.db.report.findMany({ select: { year: true, month: true } });
  for (const r of all) {
    expect(Number.isInteger(r.month) && r.month >= 1 && r.month <= 12, `${r.year}-${r.month}`).toBe(true);
    expect(r.year * 12 + r.month, `${r.year}-${r.month} is not open on 03/11/2026`).toBeLessThanOrEqual(2026 * 12 + 10);
  }
}

describe("/baocao", () => {
  test("every button of the form: a forged value is refused as a typed one would be, and the form goes on to store a true report", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await s.say("/baocao");
    // The month: impossible months, months not open, too old, not a month at all.
    await refuseEach(s, ["a:2026-0", "a:2025-99", "a:2026-1.5", "a:2025-13", "a:2026-", "a:abc", "a:"], PERIOD_QUESTION, () => PERIOD_FORMAT);
    await refuseEach(
      s,
      ["a:2026-11", "a:2026-12"],
      PERIOD_QUESTION,
      (v) =>
        `Báo cáo tháng ${v.slice(7).padStart(2, "0")}/2026 mở từ ngày ${v === "a:2026-11" ? "30/11/2026" : "31/12/2026"} (ngày cuối tháng), trước đó chưa nhận. Tháng gần nhất báo cáo được là tháng 10/2026.`,
    );
    await refuseEach(s, ["a:2024-10"], PERIOD_QUESTION, () => "Tháng 10/2024 đã quá cũ: chỉ nhận báo cáo của 24 tháng gần nhất. Xin liên hệ quản trị viên nếu cần sửa số liệu cũ.");
    expect(await reportsOf(branch)).toHaveLength(0);
    let r = await s.press("Tháng 10/2026");
    expect(r.last.text).toBe(CANDIDATES);

    // A count: what typing the same would get.
    await refuseEach(s, ["a:-1"], CANDIDATES, () => "Số không được âm. Xin nhập 0 hoặc một số dương.");
    await refuseEach(s, ["a:1.5"], CANDIDATES, () => "Xin nhập số nguyên (không có phần thập phân).");
    await refuseEach(s, ["a:99999"], CANDIDATES, () => "Số này quá lớn so với một chi bộ (tối đa 5.000). Xin kiểm tra và nhập lại.");
    await refuseEach(s, ["a:NaN"], CANDIDATES, () => '"NaN" không phải là một số. Xin nhập một số nguyên, ví dụ 3.');
    for (const a of TYPICAL_ANSWERS.slice(0, 3)) await s.say(a as string);
    // "3" admitted: the first cohort may not take more than 3.
    r = await s.say("3");
    const cohort = r.last.text;
    await refuseEach(s, ["a:4"], cohort, () => "Chỉ còn 3 người chưa phân loại trong tổng số 3 người kết nạp. Xin nhập số từ 0 đến 3, hoặc sửa tổng số ở bước tóm tắt.");
    for (const a of TYPICAL_ANSWERS.slice(4, -1)) r = await s.say(a as string);
    // The note: only "skip" is a button there.
    const note = r.last.text;
    await refuseEach(s, ["a:note"], note, () => "Nội dung không được để trống.");
    r = await s.press("Bỏ qua");
    // The summary and the field list: only their own buttons.
    const summary = r.last.text;
    await refuseEach(s, ["a:submit", "a:period"], summary, () => CHOOSE_BUTTON);
    await s.press("✏️ Sửa một mục");
    await refuseEach(s, ["a:send", "a:unitId"], "Đồng chí muốn sửa mục nào?", () => CHOOSE_BUTTON);
    await s.press("Tháng báo cáo");
    // The period asked again from the summary: the same rule.
    await refuseEach(s, ["a:2026-11", "a:2026-13"], PERIOD_QUESTION, (v) =>
      v === "a:2026-13" ? PERIOD_FORMAT : "Báo cáo tháng 11/2026 mở từ ngày 30/11/2026 (ngày cuối tháng), trước đó chưa nhận. Tháng gần nhất báo cáo được là tháng 10/2026.",
    );
    r = await s.press("Tháng 10/2026");
    expect(r.last.text).toContain("📋 Báo cáo phát triển đảng viên tháng 10/2026");
    await s.press("✅ Gửi báo cáo");
    expect((await reportsOf(branch)).map((x) => [x.year, x.month, x.candidates])).toEqual([[2026, 10, 12]]);
    await expectNoImpossibleReport();
  });

  test("the reminder's button: data no button of ours carries gets the stale toast and opens nothing; a month not open is explained", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    for (const data of ["report:2026-0", "report:2025-99", "report:2026-1.5", "report:2025-13", "report:abc", "report:", "report:2026-10-1"]) {
      const r = await forge(s, data);
      expect(r.toasts, data).toEqual([STALE_FORM]);
      expect(r.texts, data).toEqual([]);
    }
    expect((await s.say("/huy")).texts).toEqual(["Không có biểu mẫu nào đang mở."]);

    // November's report is not open on 3 November: said so, then the month is asked.
    let r = await forge(s, "report:2026-11");
    expect(r.texts).toEqual([
      "Báo cáo tháng 11/2026 mở từ ngày 30/11/2026 (ngày cuối tháng), trước đó chưa nhận. Tháng gần nhất báo cáo được là tháng 10/2026.",
      PERIOD_QUESTION,
    ]);
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["Tháng 10/2026", "Tháng 09/2026"]);
    await s.say("/huy");
    r = await forge(s, "report:2000-1");
    expect(r.texts).toEqual(["Tháng 01/2000 đã quá cũ: chỉ nhận báo cáo của 24 tháng gần nhất. Xin liên hệ quản trị viên nếu cần sửa số liệu cũ.", PERIOD_QUESTION]);
    await s.say("/huy");
    // The button as the reminder sends it.
    r = await forge(s, "report:2026-10");
    expect(r.last.text).toBe(CANDIDATES);
    await s.say("/huy");
    expect(await reportsOf(branch)).toHaveLength(0);
    await expectNoImpossibleReport();
  });
});

describe("/bienban", () => {
  test("every button of the form: forged dates, kinds and files are refused, and the meeting is stored on a real day", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await s.say("/bienban");
    await refuseEach(s, ["a:OTHER", "a:regular", "a:"], "Biên bản buổi sinh hoạt nào?", () => CHOOSE_BUTTON);
    let r = await s.press("Thường kỳ");
    expect(r.last.text).toBe(DATE_QUESTION);
    await refuseEach(s, ["a:2026-02-31", "a:2025-13-01", "a:2026-11-31", "a:2026-00-10", "a:2027-99-99"], DATE_QUESTION, () => "Ngày này không có trong lịch. Xin kiểm tra lại ngày và tháng.");
    await refuseEach(s, ["a:2026-11-04"], DATE_QUESTION, () => "Ngày này chưa đến. Chỉ ghi biên bản cho buổi sinh hoạt đã diễn ra.");
    await refuseEach(s, ["a:2020-01-01"], DATE_QUESTION, () => "Ngày này đã quá lâu (chỉ nhận trong vòng 400 ngày). Xin liên hệ quản trị viên nếu cần ghi biên bản cũ.");
    await refuseEach(s, ["a:2026-1-1", "a:02/11/2026", "a:"], DATE_QUESTION, () =>
      "Chưa đọc được ngày. Xin gõ theo dạng ngày/tháng/năm, ví dụ 02/11/2026, hoặc ngày/tháng, ví dụ 2/11.",
    );
    await s.press("Hôm qua (02/11)");
    for (const a of ["Phòng họp", "An", "Lan"]) r = await s.say(a);
    const onRoll = r.last.text;
    await refuseEach(s, ["a:0"], onRoll, () => "Số đảng viên phải lớn hơn 0.");
    for (const a of ["10", "10", "Nội dung", "Kết luận"]) r = await s.say(a);
    await refuseEach(s, ["a:file", "a:photo1"], r.last.text, () => "Ở bước này xin gửi ảnh, tệp PDF hoặc tệp Word, hoặc bấm nút bên dưới.");
    await s.press("Không có tệp");
    await s.press("✅ Gửi biên bản");
    const meetings = await h.app.db.meeting.findMany({ where: { unit: { code: branch } } });
    expect(meetings.map((m) => m.heldOn)).toEqual(["2026-11-02"]);
    for (const m of await h.app.db.meeting.findMany()) expect(isRealDay(m.heldOn), m.heldOn).toBe(true);
  });
});

describe("/nghi and /uyquyen buttons", () => {
  test("a forged absence with impossible dates or of more than 92 days is refused and not recorded; ids no branch has are refused", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    // A deputy, so that an absence could be recorded at all.
    const deputy = h.user(7101, "Phó", "Trần");
    await deputy.say(`/start ${(await h.admin().say(`/moi ${branch} phobithu`)).last.text.match(/\?start=([\w-]+)/)![1]}`);
    const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: branch } });
    for (const dates of ["2027-99-99:2027-99-99", "2026-12-01:2027-02-30", "2026-11-31:2026-12-05", "2026-12-00:2026-12-05"]) {
      const r = await forge(s, `ho:ab:${dates}:${unit.id}`);
      expect(r.texts, dates).toEqual(["Có ngày không có trong lịch (ví dụ 31/11). Xin kiểm tra lại ngày và tháng."]);
    }
    const tooLong = await forge(s, `ho:ab:2026-12-01:2027-06-01:${unit.id}`);
    expect(tooLong.texts[0]).toContain("Lịch nghỉ dài quá 92 ngày");
    for (const id of ["99999999999999999999", "0", String(unit.id + 100_000)]) {
      const r = await forge(s, `ho:on:${id}`);
      expect(r.texts, id).toEqual(["Lệnh này dành cho bí thư chi bộ: chỉ bí thư mới ủy quyền hoặc báo nghỉ được."]);
    }
    expect((await forge(s, `ho:maybe:${unit.id}`)).toasts).toEqual([STALE_FORM]);
    expect(await h.app.db.delegation.findMany({ where: { unitId: unit.id } })).toEqual([]);
    // The same branch's true button still works.
    const r = await forge(s, `ho:ab:2026-12-01:2026-12-10:${unit.id}`);
    expect(r.texts[0]).toContain("Đã ghi lịch nghỉ");
    const stored = await h.app.db.delegation.findMany({ where: { unitId: unit.id } });
    expect(stored.map((d) => [d.kind, d.startsOn, d.endsOn])).toEqual([["ABSENCE", "2026-12-01", "2026-12-10"]]);
  });
});

describe("review and minutes buttons", () => {
  test("ids no record can have are refused with the button's own refusal, not a database error", async () => {
    const { secretary: s } = await freshSecretary(h);
    const reviewer = await Reviewer.invite(h, "DU-SGD", 7201);
    const errors = () => h.outcomes.filter((o) => o.outcome === "error").length;
    const errorsBefore = errors();
    const huge = "99999999999999999999";
    for (const data of [`rv:a:R:${huge}`, `rv:r:M:${huge}`, "rv:a:R:0", `rv:a:R:2147483648`]) {
      const r = await forge(reviewer.person, data);
      expect(r.toasts, data).toEqual(["Đồng chí không duyệt được bản này (không thuộc đơn vị đồng chí phụ trách, hoặc bản không còn)."]);
      expect(r.texts, data).toEqual([]);
    }
    for (const data of [`mfiles:${huge}`, "mfiles:0"]) {
      const r = await forge(reviewer.person, data);
      expect(r.toasts, data).toEqual(["Đồng chí không có quyền xem biên bản của đơn vị này."]);
    }
    for (const data of [`mfix:${huge}`, "mfix:0", "mfix:2147483647"]) {
      const r = await forge(s, data);
      expect(r.toasts, data).toEqual([STALE_FORM]);
      expect(r.texts, data).toEqual([]);
    }
    expect((await s.say("/huy")).texts).toEqual(["Không có biểu mẫu nào đang mở."]);
    // None of them failed on its way to the database.
    expect(errors()).toBe(errorsBefore);
  });
});
