// Issue 14, points 5 and 6: /yeucau lists the requests a person may see, a request's status
// view shows who is missing (with their secretary), who answered late and how the answers
// stand in review; from it the missing are reminded (once a day, through the outbox, checked
// again at sending), the request closed (confirmed, in /nhatky) and exported (.xlsx, .docx).
// Every button checks the person's rights when pressed: forged ones are refused.
//
// The tree: DU-SGD with CB-A (secretary An), CB-B (secretary Bình), CB-C (no secretary);
// DU-X with CB-X (secretary Xuân) and its own committee member.
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { QuestionKind, type RequestQuestion } from "../../src/domain/request.js";
import { createRequest, saveAnswer } from "../../src/store/requests.js";
import type { BotMessage } from "../support/fake-telegram.js";
import { Harness, type TestUser } from "../support/harness.js";
import { Reviewer } from "../support/review-setup.js";
import { branchWithSecretary, buildTree, inviteLink } from "../support/scenario.js";

let h: Harness;
let member: TestUser;
let outsider: TestUser;
let an: TestUser;
let binh: TestUser;
let xuan: TestUser;
const ids: Record<string, number> = {};

const QUESTIONS: RequestQuestion[] = [
  { id: "q1", kind: QuestionKind.COHORTS, section: "II.1", title: "Kết nạp đảng viên theo đối tượng từ năm 2021" },
  { id: "q2", kind: QuestionKind.NUMBER, section: "II.2", title: "Số đảng viên hiện có" },
  { id: "q3", kind: QuestionKind.SHORT_TEXT, section: "III.1", title: "Kiến nghị, đề xuất" },
];
const TITLE = "Báo cáo chuyên đề tạo nguồn phát triển đảng viên";

const userId = async (telegramId: number) => (await h.app.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(telegramId) } })).id;
const unitId = async (code: string) => (await h.app.db.unit.findUniqueOrThrow({ where: { code } })).id;

async function request(title: string, targets: string[], by = member.id): Promise<number> {
  return createRequest(h.app.db, {
    title,
    unitId: await unitId("DU-SGD"),
    createdById: await userId(by),
    questions: QUESTIONS,
    dueOn: "2026-11-20",
    dueTime: null,
    template: null,
    prefillFromYear: null,
    targetUnitIds: await Promise.all(targets.map(unitId)),
    now: h.clock.now(),
  });
}

async function answer(requestId: number, branch: string, by: TestUser, late: boolean, values: Record<string, unknown>) {
  const r = await saveAnswer(h.app.db, { requestId, unitId: await unitId(branch), revision: 1, values: values as never, late, submittedById: await userId(by.id), now: h.clock.now(), baseVersion: 0 });
  expect(r.status).toBe("ok");
}

/** A press of a button with any data, as a forged or outdated callback arrives. */
function pressData(u: TestUser, data: string) {
  return u.exchange(() =>
    h.fake.pushUpdate({
      callback_query: {
        id: h.fake.newCallbackId(u.id),
        from: { id: u.id, is_bot: false, first_name: u.firstName },
        chat_instance: `ci${u.id}`,
        data,
        message: { message_id: 1, date: Math.floor(Date.now() / 1000), chat: { id: u.id, type: "private", first_name: u.firstName }, from: { id: 123456789, is_bot: true, first_name: "bot" }, text: "…" },
      },
    }),
  );
}

const labels = (m: BotMessage) => m.buttons.flat().map((b) => b.text);

beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  const admin = await buildTree(h, [
    { code: "CB-A", name: "Chi bộ A" },
    { code: "CB-B", name: "Chi bộ B" },
    { code: "CB-C", name: "Chi bộ C" },
  ]);
  member = (await Reviewer.invite(h, "DU-SGD", 8701)).person;
  an = await branchWithSecretary(h, 8711, "An", "CB-A");
  binh = await branchWithSecretary(h, 8712, "Bình", "CB-B");
  expect((await admin.say("/themdonvi DU-X - Đảng ủy Khối X")).last.text).toContain("Đã thêm");
  expect((await admin.say("/themchibo CB-X DU-X Chi bộ X")).last.text).toContain("Đã thêm");
  xuan = await branchWithSecretary(h, 8713, "Xuân", "CB-X");
  outsider = h.user(8714, "Ngoài", "Cấp Ủy");
  expect((await outsider.say(`/start ${await inviteLink(admin, "DU-X")}`)).last.text).toContain("cấp ủy viên");
  ids.older = await request("Báo cáo số đảng viên quý IV", ["CB-A", "CB-B"]);
  h.clock.set("2026-11-03T10:00:00+07:00");
  ids.main = await request(TITLE, ["CB-A", "CB-B", "CB-C"]);
  await answer(ids.main, "CB-A", an, true, { q1: { teachers: 2, pupils: 5, students: 0, other: 1 }, q2: 31, q3: "Đề nghị mở thêm lớp bồi dưỡng nhận thức về Đảng" });
  await h.app.db.requestAnswer.updateMany({ where: { requestId: ids.main }, data: { reviewState: "APPROVED" } });
}, 60_000);
afterAll(async () => h?.stop());

describe("/yeucau: the list", () => {
  test("a committee member sees the requests of their unit, newest first, with x/y chi bộ đã trả lời and the button to create one", async () => {
    const r = await member.say("/yeucau");
    const lines = r.last.text.split("\n");
    expect(lines[0]).toBe("📋 Yêu cầu báo cáo (trang 1/1, 2 yêu cầu). Bấm một yêu cầu để xem tình hình:");
    expect(lines[1]).toBe(`1. ${TITLE} · hạn 20/11/2026 · 1/3 chi bộ đã trả lời`);
    expect(lines[2]).toBe("2. Báo cáo số đảng viên quý IV · hạn 20/11/2026 · 0/2 chi bộ đã trả lời");
    expect(labels(r.last)).toContain("➕ Tạo yêu cầu mới");
  });

  test("a secretary sees the requests sent to their branch and whether it answered, and may not create one", async () => {
    const r = await an.say("/yeucau");
    expect(r.last.text).toContain(`1. ${TITLE} · hạn 20/11/2026 · 1/3 chi bộ đã trả lời · chi bộ đồng chí đã trả lời`);
    expect(r.last.text).toContain("2. Báo cáo số đảng viên quý IV · hạn 20/11/2026 · 0/2 chi bộ đã trả lời · chi bộ đồng chí chưa trả lời");
    expect(labels(r.last)).not.toContain("➕ Tạo yêu cầu mới");
  });

  test("a secretary or committee member elsewhere sees none of them", async () => {
    expect((await xuan.say("/yeucau")).texts).toEqual(["Chưa có yêu cầu báo cáo nào gửi đến chi bộ của đồng chí."]);
    const other = await outsider.say("/yeucau");
    expect(other.last.text).toContain("Chưa có yêu cầu báo cáo nào.");
    expect(labels(other.last)).toEqual(["➕ Tạo yêu cầu mới"]);
  });

  test("an administrator sees every request", async () => {
    expect((await h.admin().say("/yeucau")).last.text).toContain("2 yêu cầu");
  });
});

describe("a request's status view", () => {
  test("names the missing with their secretary, the late, and how the answers stand in review", async () => {
    await member.say("/yeucau");
    const r = await member.press(/^1\. Báo cáo chuyên đề tạo nguồn/);
    const text = r.texts.join("\n");
    expect(text).toContain(`📋 ${TITLE}`);
    expect(text).toContain("Hạn báo cáo: 20/11/2026 · đang nhận trả lời");
    expect(text).toContain("1/3 chi bộ đã trả lời: 1 đã duyệt, 0 chờ duyệt, 0 trả lại.");
    expect(text).toContain("⏳ Chưa trả lời (2 chi bộ):\n  · Chi bộ B, bí thư: Bình Nguyễn\n  · Chi bộ C, chưa có bí thư");
    expect(text).toContain("⚠️ Trả lời sau hạn (1 chi bộ):\n  · Chi bộ A");
    expect(labels(r.last)).toEqual(["🔔 Nhắc các chi bộ chưa trả lời", "🔒 Đóng yêu cầu", "📥 Xuất", "✏️ Sửa", "📄 Sao chép"]);
  });

  test("a secretary of a branch it went to sees where their branch stands, and no button to act", async () => {
    await binh.say("/yeucau");
    const r = await binh.press(/^1\. Báo cáo chuyên đề tạo nguồn/);
    expect(r.texts.join("\n")).toContain("⏳ Chi bộ B chưa trả lời.");
    expect(r.texts.join("\n")).not.toContain("Chi bộ C");
    expect(r.messages.every((m) => m.buttons.length === 0)).toBe(true);
  });
});

describe("reminding the missing", () => {
  test("reaches each missing branch's secretary once, a second tap that day is told it was done, and the next day it can be done again", async () => {
    await member.say("/yeucau");
    await member.press(/^1\. Báo cáo chuyên đề tạo nguồn/);
    const before = h.fake.messagesTo(binh.id).length;
    const r = await member.press("🔔 Nhắc các chi bộ chưa trả lời");
    expect(r.texts).toEqual(["🔔 Đã nhắc 1 chi bộ chưa trả lời (1 đồng chí bí thư, phó bí thư nhận tin nhắc). Mỗi ngày nhắc được một lần."]);
    await h.app.scheduler.kick();
    const got = h.fake.messagesTo(binh.id).slice(before);
    expect(got.map((m) => m.text)).toEqual([`🔔 Nhắc báo cáo: ${TITLE}\nHạn báo cáo: 20/11/2026. Chưa nhận được trả lời của: Chi bộ B.\nĐề nghị đồng chí bấm nút dưới đây để trả lời.`]);
    expect(got[0]!.buttons.flat()[0]!.text).toBe("✍️ Trả lời yêu cầu");
    expect(h.fake.messagesTo(an.id).some((m) => m.text.startsWith("🔔 Nhắc báo cáo"))).toBe(false);

    const again = await member.press("🔔 Nhắc các chi bộ chưa trả lời");
    expect(again.texts).toEqual(["Hôm nay đã nhắc các chi bộ chưa trả lời yêu cầu này rồi. Ngày mai đồng chí có thể nhắc lại."]);
    await h.app.scheduler.kick();
    expect(h.fake.messagesTo(binh.id).length).toBe(before + 1);

    h.clock.advanceDays(1);
    expect((await member.press("🔔 Nhắc các chi bộ chưa trả lời")).texts[0]).toContain("🔔 Đã nhắc 1 chi bộ");
    await h.app.scheduler.kick();
    expect(h.fake.messagesTo(binh.id).length).toBe(before + 2);
  });

  test("a branch that answers between the tap and the sending is not reminded", async () => {
    const id = await request("Báo cáo tình hình sinh hoạt chi bộ", ["CB-B"]);
    const before = h.fake.messagesTo(binh.id).length;
    h.fake.onRequest = async (method) => {
      if (method !== "answerCallbackQuery") return;
      h.fake.onRequest = undefined;
      await answer(id, "CB-B", binh, false, { q2: 9 });
    };
    expect((await pressData(member, `yc:nhac:${id}`)).texts[0]).toContain("🔔 Đã nhắc 1 chi bộ");
    await h.app.scheduler.kick();
    expect(h.fake.messagesTo(binh.id).length).toBe(before);
    const delivery = await h.app.db.delivery.findFirstOrThrow({ where: { occasion: { startsWith: `request-reminder:${id}:` } } });
    expect(delivery.status).toBe("SKIPPED");
  });
});

describe("rights on every button", () => {
  test("someone who may not see the request is refused, and nothing is done", async () => {
    for (const data of [`yc:xem:${ids.main}`, `yc:nhac:${ids.main}`, `yc:dong:${ids.main}`, `ycdx:${ids.main}`, `yc:xuat:${ids.main}`]) {
      for (const u of [xuan, outsider]) {
        const r = await pressData(u, data);
        expect(r.toasts, `${u.firstName} ${data}`).toEqual(["Đồng chí không xem được yêu cầu báo cáo này: yêu cầu không gửi đến chi bộ của đồng chí và không thuộc đơn vị đồng chí là cấp ủy viên."]);
        expect(r.messages).toEqual([]);
      }
    }
    const row = await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: ids.main } });
    expect(row.status).toBe("OPEN");
  });

  test("a secretary of a branch it went to may look but not remind, close or export", async () => {
    const remindedOn = (await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: ids.older } })).remindedOn;
    for (const data of [`yc:nhac:${ids.older}`, `yc:dong:${ids.older}`, `ycdx:${ids.older}`, `yc:xuat:${ids.older}`]) {
      const r = await pressData(binh, data);
      expect(r.toasts[0], data).toContain("Đồng chí không xem được yêu cầu báo cáo này");
      expect(r.messages).toEqual([]);
    }
    const row = await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: ids.older } });
    expect([row.status, row.remindedOn]).toEqual(["OPEN", remindedOn]);
  });

  test("rights are read when the button is pressed: a committee member whose role went since the view was shown is refused", async () => {
    const gone = (await Reviewer.invite(h, "DU-SGD", 8702)).person;
    await gone.say("/yeucau");
    const view = await gone.press(/^\d+\. Báo cáo chuyên đề tạo nguồn/);
    expect(labels(view.last)).toContain("🔔 Nhắc các chi bộ chưa trả lời");
    await h.app.db.membership.deleteMany({ where: { user: { telegramId: BigInt(gone.id) } } });
    await h.app.db.membership.create({ data: { userId: await userId(gone.id), unitId: await unitId("CB-X"), role: "DEPUTY" } });
    for (const label of ["🔔 Nhắc các chi bộ chưa trả lời", "📥 Xuất", "🔒 Đóng yêu cầu"]) {
      const r = await gone.press(label, view.last);
      expect(r.toasts[0], label).toContain("Đồng chí không xem được yêu cầu báo cáo này");
      expect(r.messages).toEqual([]);
    }
  });

  test("a forged id is refused as not found, malformed data as an old button", async () => {
    expect((await pressData(member, "yc:xem:999999")).toasts).toEqual(["Không tìm thấy yêu cầu báo cáo này. Gõ /yeucau để xem danh sách."]);
    expect((await pressData(member, "ycdx:999999")).toasts[0]).toContain("Không tìm thấy yêu cầu báo cáo này");
    for (const data of ["ycdx:abc", "ycds:0", "yc:xem:-1", "yc:nhac:1:2"]) expect((await pressData(member, data)).toasts[0], data).toContain("Nút này");
  });
});

describe("export", () => {
  test("sends the .xlsx and the draft .docx in the private chat, holding what the branches answered", async () => {
    const r = await pressData(member, `yc:xuat:${ids.main}`);
    const docs = r.messages.filter((m) => m.method === "sendDocument");
    expect(docs.map((d) => String(d.document))).toEqual([
      "upload:tong-hop-bao-cao-chuyen-de-tao-nguon-phat-trien-dang-vien.xlsx",
      "upload:du-thao-bao-cao-bao-cao-chuyen-de-tao-nguon-phat-trien-dang-vien.docx",
    ]);
    expect(docs[0]!.text).toBe(`📥 ${TITLE}: 1/3 chi bộ đã trả lời. Tệp Excel mỗi chi bộ một dòng.`);
    const file = (d: BotMessage) => h.fake.uploads.get(String(d.document).replace(/^upload:/, ""))!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file(docs[0]!) as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const rowA = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(rowA.slice(0, 9)).toEqual(["CB-A", "Chi bộ A", 2, 5, 0, 1, 8, 31, "Đề nghị mở thêm lớp bồi dưỡng nhận thức về Đảng"]);
    expect(rowA).toContain("Đã duyệt");
    expect(sheet.getRow(3).getCell(1).value).toBe("CB-B");
    const zip = await JSZip.loadAsync(file(docs[1]!));
    const xml = await zip.file("word/document.xml")!.async("string");
    expect(xml).toContain("ĐẢNG ỦY SỞ GIÁO DỤC VÀ ĐÀO TẠO");
    expect(xml).toContain("II.1. Kết nạp đảng viên theo đối tượng từ năm 2021");
    expect(xml).toContain("Chi bộ A (đã duyệt)");
    expect(xml).toContain("Đề nghị mở thêm lớp bồi dưỡng nhận thức về Đảng");
    expect(xml).toContain("Các chi bộ chưa trả lời: Chi bộ B, Chi bộ C.");
  });
});

describe("closing", () => {
  test("asks to confirm, closes, writes it to /nhatky; the view then says so and offers no reminder", async () => {
    await member.say("/yeucau");
    await member.press(/\. Báo cáo số đảng viên quý IV$/);
    const ask = await member.press("🔒 Đóng yêu cầu");
    expect(ask.last.text).toContain('Đóng yêu cầu "Báo cáo số đảng viên quý IV"?');
    expect(labels(ask.last)).toEqual(["🔒 Đóng yêu cầu", "Không đóng"]);
    expect((await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: ids.older } })).status).toBe("OPEN");
    const done = await member.press("🔒 Đóng yêu cầu");
    expect(done.texts).toEqual(['🔒 Đã đóng yêu cầu "Báo cáo số đảng viên quý IV". Các câu trả lời đã nhận vẫn xuất được (📥 Xuất).']);
    const row = await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: ids.older } });
    expect(row.status).toBe("CLOSED");
    expect(row.closedAt?.toISOString()).toBe(h.clock.now().toISOString());
    expect((await h.admin().say("/nhatky")).texts.join("\n")).toContain('đóng yêu cầu báo cáo "Báo cáo số đảng viên quý IV"');
    expect((await member.press("🔒 Đóng yêu cầu", ask.last)).texts).toEqual(["Yêu cầu này đã đóng trước đó; không có gì thay đổi."]);

    const view = await pressData(member, `yc:xem:${ids.older}`);
    expect(view.texts.join("\n")).toContain("Hạn báo cáo: 20/11/2026 · 🔒 đã đóng");
    expect(labels(view.last)).toEqual(["📥 Xuất", "📄 Sao chép"]);
    expect((await pressData(member, `yc:nhac:${ids.older}`)).texts).toEqual(["Yêu cầu này đã đóng nên không nhắc nữa."]);
    expect((await member.say("/yeucau")).last.text).toContain("🔒 Báo cáo số đảng viên quý IV");
  });
});

describe("paging", () => {
  test("many requests are shown a page at a time, newest first", async () => {
    for (let i = 1; i <= 8; i++) {
      h.clock.advanceDays(0.01);
      await request(`Yêu cầu thử số ${i}`, ["CB-A"]);
    }
    const first = await member.say("/yeucau");
    expect(first.last.text.split("\n")[0]).toBe("📋 Yêu cầu báo cáo (trang 1/2, 11 yêu cầu). Bấm một yêu cầu để xem tình hình:");
    expect(first.last.text.split("\n")[1]).toBe("1. Yêu cầu thử số 8 · hạn 20/11/2026 · 0/1 chi bộ đã trả lời");
    expect(labels(first.last)).toContain("Trang sau ▶️");
    const second = await member.press("Trang sau ▶️");
    expect(second.last.text.split("\n")[0]).toContain("trang 2/2");
    expect(second.last.text).toContain(`10. ${TITLE}`);
    expect(labels(second.last)).toContain("◀️ Trang trước");
  });
});
