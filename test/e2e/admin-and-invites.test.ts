// Administrators build the tree and invite secretaries; strangers are refused.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness } from "../support/harness.js";
import { inviteLink } from "../support/scenario.js";

let h: Harness;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
});
afterAll(async () => h?.stop());

describe("the tree of units", () => {
  test("an administrator adds committees and branches and sees the tree with each branch's secretary", async () => {
    const admin = h.admin();
    expect((await admin.say("/donvi")).last.text).toBe("Chưa có đơn vị nào. Bắt đầu bằng /themdonvi <mã> - <tên>.");
    expect((await admin.say("/themdonvi du-sgd - Đảng ủy Sở Giáo dục và Đào tạo")).last.text).toBe("Đã thêm Đảng ủy Sở Giáo dục và Đào tạo (mã DU-SGD).");
    expect((await admin.say("/themdonvi DBCS-THPT DU-SGD Đảng bộ khối THPT")).last.text).toBe("Đã thêm Đảng bộ khối THPT (mã DBCS-THPT).");
    expect((await admin.say("/themchibo CB-QT DBCS-THPT Chi bộ Trường THPT Quang Trung")).last.text).toBe(
      "Đã thêm Chi bộ Trường THPT Quang Trung (mã CB-QT). Gõ /moi CB-QT để tạo link mời bí thư.",
    );
    await admin.say("/themchibo CB-VP DU-SGD Chi bộ Văn phòng Sở");
    const code = await inviteLink(admin, "CB-QT");
    await h.user(5100, "Hòa", "Lê").say(`/start ${code}`);

    const tree = (await admin.say("/donvi")).last.text;
    expect(tree).toBe(
      [
        "Cây tổ chức (4 đơn vị):",
        "🏛 DU-SGD: Đảng ủy Sở Giáo dục và Đào tạo",
        "   🚩 CB-VP: Chi bộ Văn phòng Sở · bí thư: chưa có",
        "   🏛 DBCS-THPT: Đảng bộ khối THPT",
        "      🚩 CB-QT: Chi bộ Trường THPT Quang Trung · bí thư: Hòa Lê",
      ].join("\n"),
    );
  });

  test.each([
    ["/themdonvi", "Cách dùng: /themdonvi <mã> <mã cấp trên hoặc -> <tên>. Ví dụ: /themdonvi DU-SGD - Đảng ủy Sở Giáo dục và Đào tạo"],
    ["/themchibo CB-X DU-SGD", "Cách dùng: /themchibo <mã> <mã cấp trên> <tên>. Ví dụ: /themchibo CB-QT DU-SGD Chi bộ Trường THPT Quang Trung"],
    ["/themchibo CB-Đ DU-SGD Chi bộ Đ", 'Mã "CB-Đ" không hợp lệ: dùng 2–32 chữ cái không dấu, chữ số, dấu - _ hoặc . và không có khoảng trắng.'],
    ["/themchibo CB-X - Chi bộ X", "Chi bộ phải thuộc một đơn vị cấp trên."],
    ["/themchibo CB-X KHONG-CO Chi bộ X", "Không có đơn vị cấp trên mã KHONG-CO. Gõ /donvi để xem các mã hiện có."],
    ["/themdonvi DU-SGD - Trùng mã", "Mã DU-SGD đã có (đơn vị: Đảng ủy Sở Giáo dục và Đào tạo). Hãy chọn mã khác."],
    ["/themchibo CB-Y CB-VP Chi bộ con", "CB-VP là chi bộ, không thể có đơn vị cấp dưới. Hãy chọn một đảng ủy hoặc đảng bộ làm cấp trên."],
    [`/themchibo CB-Z DU-SGD ${"Tên rất dài ".repeat(30)}`, "Tên đơn vị phải dài từ 2 đến 200 ký tự."],
    // The "-" of a unit with no parent forgotten: the name's first word sits where the parent's code goes.
    [
      "/themdonvi DUGD Đảng ủy Sở Giáo dục",
      'Sau mã đơn vị cần mã đơn vị cấp trên, hoặc dấu - nếu đơn vị này không có cấp trên; "Đảng" không phải là một mã. Nếu đây là đơn vị cao nhất, gõ: /themdonvi DUGD - Đảng ủy Sở Giáo dục',
    ],
    [
      "/themdonvi DUGD Dang uy So Giao duc",
      "Không có đơn vị cấp trên mã DANG. Gõ /donvi để xem các mã hiện có. Nếu đơn vị này không có cấp trên, gõ dấu - thay cho mã cấp trên: /themdonvi DUGD - Dang uy So Giao duc",
    ],
    [
      "/themchibo CB-X Trường THPT Lê Lợi",
      'Sau mã chi bộ cần mã đơn vị cấp trên (đảng ủy hoặc đảng bộ mà chi bộ trực thuộc); "Trường" không phải là một mã. Gõ /donvi để xem các mã, rồi gõ: /themchibo CB-X <mã cấp trên> Trường THPT Lê Lợi',
    ],
  ])("%s is refused with a reason", async (command, answer) => {
    const before = await h.app.db.unit.count();
    expect((await h.admin().say(command)).texts).toEqual([answer]);
    expect(await h.app.db.unit.count()).toBe(before);
  });

  test("a large tree is split into several messages, none over Telegram's limit", async () => {
    const admin = h.admin();
    await admin.say("/themdonvi DU-LON - Đảng ủy lớn");
    for (let i = 0; i < 60; i++) {
      await h.app.db.unit.create({
        data: { code: `CB-LON-${i}`, name: `Chi bộ số ${i} có một cái tên khá dài để thử việc chia tin nhắn`, kind: "BRANCH", parentId: (await h.app.db.unit.findUniqueOrThrow({ where: { code: "DU-LON" } })).id, createdBy: 1n },
      });
    }
    const r = await admin.say("/donvi");
    expect(r.messages.length).toBeGreaterThan(1);
    for (const m of r.messages) expect(m.text.length).toBeLessThanOrEqual(4096);
    const all = r.texts.join("\n");
    for (let i = 0; i < 60; i++) expect(all).toContain(`CB-LON-${i}:`);
  });
});

describe("invites", () => {
  test("a one-time link for a branch's secretary, greeted by name", async () => {
    const admin = h.admin();
    const r = await admin.say("/moi CB-VP");
    expect(r.last.text).toMatch(/^Link mời bí thư Chi bộ Văn phòng Sở:\nhttps:\/\/t\.me\/TroLyChiBoTestBot\?start=[A-Za-z0-9_-]{22}\nLink chỉ dùng được một lần và hết hạn lúc 09:00 10\/11\/2026\./);
    const code = r.last.text.match(/start=([\w-]+)/)![1]!;
    const welcome = await h.user(5200, "Minh", "Phạm").say(`/start ${code}`);
    expect(welcome.texts[0]).toContain("Chào đồng chí Minh! Đồng chí đã được ghi nhận là bí thư Chi bộ Văn phòng Sở.");
    expect(welcome.texts[0]).toContain("/baocao");
    // Used once: nobody else can use it.
    expect((await h.user(5201, "Khác").say(`/start ${code}`)).texts).toEqual([
      "Mã mời này đã được dùng. Mỗi link chỉ dùng được một lần; đồng chí hãy xin quản trị viên tạo link mới.",
    ]);
    const member = await h.app.db.membership.findMany({ include: { user: true, unit: true }, where: { unit: { code: "CB-VP" } } });
    expect(member.map((m) => [m.user.firstName, m.role])).toEqual([["Minh", "SECRETARY"]]);
  });

  test("an expired link names the day it expired; a new link can be made", async () => {
    const admin = h.admin();
    await admin.say("/themchibo CB-HET DU-SGD Chi bộ Hết hạn");
    const old = await inviteLink(admin, "CB-HET");
    h.clock.advanceDays(8);
    try {
      const r = await h.user(5300, "Tuấn").say(`/start ${old}`);
      expect(r.texts).toEqual(["Mã mời này đã hết hạn ngày 10/11/2026. Đồng chí hãy xin quản trị viên tạo link mới."]);
      const fresh = await inviteLink(admin, "CB-HET");
      expect(fresh).not.toBe(old);
      expect((await h.user(5300, "Tuấn").say(`/start ${fresh}`)).texts[0]).toContain("bí thư Chi bộ Hết hạn");
    } finally {
      h.clock.set("2026-11-03T09:00:00+07:00");
    }
  });

  test.each([
    ["odd characters", "/start abc$%^&*()", "Mã mời không hợp lệ. Đồng chí hãy mở lại đúng đường link quản trị viên đã gửi."],
    ["unicode", "/start mãmời", "Mã mời không hợp lệ. Đồng chí hãy mở lại đúng đường link quản trị viên đã gửi."],
    ["too long", `/start ${"a".repeat(65)}`, "Mã mời không hợp lệ. Đồng chí hãy mở lại đúng đường link quản trị viên đã gửi."],
    ["well-formed but unknown", "/start AAAAAAAAAAAAAAAAAAAAAA", "Không tìm thấy mã mời này. Đồng chí hãy kiểm tra lại đường link hoặc xin quản trị viên tạo link mới."],
  ])("a /start code with %s gets a clear reason and no role", async (_name, command, answer) => {
    const u = h.user(5400, "Lạ");
    expect((await u.say(command)).texts).toEqual([answer]);
    expect(await h.app.db.user.findUnique({ where: { telegramId: 5400n } })).toBeNull();
  });

  test("/moi needs a branch", async () => {
    const admin = h.admin();
    expect((await admin.say("/moi")).texts).toEqual([
      "Cách dùng: /moi <mã đơn vị> [vai trò] [thaythe]. Chi bộ: bithu (bí thư, mặc định) hoặc phobithu (phó bí thư); đảng ủy, đảng bộ: uyvien (cấp ủy viên, mặc định). Ví dụ: /moi CB-QT, /moi CB-QT phobithu, hoặc /moi CB-QT bithu thaythe để mời bí thư mới thay bí thư hiện tại.",
    ]);
    // A committee's invite is for a committee member, not a secretary.
    const r = await admin.say("/moi DU-SGD");
    expect(r.last.text).toMatch(/^Link mời cấp ủy viên Đảng ủy Sở Giáo dục và Đào tạo:\nhttps:\/\/t\.me\/TroLyChiBoTestBot\?start=/);
    const invite = await h.app.db.invite.findFirstOrThrow({ orderBy: { id: "desc" } });
    expect(invite.role).toBe("COMMITTEE");
    expect((await admin.say("/moi KHONG-CO")).texts).toEqual(["Không có đơn vị mã KHONG-CO. Gõ /donvi để xem các mã."]);
  });
});

describe("who may do what", () => {
  const REFUSAL =
    "Xin chào! Trợ lý Chi bộ chỉ phục vụ bí thư chi bộ và cấp ủy viên đã được mời.\nNếu đồng chí là bí thư chi bộ, xin đồng chí đề nghị quản trị viên gửi đường link mời.\nMã Telegram của đồng chí: 5500 (gửi mã này cho quản trị viên).";

  test.each(["/start", "/baocao", "/tiendo", "/donvi", "/themdonvi X - Y", "/moi CB-QT", "/trogiup", "xin chào"])(
    "someone without a role who sends %s gets a short polite refusal and no data",
    async (text) => {
      const r = await h.user(5500, "Người lạ").say(text);
      expect(r.texts).toEqual([REFUSAL]);
    },
  );

  test("a secretary cannot use administrator commands", async () => {
    // A branch of her own: CB-QT's secretary is in place, and a branch has one.
    await h.admin().say("/themchibo CB-THU DU-SGD Chi bộ Trường Thu");
    const code = await inviteLink(h.admin(), "CB-THU");
    const s = h.user(5600, "Thu");
    await s.say(`/start ${code}`);
    for (const command of ["/themdonvi X - Y", "/donvi", "/moi CB-QT"]) {
      expect((await s.say(command)).texts).toEqual(["Lệnh này chỉ dành cho quản trị viên."]);
    }
    expect(await h.app.db.unit.findUnique({ where: { code: "X" } })).toBeNull();
  });

  test("/trogiup lists the commands each role may use", async () => {
    const secretaryHelp = (await h.user(5600, "Thu").say("/trogiup")).last.text;
    expect(secretaryHelp).toContain("/baocao");
    expect(secretaryHelp).toContain("/tiendo");
    expect(secretaryHelp).not.toContain("/themdonvi");
    const adminHelp = (await h.admin().say("/trogiup")).last.text;
    expect(adminHelp).toContain("/themdonvi");
    expect(adminHelp).toContain("/moi");
    expect(adminHelp).not.toContain("/baocao");
    expect(adminHelp).toContain("/huy");
  });

  test("an administrator who is not a secretary is told so by /baocao, and how to name a branch by /tiendo", async () => {
    const admin = h.admin();
    expect((await admin.say("/baocao")).texts).toEqual(["Lệnh này dành cho bí thư chi bộ. Đồng chí chưa được giao chi bộ nào."]);
    // Administrators read any branch's year with /tiendo <mã> (issue 12, point 7).
    expect((await admin.say("/tiendo")).texts[0]).toContain("Cách dùng: /tiendo <mã chi bộ>");
  });

  test("in a group the bot stays silent except to commands: a private one gets one pointer to the private chat (issue 12)", async () => {
    const id = h.fake.pushUpdate({
      message: { message_id: h.fake.newMessageId(), date: 0, from: { id: 5500, is_bot: false, first_name: "X" }, chat: { id: -100123, type: "group", title: "Nhóm" }, text: "xin chào mọi người" },
    });
    await h.waitHandled(id);
    expect(h.fake.messagesTo(-100123)).toEqual([]);
    const command = h.fake.pushUpdate({
      message: { message_id: h.fake.newMessageId(), date: 0, from: { id: 5500, is_bot: false, first_name: "X" }, chat: { id: -100123, type: "group", title: "Nhóm" }, text: "/baocao", entities: [{ type: "bot_command", offset: 0, length: 7 }] },
    });
    await h.waitHandled(command);
    expect(h.fake.messagesTo(-100123).map((m) => [m.text, m.buttons.flat().map((b) => b.url)])).toEqual([
      ["Lệnh /baocao dùng trong trò chuyện riêng với Trợ lý. Đồng chí bấm nút dưới đây.", ["https://t.me/TroLyChiBoTestBot?start=baocao"]],
    ]);
  });
});
