// Issue 12, points 1, 2 and 6: people change. A branch's secretary is replaced only by an
// invite made to replace her; an administrator removes anyone from a unit (/thanhvien),
// after a confirmation; a removed person files, reads and is reminded of nothing more,
// and every change is in /nhatky. People are named by the full name and position they
// gave on joining (/hoso changes them). A stranger is told their own Telegram id.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BotMessage } from "../support/fake-telegram.js";
import { Harness, type TestUser } from "../support/harness.js";
import { Reviewer } from "../support/review-setup.js";
import { buildTree, fillReport, inviteLink, TYPICAL_ANSWERS } from "../support/scenario.js";
import { enqueueMany } from "../../src/outbox/enqueue.js";
import { JobKind } from "../../src/outbox/job-kinds.js";

const ASK_NAME = "Để báo cáo, biên bản và tổng hợp ghi đúng người, xin đồng chí cho biết họ và tên đầy đủ (ví dụ: Nguyễn Thị Lan).";
const ASK_POSITION = "Chức vụ của đồng chí (ví dụ: Bí thư chi bộ, Phó Ban Tổ chức Đảng ủy)?";
const removedText = (id: number) =>
  "Đồng chí không còn vai trò nào trong Trợ lý Chi bộ (quản trị viên đã bỏ hoặc đã có người thay), nên việc đang làm dở không gửi được và không có gì được lưu.\n" +
  `Nếu có nhầm lẫn, đồng chí liên hệ quản trị viên. Mã Telegram của đồng chí: ${id}.`;

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  admin = await buildTree(h, [
    { code: "CB-A", name: "Chi bộ Trường A" },
    { code: "CB-B", name: "Chi bộ Trường B" },
    { code: "CB-C", name: "Chi bộ Trường C" },
    { code: "CB-P", name: "Chi bộ Trường P" },
  ]);
});
afterAll(async () => h?.stop());

const textsTo = (u: TestUser, from = 0) => h.fake.messagesTo(u.id).slice(from).map((m) => m.text);

async function join(code: string, id: number, first: string, last?: string): Promise<TestUser> {
  const u = h.user(id, first, last);
  const r = await u.say(`/start ${code}`);
  expect(r.last.text).toContain("Đồng chí đã được ghi nhận là");
  return u;
}

/** A button the bot never sent: its data typed by hand, on a message of the chat. */
function forged(on: BotMessage, data: string): BotMessage {
  return { ...on, buttons: [[{ text: "forged", callback_data: data }]] };
}

describe("a stranger (point 6)", () => {
  test("is told their own Telegram id in the refusal, to give to an administrator", async () => {
    const r = await h.user(5999, "Lạ").say("xin chào");
    expect(r.texts).toEqual([
      "Xin chào! Trợ lý Chi bộ chỉ phục vụ bí thư chi bộ và cấp ủy viên đã được mời.\n" +
        "Nếu đồng chí là bí thư chi bộ, xin đồng chí đề nghị quản trị viên gửi đường link mời.\n" +
        "Mã Telegram của đồng chí: 5999 (gửi mã này cho quản trị viên).",
    ]);
  });
});

describe("replacing a secretary (point 1)", () => {
  test("a second secretary's invite is refused unless made to replace; accepting it replaces her, who is told, loses her menu and her form, and /nhatky says so", async () => {
    const an = await join(await inviteLink(admin, "CB-A"), 5001, "An", "Nguyễn");
    const invites = await h.app.db.invite.count();
    expect((await admin.say("/moi CB-A")).texts).toEqual([
      "Chi bộ Trường A đã có bí thư: đồng chí An Nguyễn. Mỗi chi bộ có một bí thư, nên chưa tạo link.\n" +
        "Mời bí thư mới thay đồng chí ấy: /moi CB-A bithu thaythe (khi người mới nhận link, đồng chí An Nguyễn thôi vai trò bí thư).\n" +
        "Chỉ bỏ vai trò của bí thư hiện tại: /thanhvien CB-A.",
    ]);
    expect((await admin.say("/moi CB-A phobithu thaythe")).texts[0]).toMatch(/^Chỉ lời mời bí thư mới thay thế được/);
    expect((await admin.say("/moi CB-B thaythe")).texts[0]).toBe("Chi bộ Trường B chưa có bí thư nên không có ai để thay. Gõ /moi CB-B để tạo link mời bí thư.");
    expect(await h.app.db.invite.count()).toBe(invites);

    // An has a report form open when she is replaced.
    await an.say("/baocao");
    const link = (await admin.say("/moi CB-A bithu thay thế")).last.text;
    expect(link).toMatch(/^Link mời bí thư mới của Chi bộ Trường A, thay bí thư hiện tại:\n/);
    const moi = h.user(5002, "Mới", "Trần");
    const welcome = await moi.say(`/start ${link.match(/\?start=([A-Za-z0-9_-]+)/)![1]}`);
    expect(welcome.texts[0]).toContain("Đồng chí đã được ghi nhận là bí thư Chi bộ Trường A");
    expect(welcome.texts[0]).toContain("Đồng chí thay đồng chí An Nguyễn làm bí thư Chi bộ Trường A.");

    await h.app.scheduler.kick();
    expect(textsTo(an).at(-1)).toBe(
      "Đồng chí Mới đã nhận làm bí thư Chi bộ Trường A thay đồng chí. Từ nay đồng chí không gửi, không xem được gì của chi bộ này và không nhận tin nhắc. Nếu có nhầm lẫn, đồng chí liên hệ quản trị viên.",
    );
    expect(h.fake.privateMenuOf(an.id)).toEqual(["start"]);
    expect(h.fake.privateMenuOf(moi.id)).toContain("baocao");
    // Her open form ended with the role: her answer, and her old button, get the reason.
    expect((await an.say("12")).texts).toEqual([removedText(an.id)]);
    expect((await an.press("Tháng 10/2026", h.fake.messagesTo(an.id).find((m) => m.text.startsWith("Báo cáo tháng nào?")))).texts).toEqual([removedText(an.id)]);
    expect((await an.say("/baocao")).texts).toEqual([removedText(an.id)]);

    expect((await admin.say("/donvi")).last.text).toContain("🚩 CB-A: Chi bộ Trường A · bí thư: Mới Trần");
    const log = (await admin.say("/nhatky")).texts.join("\n");
    expect(log).toContain("Mới Trần thay An Nguyễn làm bí thư CB-A");
    expect(log).toContain("tạo link mời bí thư mới cho CB-A, thay bí thư hiện tại");
  });

  test("an invite that does not replace, opened after another secretary joined, is refused and stays unused", async () => {
    const first = await inviteLink(admin, "CB-B");
    const second = await inviteLink(admin, "CB-B");
    await join(first, 5011, "Bảo", "Lê");
    const late = h.user(5012, "Chậm");
    expect((await late.say(`/start ${second}`)).texts).toEqual([
      "Chi bộ Trường B đã có bí thư (đồng chí Bảo Lê) từ khi link này được tạo, nên link không dùng được. Nếu đồng chí đến thay bí thư hiện tại, xin đề nghị quản trị viên tạo link thay thế (/moi <mã> bithu thaythe).",
    ]);
    expect(await h.app.db.membership.count({ where: { unit: { code: "CB-B" }, role: "SECRETARY" } })).toBe(1);
    expect(await h.app.db.user.count({ where: { telegramId: BigInt(late.id) } })).toBe(0);
  });
});

describe("/thanhvien (point 1)", () => {
  test("lists the unit's people with their roles; a removal is confirmed first, can be kept, and then stops the person's filing and reminders", async () => {
    const lan = await join(await inviteLink(admin, "CB-C"), 5021, "Lan", "Phạm");
    const binh = await join(await inviteLink(admin, "CB-C phobithu"), 5022, "Bình", "Võ");
    let r = await admin.say("/thanhvien cb-c");
    expect(r.texts[0]).toMatch(/^👥 CB-C: Chi bộ Trường C \(2 người\)\n1\. Lan Phạm · bí thư · từ 03\/11\/2026\n2\. Bình Võ · phó bí thư · từ 03\/11\/2026\n/);
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["❌ 1. Lan Phạm (bí thư)", "❌ 2. Bình Võ (phó bí thư)"]);
    const list = r.last;

    r = await admin.press("❌ 1. Lan Phạm (bí thư)", list);
    expect(r.last.text).toBe(
      "Bỏ vai trò bí thư Chi bộ Trường C của đồng chí Lan Phạm?\n" +
        "Đồng chí ấy sẽ không gửi, duyệt hay xem được gì của đơn vị này nữa và không nhận tin nhắc; biểu mẫu đang mở dở của đồng chí ấy không gửi được. Báo cáo, biên bản đã gửi vẫn được giữ.",
    );
    await admin.press("Giữ lại");
    expect(h.fake.messagesTo(admin.id).at(-1)!.text).toBe("Không bỏ vai trò nào.");
    expect(await h.app.db.membership.count({ where: { unit: { code: "CB-C" } } })).toBe(2);

    // The deputy forges the administrator's button: refused, nothing removed.
    const binhMembership = await h.app.db.membership.findFirstOrThrow({ where: { unit: { code: "CB-C" }, role: "DEPUTY" } });
    const anyMessage = h.fake.messagesTo(binh.id).at(-1)!;
    r = await binh.press("forged", forged(anyMessage, `tv:ok:${binhMembership.id}`));
    expect(r.toasts).toEqual(["Lệnh này chỉ dành cho quản trị viên."]);
    expect(await h.app.db.membership.count({ where: { id: binhMembership.id } })).toBe(1);

    // Lan is in the middle of a report when she is removed.
    await lan.say("/baocao");
    await lan.press("Tháng 10/2026");
    r = await admin.press("❌ 1. Lan Phạm (bí thư)", list);
    const confirmation = r.last;
    const confirmData = confirmation.buttons.flat().find((b) => b.text === "✅ Bỏ vai trò")!.callback_data!;
    await admin.press("✅ Bỏ vai trò", confirmation);
    expect(h.fake.messagesTo(admin.id).find((m) => m.message_id === confirmation.message_id)!.text).toBe(
      "✅ Đã bỏ vai trò bí thư Chi bộ Trường C của đồng chí Lan Phạm. Ghi trong /nhatky.",
    );
    // The same confirmation pressed again (an old button): the role is already gone.
    r = await admin.press("forged", forged(confirmation, confirmData));
    expect(r.toasts).toEqual(["Vai trò này không còn (đã bỏ hoặc đã được thay trước đó). Gõ /thanhvien để xem lại."]);
    expect((await admin.press("forged", forged(confirmation, "tv:ok:x1"))).toasts).toEqual(["Nút này không hợp lệ. Gõ /thanhvien <mã đơn vị> để xem lại."]);

    await h.app.scheduler.kick();
    expect(textsTo(lan).at(-1)).toBe(
      "Quản trị viên đã bỏ vai trò bí thư Chi bộ Trường C của đồng chí. Từ nay đồng chí không gửi, không xem được gì của đơn vị này và không nhận tin nhắc. Nếu có nhầm lẫn, đồng chí liên hệ quản trị viên.",
    );
    expect(await h.app.db.conversationState.count({ where: { key: String(lan.id) } })).toBe(0);
    expect((await lan.say("12")).texts).toEqual([removedText(lan.id)]);
    expect((await lan.say("/tiendo")).texts).toEqual([removedText(lan.id)]);
    expect(h.fake.privateMenuOf(lan.id)).toEqual(["start"]);
    expect(await h.app.db.report.count({ where: { unit: { code: "CB-C" } } })).toBe(0);

    // A reminder queued for her before the removal is not sent: she no longer files for CB-C.
    const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: "CB-C" } });
    const now = new Date("2026-11-03T02:00:00Z");
    await h.app.db.$transaction((tx) =>
      enqueueMany(tx, [
        {
          job: { occasion: "reminder:test-removed", kind: JobKind.REMINDER, payload: { period: { year: 2026, month: 10 } }, dueAt: now, now },
          recipient: { chatId: BigInt(lan.id), payload: { unitIds: [unit.id] } },
        },
      ]),
    );
    const seen = h.fake.messagesTo(lan.id).length;
    await h.app.scheduler.kick();
    expect(textsTo(lan, seen)).toEqual([]);

    const log = (await admin.say("/nhatky")).texts.join("\n");
    expect(log).toContain("bỏ vai trò bí thư CB-C của Lan Phạm");
    expect((await admin.say("/thanhvien CB-C")).texts[0]).toMatch(/^👥 CB-C: Chi bộ Trường C \(1 người\)\n1\. Bình Võ · phó bí thư/);
    expect((await admin.say("/thanhvien")).texts).toEqual(["Cách dùng: /thanhvien <mã đơn vị>. Ví dụ: /thanhvien CB-QT. Gõ /donvi để xem các mã."]);
    expect((await binh.say("/thanhvien CB-C")).texts).toEqual(["Lệnh này chỉ dành cho quản trị viên."]);
  });
});

describe("a removed committee member (point 1)", () => {
  test("gets no review card queued before the removal, and the old card's buttons decide nothing", async () => {
    await admin.say("/themchibo CB-R DU-SGD Chi bộ Trường R");
    const secretary = await join(await inviteLink(admin, "CB-R"), 5051, "Rạng", "Hồ");
    const reviewer = (await Reviewer.invite(h, "DU-SGD", 5052)).person;
    await fillReport(secretary, "Tháng 10/2026", TYPICAL_ANSWERS);
    await secretary.press("✅ Gửi báo cáo");
    await h.app.scheduler.kick();
    const card = h.fake.messagesTo(reviewer.id).filter((m) => m.text.startsWith("🔎") && m.text.includes("Chi bộ Trường R")).at(-1)!;

    const list = (await admin.say("/thanhvien DU-SGD")).last;
    const membership = await h.app.db.membership.findFirstOrThrow({ where: { user: { telegramId: BigInt(reviewer.id) } } });
    const label = list.buttons.flat().find((b) => b.callback_data === `tv:x:${membership.id}`)!.text;
    expect(label).toMatch(/^❌ \d+\. Duyệt Cấp Ủy \(cấp ủy viên\)$/);
    await admin.press(label, list);
    await admin.press("✅ Bỏ vai trò");

    // A card for the same report, queued before the removal (an outage held it back), is not sent.
    const report = await h.app.db.report.findFirstOrThrow({ where: { unit: { code: "CB-R" } } });
    const now = new Date("2026-11-03T02:00:00Z");
    await h.app.db.$transaction((tx) =>
      enqueueMany(tx, [{ job: { occasion: "review:test-removed", kind: JobKind.REVIEW, payload: { record: { kind: "R", id: report.id } }, dueAt: now, now }, recipient: { chatId: BigInt(reviewer.id) } }]),
    );
    const seen = h.fake.messagesTo(reviewer.id).length;
    await h.app.scheduler.kick();
    expect(textsTo(reviewer, seen).filter((t) => t.startsWith("🔎"))).toEqual([]);

    expect((await reviewer.press("✅ Duyệt", card)).texts).toEqual([removedText(reviewer.id)]);
    expect((await h.app.db.report.findUniqueOrThrow({ where: { id: report.id } })).reviewState).toBe("PENDING");
  });
});

describe("full name and position (point 2)", () => {
  test("asked once on joining, checked, and shown in the review card, /donvi, /nhatky and the workbook; /hoso changes them", async () => {
    const reviewer = (await Reviewer.invite(h, "DU-SGD", 5031)).person;
    const code = await inviteLink(admin, "CB-P");
    const huong = h.user(5032, "Hương");
    let r = await huong.say(`/start ${code}`);
    expect(r.texts).toHaveLength(1);
    expect(r.last.text).toMatch(/^Chào đồng chí Hương! Đồng chí đã được ghi nhận là bí thư Chi bộ Trường P\./);
    expect(r.last.text.endsWith(`\n\n${ASK_NAME}`)).toBe(true);
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["Để sau"]);

    expect((await huong.say("Hương")).texts).toEqual(["Xin gõ đủ họ và tên (ít nhất hai chữ), ví dụ: Nguyễn Thị Lan.", r.last.text]);
    expect((await huong.say("Phạm Thị 12")).texts[0]).toBe("Họ và tên chỉ gồm chữ cái, dấu cách và dấu chấm, gạch nối. Xin gõ lại, ví dụ: Nguyễn Thị Lan.");
    expect((await huong.say("  Phạm   Thị Hương ")).last.text).toBe(ASK_POSITION);
    expect((await huong.say("Bí thư chi bộ")).last.text).toBe(
      "✅ Đã ghi: đồng chí Phạm Thị Hương (Bí thư chi bộ). Tên này hiện trong báo cáo, biên bản, thẻ duyệt, /donvi, /nhatky và tệp Excel; đổi lại bằng /hoso.",
    );
    expect(await h.app.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(huong.id) } })).toMatchObject({ fullName: "Phạm Thị Hương", position: "Bí thư chi bộ" });

    await fillReport(huong, "Tháng 10/2026", TYPICAL_ANSWERS);
    await huong.press("✅ Gửi báo cáo");
    await h.app.scheduler.kick();
    const card = h.fake.messagesTo(reviewer.id).filter((m) => m.text.startsWith("🔎")).at(-1)!;
    expect(card.text).toContain("Người gửi: Phạm Thị Hương (Bí thư chi bộ), lúc 09:00 03/11/2026.");
    // The reviewer left the name question unanswered: the card's button still works.
    expect((await reviewer.press("✅ Duyệt", card)).toasts.join(" ")).not.toContain("biểu mẫu");
    expect((await h.app.db.report.findFirstOrThrow({ where: { unit: { code: "CB-P" } } })).reviewState).toBe("APPROVED");

    expect((await admin.say("/donvi")).last.text).toContain("🚩 CB-P: Chi bộ Trường P · bí thư: Phạm Thị Hương");
    const log = (await admin.say("/nhatky")).texts.join("\n");
    expect(log).toContain("· Phạm Thị Hương (Bí thư chi bộ) · Phạm Thị Hương (Bí thư chi bộ) đổi họ tên, chức vụ");
    expect(log).not.toMatch(/· 5032 ·/);

    r = await admin.say("/xuat CB-P 2026");
    expect(r.last.method).toBe("sendDocument");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(h.fake.uploads.get(String(r.last.document).replace(/^upload:/, ""))! as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Báo cáo tháng")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const column = header.indexOf("Người gửi");
    expect(column).toBeGreaterThan(0);
    expect((sheet.getRow(2).values as unknown[]).slice(1)[column]).toBe("Phạm Thị Hương (Bí thư chi bộ)");

    // /hoso: the name kept with a press, the position changed.
    r = await huong.say("/hoso");
    expect(r.last.text).toBe('Họ và tên hiện ghi: Phạm Thị Hương. Gõ họ và tên mới, hoặc bấm "Giữ nguyên".');
    r = await huong.press("Giữ nguyên");
    expect(r.last.text).toBe('Chức vụ hiện ghi: Bí thư chi bộ. Gõ chức vụ mới, hoặc bấm "Giữ nguyên".');
    r = await huong.say("Bí thư Chi bộ, Tổ trưởng chuyên môn");
    expect(r.last.text).toMatch(/^✅ Đã ghi: đồng chí Phạm Thị Hương \(Bí thư Chi bộ, Tổ trưởng chuyên môn\)\./);
    expect((await admin.say("/thanhvien CB-P")).texts[0]).toContain("1. Phạm Thị Hương (Bí thư Chi bộ, Tổ trưởng chuyên môn) · bí thư");
  });

  test("the committee's summary names a branch's missing secretary by the full name given, not the Telegram name", async () => {
    await admin.say("/themchibo CB-TT DU-SGD Chi bộ Trường Tân Tiến");
    const rang = h.user(5034, "Rạng");
    await rang.say(`/start ${await inviteLink(admin, "CB-TT")}`);
    await rang.say("Trần Văn Rạng");
    await rang.say("Bí thư chi bộ");
    const member = (await Reviewer.invite(h, "DU-SGD", 5035)).person;
    const summary = (await member.say("/tonghop DU-SGD 10/2026")).texts.join("\n");
    expect(summary).toContain("• CB-TT: Chi bộ Trường Tân Tiến (bí thư: Trần Văn Rạng)");
    expect(summary).not.toContain("bí thư: Rạng)");
  });

  test("never in the way: 'Để sau' keeps the Telegram name, a command typed instead of the name is done, and /start asks again", async () => {
    await admin.say("/themchibo CB-Q DU-SGD Chi bộ Trường Q");
    const code = await inviteLink(admin, "CB-Q");
    const quang = h.user(5041, "Quang", "Đỗ");
    await quang.say(`/start ${code}`);
    expect((await quang.say("/baocao")).last.text).toMatch(/^Báo cáo tháng nào\?/);
    await quang.say("/huy");

    let r = await quang.say("/start");
    expect(r.last.text).toBe(`Chào đồng chí Quang! Gõ /trogiup để xem các việc đồng chí có thể làm.\n\n${ASK_NAME}`);
    r = await quang.press("Để sau");
    expect(r.last.text).toBe("Đồng chí có thể ghi họ và tên, chức vụ lúc nào cũng được bằng /hoso. Tạm thời bot ghi tên theo Telegram: Quang Đỗ.");
    expect((await admin.say("/donvi")).last.text).toContain("🚩 CB-Q: Chi bộ Trường Q · bí thư: Quang Đỗ");

    // Without a position: the name alone.
    await quang.say("/hoso");
    await quang.say("Đỗ Văn Quang");
    r = await quang.press("Không ghi chức vụ");
    expect(r.last.text).toMatch(/^✅ Đã ghi: đồng chí Đỗ Văn Quang\. /);
    expect((await quang.say("/start")).texts).toEqual(["Chào đồng chí Đỗ Văn Quang! Gõ /trogiup để xem các việc đồng chí có thể làm."]);
  });
});
