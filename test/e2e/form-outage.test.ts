// Telegram down in the middle of a form, longer than the bot's retries: the form
// stays open with every answer, the next message carries it on, a receipt that
// could not be sent arrives once Telegram answers again, and no message claims
// that something was kept when it was not.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness, type TestUser } from "../support/harness.js";
import { fillReport, freshSecretary, TYPICAL_ANSWERS } from "../support/scenario.js";

let h: Harness;
beforeAll(async () => {
  // Each call is tried five times (src/bot/retrying-fetch.ts); 5 ms apart here instead of 1 s, 2 s, 4 s, 8 s.
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00", telegramRetry: { baseDelayMs: 5 } });
});
afterAll(async () => h?.stop());

const SERVER_ERROR = { status: 500, body: { ok: false, error_code: 500, description: "Internal Server Error" } };
/** Telegram answers 500 to the next `n` messages the bot sends this person: five make one reply fail for good. */
function outage(person: TestUser, n: number) {
  for (let i = 0; i < n; i++) h.fake.failNext({ method: "sendMessage", chatId: person.id, ...SERVER_ERROR });
}

const AWARENESS = "Số quần chúng học lớp bồi dưỡng nhận thức về Đảng trong tháng?";
const APPLICATIONS = "Số hồ sơ đề nghị kết nạp đang xét?";
const UNSEEN_TAKEN = "⚠️ Vì Telegram gián đoạn, câu hỏi dưới đây có thể chưa đến được đồng chí. Bot đã ghi tin nhắn vừa nhận là câu trả lời cho câu hỏi đó:";
const UNSEEN_ASKED_AGAIN =
  "⚠️ Vì Telegram gián đoạn, câu hỏi tiếp theo chưa đến được đồng chí. Các câu trả lời đã nhập vẫn được giữ; xin trả lời câu hỏi dưới đây (hoặc gõ /huy để thoát).";
const FORM_ENDED =
  "Xin lỗi, có lỗi xảy ra khi xử lý nên biểu mẫu đang điền phải đóng lại; các câu trả lời đang điền dở không giữ được. Đồng chí vui lòng gõ lại lệnh để làm lại sau ít phút.";
const GENERIC = "Xin lỗi, có lỗi xảy ra khi xử lý. Đồng chí vui lòng thử lại sau ít phút.";

const textsTo = (person: TestUser) => h.fake.messagesTo(person.id).map((m) => m.text);
async function reportsOf(branch: string) {
  return h.app.db.report.findMany({ where: { unit: { code: branch } }, orderBy: { version: "asc" } });
}

describe("a question that cannot be sent", () => {
  test("six 5xx in a row in the middle of /baocao: the form stays open, the next answer carries on, the report has every answer", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await s.say("/baocao");
    await s.press("Tháng 10/2026");
    outage(s, 6);
    // The candidates; the next question fails five times over, then Telegram answers again.
    let r = await s.say("8");
    expect(r.texts).toEqual([]);

    r = await s.say("3");
    expect(r.texts).toEqual([`${UNSEEN_TAKEN}\n${AWARENESS}\n➜ 3`, expect.stringContaining(APPLICATIONS)]);
    for (const a of TYPICAL_ANSWERS.slice(2)) r = typeof a === "string" ? await s.say(a) : await s.press(a.press);
    expect(r.last.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 8");
    expect(r.last.text).toContain("2. Học lớp bồi dưỡng nhận thức về Đảng: 3");
    r = await s.press("✅ Gửi báo cáo");
    expect(r.last.text).toContain("✅ Đã nhận báo cáo tháng 10/2026");
    expect(await reportsOf(branch)).toMatchObject([{ version: 1, candidates: 8, awarenessClass: 3, applicationsInReview: 2, admittedTeachers: 1, admittedPupils: 2, madeFull: 1, transferredOut: 1 }]);
    expect(textsTo(s).filter((t) => t.includes("có lỗi xảy ra"))).toEqual([]);
  });

  test("what does not answer the missing question (a word, a command, an old button) gets the question again, the answers kept", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await s.say("/baocao");
    const month = structuredClone(s.lastWithButtons());
    await s.press("Tháng 10/2026");
    outage(s, 5);
    expect((await s.say("8")).texts).toEqual([]);

    for (const attempt of [() => s.say("xin chào"), () => s.say("/baocao"), () => s.press("Tháng 09/2026", month)]) {
      outage(s, 5);
      expect((await attempt()).texts).toEqual([]);
    }
    let r = await s.say("/tiendo");
    expect(r.texts).toEqual([UNSEEN_ASKED_AGAIN, AWARENESS]);
    r = await s.say("3");
    expect(r.texts).toEqual([expect.stringContaining(APPLICATIONS)]);
    for (const a of TYPICAL_ANSWERS.slice(2)) r = typeof a === "string" ? await s.say(a) : await s.press(a.press);
    expect(r.last.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 8");
    await s.press("✅ Gửi báo cáo");
    expect(await reportsOf(branch)).toMatchObject([{ year: 2026, month: 10, candidates: 8, awarenessClass: 3 }]);
  });

  test("the same in /bienban, with a restart during the outage: the place typed next is kept, the minutes have every answer", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await s.say("/bienban");
    await s.press("Thường kỳ");
    outage(s, 6);
    expect((await s.say("02/11/2026")).texts).toEqual([]);
    // A deploy meanwhile: the stored form, failed send included, is replayed by the new process.
    await h.restart();
    let r = await s.say("Phòng họp tầng 2");
    expect(r.texts).toEqual([`${UNSEEN_TAKEN}\nĐịa điểm sinh hoạt?\n➜ Phòng họp tầng 2`, "Họ tên đồng chí chủ trì?"]);
    for (const a of ["Nguyễn Văn An", "Trần Thị Bình", "20", "18", "2", "Nội dung", "Kết luận"]) await s.say(a);
    await s.press("Không có tệp");
    r = await s.press("✅ Gửi biên bản");
    expect(r.last.text).toContain("✅ Đã nhận biên bản sinh hoạt thường kỳ ngày 02/11/2026");
    const meetings = await h.app.db.meeting.findMany({ where: { unit: { code: branch } } });
    expect(meetings).toMatchObject([{ heldOn: "2026-11-02", place: "Phòng họp tầng 2", chair: "Nguyễn Văn An", recorder: "Trần Thị Bình", onRoll: 20, present: 18, absentExcused: 2 }]);
  });
});

describe("the last message of a form", () => {
  test("a receipt that cannot be sent after the report is stored arrives once Telegram answers; nothing is sent twice or said falsely", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
    const summary = structuredClone(s.lastWithButtons());
    outage(s, 5);
    await s.press("✅ Gửi báo cáo");
    expect(await reportsOf(branch)).toHaveLength(1);

    // Queued with the other messages the bot owes (review cards, notices): sent as soon as Telegram answers.
    await h.app.scheduler.kick();
    const receipt = `✅ Đã nhận báo cáo tháng 10/2026 của Chi bộ ${branch} lúc 09:00 03/11/2026 (bản số 1). Cảm ơn đồng chí!`;
    expect(textsTo(s).filter((t) => t.startsWith("✅ Đã nhận"))).toEqual([receipt]);

    // The form is over: no second report from a second tap, and /huy says so.
    let r = await s.press("✅ Gửi báo cáo", summary);
    expect(r.toasts).toEqual(["Nút này thuộc một biểu mẫu đã đóng. Gõ lại lệnh để bắt đầu lại; /trogiup liệt kê các lệnh của đồng chí."]);
    r = await s.say("/huy");
    expect(r.texts).toEqual(["Không có biểu mẫu nào đang mở."]);
    await h.app.scheduler.kick();
    expect(await reportsOf(branch)).toHaveLength(1);
    expect(textsTo(s).filter((t) => t.startsWith("✅ Đã nhận"))).toEqual([receipt]);
    expect(textsTo(s).filter((t) => t.includes("có lỗi xảy ra"))).toEqual([]);
  });
});

describe("when a form must end, the message says so", () => {
  test("a reply Telegram refuses for good (400) ends the form, and the message says the answers typed are gone", async () => {
    const { secretary: s } = await freshSecretary(h);
    await s.say("/baocao");
    await s.press("Tháng 10/2026");
    h.fake.failNext({ method: "sendMessage", chatId: s.id, status: 400, body: { ok: false, error_code: 400, description: "Bad Request: can't parse entities" } });
    const r = await s.say("8");
    expect(r.texts).toEqual([FORM_ENDED]);
    expect((await s.say("/huy")).texts).toEqual(["Không có biểu mẫu nào đang mở."]);
  });

  test("outside a form, the apology promises nothing about data", async () => {
    const { secretary: s } = await freshSecretary(h);
    h.fake.failNext({ method: "sendMessage", chatId: s.id, status: 400, body: { ok: false, error_code: 400, description: "Bad Request: can't parse entities" } });
    const r = await s.say("/tiendo");
    expect(r.texts).toEqual([GENERIC]);
  });
});
