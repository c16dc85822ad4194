// Issue 12, points 7-10: a committee member at work in a private chat, the group's /xuat and
// /tonghop, no review of one's own branch, and branches nobody can review.
//
// The tree: DU-SGD (Đảng ủy Sở) with CB-A and CB-B; DU-X with CB-X (elsewhere for the member);
// DU-Y with CB-Y and no committee member; DU-Z with CB-Z, whose only committee member is CB-Z's
// own secretary.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness, type TestGroup, type TestUser } from "../support/harness.js";
import { Reviewer } from "../support/review-setup.js";
import { branchWithSecretary, buildTree, inviteLink, recordRegularMeeting, TYPICAL_ANSWERS } from "../support/scenario.js";
import type { BotMessage } from "../support/fake-telegram.js";

let h: Harness;
let admin: TestUser;
let member: TestUser;
let an: TestUser;
let binh: TestUser;
let xuan: TestUser;
let group: TestGroup;

const DIGEST_DENIED = "Đồng chí chỉ xem được tổng hợp, tệp Excel của đơn vị mình là cấp ủy viên và các đơn vị trực thuộc; trong nhóm cấp ủy đã đăng ký, gõ /tonghop.";

async function report(s: TestUser) {
  await s.say("/baocao");
  await s.press("Tháng 10/2026");
  for (const a of TYPICAL_ANSWERS) await (typeof a === "string" ? s.say(a) : s.press(a.press));
  return s.press("✅ Gửi báo cáo");
}

/** A committee root with one branch and its secretary. */
async function otherTree(code: string, branch: string, secretaryId: number, name: string): Promise<TestUser> {
  expect((await admin.say(`/themdonvi ${code} - Đảng ủy ${code}`)).last.text).toContain("Đã thêm");
  expect((await admin.say(`/themchibo ${branch} ${code} Chi bộ ${branch}`)).last.text).toContain("Đã thêm");
  return branchWithSecretary(h, secretaryId, name, branch);
}

beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  admin = await buildTree(h, [
    { code: "CB-A", name: "Chi bộ A" },
    { code: "CB-B", name: "Chi bộ B" },
  ]);
  member = (await Reviewer.invite(h, "DU-SGD", 8901)).person;
  an = await branchWithSecretary(h, 8911, "An", "CB-A");
  binh = await branchWithSecretary(h, 8912, "Bình", "CB-B");
  xuan = await otherTree("DU-X", "CB-X", 8913, "Xuân");
  await admin.say("/chitieu CB-A 2026 4");
  await admin.say("/chitieu CB-X 2026 5");
  await report(an);
  await report(xuan);
  await recordRegularMeeting(xuan, "20/10/2026");
  group = h.group(-8900, "Cấp ủy Sở");
  await group.say(admin, "/dangkynhom DU-SGD");
}, 60_000);
afterAll(async () => h?.stop());

describe("point 7: a committee member's private commands, for the units under them", () => {
  test("/tonghop: their unit by default, a unit below by its code and month; a unit elsewhere is refused", async () => {
    const own = (await member.say("/tonghop")).texts.join("\n");
    expect(own).toContain("📊 Tổng hợp Đảng ủy Sở Giáo dục và Đào tạo · tháng 10/2026");
    const below = (await member.say("/tonghop CB-A 10/2026")).texts.join("\n");
    expect(below).toContain("📊 Tổng hợp Chi bộ A · tháng 10/2026");
    expect((await member.say("/tonghop DU-X")).texts).toEqual([DIGEST_DENIED]);
    expect((await member.say("/tonghop CB-X 10/2026")).texts).toEqual([DIGEST_DENIED]);
  });

  test("/xuat: the workbook of their unit, of a year or a month; a unit elsewhere is refused", async () => {
    const r = await member.say("/xuat 2026");
    expect(r.last.method).toBe("sendDocument");
    expect(r.last.text).toContain("📎 Số liệu của Đảng ủy Sở Giáo dục và Đào tạo, năm 2026:");
    const month = await member.say("/xuat CB-A 10/2026");
    expect(month.last.method).toBe("sendDocument");
    expect(month.last.text).toContain("📎 Số liệu của Chi bộ A");
    expect((await member.say("/xuat DU-X 2026")).texts).toEqual([DIGEST_DENIED]);
  });

  test("/tiendo <mã chi bộ>: a branch below; one elsewhere, a committee, or no code get a clear answer", async () => {
    const r = await member.say("/tiendo CB-A");
    expect(r.last.text).toContain("📈 Chi bộ A: năm 2026");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["📋 Xem từng tháng"]);
    expect((await member.press("📋 Xem từng tháng")).last.text).toContain("📋 Chi bộ A: từng tháng, năm 2026");
    expect((await member.say("/tiendo CB-X")).texts).toEqual(["Đồng chí không xem được tiến độ của Chi bộ CB-X: chi bộ này không thuộc đơn vị đồng chí là cấp ủy viên."]);
    expect((await member.say("/tiendo DU-SGD")).texts[0]).toContain("không phải chi bộ");
    expect((await member.say("/tiendo")).texts[0]).toContain("Cách dùng: /tiendo <mã chi bộ>");
  });

  test("an administrator uses /tiendo <mã> for any branch", async () => {
    expect((await admin.say("/tiendo CB-X")).last.text).toContain("📈 Chi bộ CB-X: năm 2026");
  });

  test("/chitieu <mã>: reads the quotas below; setting one stays the administrators'; elsewhere is refused", async () => {
    const own = (await member.say("/chitieu DU-SGD")).texts[0]!;
    expect(own).toContain("Đảng ủy Sở Giáo dục và Đào tạo");
    expect(own).toContain("4");
    expect((await member.say("/chitieu CB-A")).texts[0]).toContain("Chỉ tiêu kết nạp năm 2026 của Chi bộ A");
    expect((await member.say("/chitieu CB-A 2026 9")).texts[0]).toContain("Chỉ tiêu do quản trị viên giao");
    expect((await admin.say("/chitieu CB-A")).texts.join("\n")).toContain("4");
    expect((await member.say("/chitieu CB-X")).texts).toEqual(["Đồng chí không xem được chỉ tiêu của Chi bộ CB-X: đơn vị này không thuộc đơn vị đồng chí là cấp ủy viên."]);
  });

  test("/choduyet and /xembienban: what is below, not what is elsewhere", async () => {
    const queue = (await member.say("/choduyet")).texts.join("\n");
    expect(queue).toContain("Chi bộ A");
    expect(queue).not.toContain("CB-X");
    expect((await member.say("/xembienban CB-A 10/2026")).texts[0]).toBe("Chi bộ A chưa có biên bản nào trong tháng 10/2026.");
    expect((await member.say("/xembienban CB-X 10/2026")).texts).toEqual(["Đồng chí không có quyền xem biên bản của đơn vị này."]);
  });
});

describe("point 8: the group's /xuat and /tonghop", () => {
  test("/xuat in the group goes to a committee member's private chat; a stranger or a branch's secretary in the group is refused, and nothing is sent", async () => {
    const before = h.fake.messagesTo(member.id).length;
    const r = await group.say(member, "/xuat 2026");
    expect(r.texts).toEqual(["📎 Đã gửi tệp Excel của Đảng ủy Sở Giáo dục và Đào tạo vào trò chuyện riêng của đồng chí với Trợ lý."]);
    expect(r.messages.map((m) => m.method)).toEqual(["sendMessage"]);
    const doc = h.fake.messagesTo(member.id).slice(before).find((m) => m.method === "sendDocument")!;
    expect(doc.text).toContain("📎 Số liệu của Đảng ủy Sở Giáo dục và Đào tạo, năm 2026:");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(h.fake.uploads.get(String(doc.document).replace(/^upload:/, ""))! as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toContain("Báo cáo tháng");

    const refusal = "Tệp Excel của Đảng ủy Sở Giáo dục và Đào tạo có tên người và lý do xóa tên, nên chỉ gửi cho cấp ủy viên của đơn vị (và cấp trên) hoặc quản trị viên. Đồng chí xem tổng hợp bằng /tonghop.";
    const documents = () => h.fake.calls.filter((c) => c.method === "sendDocument").length;
    const sent = documents();
    const stranger = h.user(8999, "Khách");
    expect((await group.say(stranger, "/xuat 2026")).texts).toEqual([refusal]);
    expect((await group.say(an, "/xuat")).texts).toEqual([refusal]);
    expect(documents()).toBe(sent);
  });

  test("a member who never opened the private chat (Telegram refuses it) is told so in the group, with the button to open it", async () => {
    h.fake.failNext({ method: "sendDocument", chatId: member.id, status: 403, body: { ok: false, error_code: 403, description: "Forbidden: bot can't initiate conversation with a user" } });
    const r = await group.say(member, "/xuat 2026");
    expect(r.texts).toEqual(["Chưa gửi được tệp Excel vào trò chuyện riêng: đồng chí bấm nút dưới đây, bấm Bắt đầu, rồi gõ lại /xuat."]);
    expect(r.last.buttons.flat().map((b) => b.url)).toEqual([expect.stringMatching(/^https:\/\/t\.me\/\w+\?start=trogiup$/)]);
  });

  test("/tonghop in the group names no one until the committee chooses names with /caidat; in private the member sees them", async () => {
    const inGroup = (await group.say(h.user(8998, "Khách"), "/tonghop 10/2026")).texts.join("\n");
    expect(inGroup).toContain("• CB-B: Chi bộ B");
    expect(inGroup).not.toContain("bí thư:");
    expect((await member.say("/tonghop DU-SGD 10/2026")).texts.join("\n")).toContain("• CB-B: Chi bộ B (bí thư: Bình Nguyễn)");

    expect((await member.say("/caidat DU-SGD")).texts[0]).toContain("không ghi tên người");
    expect((await member.say("/caidat DU-SGD tên bật")).texts[0]).toContain('"tên bật" không phải lựa chọn');
    expect((await member.say("/caidat DU-X ten hien")).texts[0]).toContain("không phải cấp ủy viên của Đảng ủy DU-X");
    expect((await an.say("/caidat DU-SGD tên hiện")).texts).toEqual(["Lệnh này chỉ dành cho quản trị viên."]);
    expect((await member.say("/caidat DU-SGD tên hiện")).texts).toEqual(["✅ Từ nay tổng hợp và danh sách chậm báo cáo trong nhóm của Đảng ủy Sở Giáo dục và Đào tạo ghi tên bí thư các chi bộ chưa gửi."]);
    expect((await group.say(h.user(8998, "Khách"), "/tonghop 10/2026")).texts.join("\n")).toContain("• CB-B: Chi bộ B (bí thư: Bình Nguyễn)");
    // An administrator's /caidat alone still shows the schedule; the choice is in /nhatky.
    expect((await admin.say("/caidat")).texts[0]).not.toContain("tên");
    expect((await admin.say("/nhatky")).texts.join("\n")).toContain("tên người trong tổng hợp ở nhóm của DU-SGD");
    await member.say("/caidat DU-SGD tên ẩn");
    expect((await group.say(h.user(8998, "Khách"), "/tonghop 10/2026")).texts.join("\n")).not.toContain("bí thư:");
  });
});

describe("point 9: nobody approves or returns their own branch's records", () => {
  /** The latest review card to `u` of `what` ("báo cáo tháng" or "biên bản sinh hoạt") of the unit. */
  function cardTo(u: TestUser, what: string, unit: string): BotMessage {
    const card = h.fake.messagesTo(u.id).filter((m) => m.text.startsWith("🔎") && m.text.includes(what) && m.text.includes(`của ${unit} (phiên bản`)).at(-1);
    expect(card, `a card of ${what} of ${unit}`).toBeDefined();
    return card!;
  }

  test("a committee member made a branch's deputy cannot decide on its report or minutes, with the reason; another member does", async () => {
    const cuong = (await Reviewer.invite(h, "DU-SGD", 8902)).person;
    await report(binh);
    await recordRegularMeeting(binh, "21/10/2026");
    await h.app.scheduler.kick();
    const reportCard = cardTo(cuong, "báo cáo tháng", "Chi bộ B");
    const minutesCard = cardTo(cuong, "biên bản sinh hoạt thường kỳ ngày 21/10/2026", "Chi bộ B");

    // Cường becomes CB-B's deputy while the cards sit in the chat.
    const code = (await admin.say("/moi CB-B phobithu")).last.text.match(/\?start=([A-Za-z0-9_-]+)/)![1]!;
    expect((await cuong.say(`/start ${code}`)).last.text).toContain("phó bí thư");
    const reason = "Đồng chí là bí thư hoặc phó bí thư của Chi bộ B, nên không tự duyệt hay trả lại báo cáo, biên bản của chi bộ mình. Một cấp ủy viên khác sẽ duyệt.";
    expect((await cuong.press("✅ Duyệt", reportCard)).texts).toEqual([reason]);
    expect((await cuong.press("↩️ Trả lại", minutesCard)).texts).toEqual([reason]);
    expect((await cuong.press("✅ Duyệt", minutesCard)).texts).toEqual([reason]);
    const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: "CB-B" } });
    const current = () => h.app.db.report.findFirstOrThrow({ where: { unitId: unit.id, year: 2026, month: 10, supersededAt: null } });
    expect((await current()).reviewState).toBe("PENDING");
    // /choduyet no longer lists them for him; new minutes send him no card.
    expect((await cuong.say("/choduyet")).texts.join("\n")).not.toContain("Chi bộ B");
    const cardsBefore = h.fake.messagesTo(cuong.id).filter((m) => m.text.startsWith("🔎")).length;
    await recordRegularMeeting(binh, "28/10/2026");
    await h.app.scheduler.kick();
    expect(h.fake.messagesTo(cuong.id).filter((m) => m.text.startsWith("🔎")).length).toBe(cardsBefore);

    // Another member of the committee decides.
    await member.press("✅ Duyệt", cardTo(member, "báo cáo tháng", "Chi bộ B"));
    expect((await current()).reviewState).toBe("APPROVED");
    const r = await member.press("✅ Duyệt", cardTo(member, "biên bản sinh hoạt thường kỳ ngày 21/10/2026", "Chi bộ B"));
    expect(r.texts[0]).toContain("Đã duyệt");
  });
});

describe("point 10: a branch nobody can review", () => {
  let yen: TestUser;
  beforeAll(async () => {
    yen = await otherTree("DU-Y", "CB-Y", 8921, "Yến");
    await report(yen);
  });

  test("its reports count in the totals as sent, and the digest says it has no reviewer and how to invite one", async () => {
    const digest = (await admin.say("/tonghop DU-Y 10/2026")).texts.join("\n");
    expect(digest).toContain("ℹ️ Số liệu chỉ tính báo cáo đã duyệt.");
    expect(digest).toContain("🎯 Kết nạp trong tháng: 3");
    expect(digest).toContain("⚠️ Chưa có cấp ủy viên duyệt báo cáo, biên bản của 1 chi bộ: số liệu của các chi bộ này được tính ngay khi gửi, không chờ duyệt.\n  • CB-Y: Chi bộ CB-Y");
    expect(digest).toContain("Mời cấp ủy viên: quản trị viên gõ /moi DU-Y uyvien và gửi đường dẫn cho đồng chí được mời.");
    // The same in the workbook's progress sheet.
    const wb = new ExcelJS.Workbook();
    const doc = (await admin.say("/xuat DU-Y 2026")).last;
    expect(doc.text).toContain("⚠️ 1 chi bộ chưa có cấp ủy viên duyệt: báo cáo của các chi bộ này được tính ngay khi gửi.");
    await wb.xlsx.load(h.fake.uploads.get(String(doc.document).replace(/^upload:/, ""))! as unknown as ArrayBuffer);
    const progress = wb.getWorksheet("Tiến độ chỉ tiêu")!;
    const header = (progress.getRow(1).values as unknown[]).slice(1);
    const row = (progress.getRow(2).values as unknown[]).slice(1);
    expect(row[header.indexOf("Đã kết nạp")]).toBe(3);
    // Where a committee member reviews, the default counts approved reports only: DU-SGD's digest says no such line.
    expect((await admin.say("/tonghop DU-SGD 10/2026")).texts.join("\n")).not.toContain("Chưa có cấp ủy viên duyệt");
  });

  test("once a committee member joins, the report waits for their approval again, and the line goes", async () => {
    const code = await inviteLink(admin, "DU-Y");
    const reviewer = h.user(8922, "Duyệt", "Y");
    await reviewer.say(`/start ${code}`);
    const digest = (await admin.say("/tonghop DU-Y 10/2026")).texts.join("\n");
    expect(digest).toContain("🎯 Kết nạp trong tháng: 0");
    expect(digest).not.toContain("Chưa có cấp ủy viên duyệt");
  });

  test("a branch whose only committee member above is its own secretary has no reviewer either", async () => {
    const zung = await otherTree("DU-Z", "CB-Z", 8931, "Dung");
    const code = await inviteLink(admin, "DU-Z");
    expect((await zung.say(`/start ${code}`)).last.text).toContain("cấp ủy");
    await report(zung);
    const digest = (await zung.say("/tonghop DU-Z 10/2026")).texts.join("\n");
    expect(digest).toContain("🎯 Kết nạp trong tháng: 3");
    expect(digest).toContain("• CB-Z: Chi bộ CB-Z");
    expect(digest).toContain("/moi DU-Z uyvien");
    expect((await zung.say("/choduyet")).texts).toEqual(["Không có báo cáo, biên bản hay bản trả lời yêu cầu nào chờ duyệt."]);
  });
});

describe("what groups are sent: the committee's choice of names (point 8), the line on a missing reviewer (point 10)", () => {
  test("once the committee chose names, the late list and the weekly digest sent to the group name the missing branches' secretaries too", async () => {
    await admin.say("/themchibo CB-C DU-SGD Chi bộ C");
    await branchWithSecretary(h, 8941, "Chi", "CB-C");
    await member.say("/caidat DU-SGD tên hiện");
    // DU-Z has no reviewer but its branch's own secretary (point 10): its group's weekly digest says how to invite one.
    const zGroup = h.group(-8901, "Đảng ủy Z");
    await zGroup.say(admin, "/dangkynhom DU-Z");
    await h.at("2026-11-03T10:00:00+07:00");
    let before = group.messages().length;
    // The day after the deadline (05/11), the late list; Monday 09/11, 08:00, the weekly digest.
    await h.at("2026-11-06T08:00:10+07:00");
    const late = group.messages().slice(before).map((m) => m.text).join("\n");
    before = group.messages().length;
    await h.at("2026-11-09T08:00:10+07:00");
    const digest = group.messages().slice(before).map((m) => m.text).join("\n");
    expect(digest).toContain("📊 Tổng hợp Đảng ủy Sở Giáo dục và Đào tạo");
    expect(late).toContain("• CB-C: Chi bộ C (bí thư: Chi Nguyễn)");
    expect(digest).toContain("• CB-C: Chi bộ C (bí thư: Chi Nguyễn)");
    const zDigest = zGroup.messages().map((m) => m.text).join("\n");
    expect(zDigest).toContain("📊 Tổng hợp Đảng ủy DU-Z");
    expect(zDigest).toContain("⚠️ Chưa có cấp ủy viên duyệt báo cáo, biên bản của 1 chi bộ");
    expect(zDigest).toContain("Mời cấp ủy viên: quản trị viên gõ /moi DU-Z uyvien");
  });
});
