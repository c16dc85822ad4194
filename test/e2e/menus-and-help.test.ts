// Issue 12, points 3–5: each role sees its own commands. The menu beside the text box
// (setMyCommands by scope, per chat through the outbox), /trogiup by role, and in a
// group a pointer to the private chat: a button whose t.me link opens the same thing
// there, also under the late list and the weekly digest.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createI18n, translator } from "../../src/i18n.js";
import { refreshMenus } from "../../src/outbox/menus.js";
import { newTestDatabase } from "../support/database.js";
import { ADMIN_ID, Harness, type TestUser } from "../support/harness.js";
import { branchWithSecretary, buildTree, inviteLink, TYPICAL_ANSWERS } from "../support/scenario.js";

const t = translator(createI18n());

const SECRETARY_MENU = ["baocao", "bienban", "xembienban", "tiendo", "uyquyen", "nghi", "yeucau", "hoso", "huy", "trogiup"];
const DEPUTY_MENU = ["baocao", "bienban", "xembienban", "tiendo", "yeucau", "hoso", "huy", "trogiup"];
// A committee member's private commands for the units under them (issue 12, point 7).
const COMMITTEE_MENU = ["choduyet", "xembienban", "tonghop", "xuat", "tiendo", "chitieu", "tinhtong", "caidat", "yeucau", "hoso", "huy", "trogiup"];
const ADMIN_MENU = ["themdonvi", "themchibo", "donvi", "moi", "thanhvien", "chitieu", "hanbaocao", "nhacnho", "lichtonghop", "caidat", "tonghop", "xuat", "tiendo", "choduyet", "xembienban", "khoaso", "mokhoa", "tinhtong", "nhatky", "yeucau", "hoso", "huy", "trogiup"];

/** Joins through an invite to `code` with the role word, and waits until what that queued has been sent. */
async function join(h: Harness, user: TestUser, code: string, role?: string) {
  const invite = await inviteLink(h.admin(), role ? `${code} ${role}` : code);
  const r = await user.say(`/start ${invite}`);
  await h.app.scheduler.kick();
  return r;
}

const menuCallsTo = (h: Harness, chatId: number) =>
  h.fake.calls.filter((c) => (c.method === "setMyCommands" || c.method === "deleteMyCommands") && Number((c.params.scope as { chat_id?: number } | undefined)?.chat_id) === chatId);

describe("menus by scope", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
    await buildTree(h, [{ code: "CB-QT", name: "Chi bộ Trường THPT Quang Trung" }, { code: "CB-LL", name: "Chi bộ Trường THPT Lê Lợi" }]);
  });
  afterAll(async () => h?.stop());

  test("at start: a private chat with no role shows /start, a group its own commands, the default the same as a private chat", () => {
    expect(h.fake.menus.get("all_private_chats")).toEqual([{ command: "start", description: t("menu-start") }]);
    expect(h.fake.menus.get("default")).toEqual(h.fake.menus.get("all_private_chats"));
    expect(h.fake.menus.get("all_group_chats")!.map((c) => c.command)).toEqual(["tonghop", "xuat", "trogiup"]);
    expect(h.fake.privateMenuOf(4242)).toEqual(["start"]);
  });

  test("the administrator's chat gets the administrator's menu", async () => {
    await h.app.scheduler.kick();
    expect(h.fake.privateMenuOf(ADMIN_ID)).toEqual(ADMIN_MENU);
  });

  test("a secretary who accepts an invite gets the secretary's menu in their chat, once; a deputy and a committee member theirs", async () => {
    const lan = h.user(8101, "Lan");
    expect(h.fake.privateMenuOf(lan.id)).toEqual(["start"]);
    await join(h, lan, "CB-QT");
    expect(h.fake.privateMenuOf(lan.id)).toEqual(SECRETARY_MENU);
    expect(h.fake.menus.get(`chat:${lan.id}`)![0]).toEqual({ command: "baocao", description: t("menu-baocao") });
    const deputy = h.user(8102, "Phó");
    await join(h, deputy, "CB-QT", "phobithu");
    expect(h.fake.privateMenuOf(deputy.id)).toEqual(DEPUTY_MENU);
    const member = h.user(8103, "Ủy viên");
    await join(h, member, "DU-SGD");
    expect(h.fake.privateMenuOf(member.id)).toEqual(COMMITTEE_MENU);
    // Sent once each, and never again by later rounds or a restart (the menus did not change).
    await h.app.scheduler.tick();
    await h.restart();
    await h.app.scheduler.tick();
    for (const u of [lan, deputy, member]) expect(menuCallsTo(h, u.id)).toHaveLength(1);
  });

  test("a person with two roles gets both lists, each command once", async () => {
    const an = h.user(8104, "An");
    await join(h, an, "CB-LL");
    await join(h, an, "DU-SGD");
    expect(h.fake.privateMenuOf(an.id)).toEqual(["baocao", "bienban", "xembienban", "tiendo", "uyquyen", "nghi", "yeucau", "choduyet", "tonghop", "xuat", "chitieu", "tinhtong", "caidat", "hoso", "huy", "trogiup"]);
  });

  test("a role lost: the chat's own menu is deleted, and the menu of every private chat applies", async () => {
    const binh = h.user(8105, "Bình");
    await join(h, binh, "DU-SGD");
    expect(h.fake.privateMenuOf(binh.id)).toEqual(COMMITTEE_MENU);
    // What removing a member does (/thanhvien): the role goes, and the menu is queued in the same transaction.
    await h.app.db.$transaction(async (tx) => {
      await tx.membership.deleteMany({ where: { user: { telegramId: BigInt(binh.id) } } });
      await refreshMenus(tx, [BigInt(binh.id)], h.clock.now());
    });
    await h.app.scheduler.kick();
    expect(menuCallsTo(h, binh.id).map((c) => c.method)).toEqual(["setMyCommands", "deleteMyCommands"]);
    expect(h.fake.privateMenuOf(binh.id)).toEqual(["start"]);
  });

  test("Telegram away when a role is gained: the menu waits in the outbox and goes once it answers", async () => {
    const cuc = h.user(8106, "Cúc");
    // Every try to set this chat's menu loses its connection, until Telegram is back.
    for (let i = 0; i < 20; i++) h.fake.failNext({ method: "setMyCommands", chatId: cuc.id, status: 0, body: {}, drop: true });
    await join(h, cuc, "CB-LL", "phobithu");
    await h.app.scheduler.tick();
    expect(h.fake.menus.has(`chat:${cuc.id}`)).toBe(false);
    const [waiting] = await h.app.db.delivery.findMany({ where: { chatId: BigInt(cuc.id), job: { kind: "menu" } } });
    // Not the message's fault: no attempt counted, never given up.
    expect([waiting!.status, waiting!.attempts]).toEqual(["PENDING", 0]);
    h.fake.clearFaults();
    await h.app.scheduler.tick();
    expect(h.fake.privateMenuOf(cuc.id)).toEqual(DEPUTY_MENU);
    expect((await h.app.db.delivery.findUniqueOrThrow({ where: { id: waiting!.id } })).status).toBe("SENT");
  });

  test("a menu says the roles of the moment it is sent; of two queued for a chat, only the later goes", async () => {
    const dung = h.user(8107, "Dũng");
    await join(h, dung, "CB-LL", "phobithu");
    const du = await h.app.db.unit.findUniqueOrThrow({ where: { code: "DU-SGD" } });
    const user = await h.app.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(dung.id) } });
    // Two role changes queued before the sender's next round.
    await h.app.db.$transaction((tx) => refreshMenus(tx, [BigInt(dung.id)], h.clock.now()));
    await h.app.db.$transaction(async (tx) => {
      await tx.membership.create({ data: { userId: user.id, unitId: du.id, role: "COMMITTEE" } });
      await refreshMenus(tx, [BigInt(dung.id)], h.clock.now());
    });
    const sentBefore = menuCallsTo(h, dung.id).length;
    await h.app.scheduler.kick();
    expect(menuCallsTo(h, dung.id)).toHaveLength(sentBefore + 1);
    expect(h.fake.privateMenuOf(dung.id)).toEqual(["baocao", "bienban", "xembienban", "tiendo", "yeucau", "choduyet", "tonghop", "xuat", "chitieu", "tinhtong", "caidat", "hoso", "huy", "trogiup"]);
    const statuses = await h.app.db.delivery.findMany({ where: { chatId: BigInt(dung.id), job: { kind: "menu" } }, orderBy: { id: "asc" } });
    expect(statuses.map((d) => d.status)).toEqual(["SENT", "SKIPPED", "SENT"]);
  });

  test("after an upgrade that changes what the menus say, every person's menu is sent again at start; without a change, none", async () => {
    await h.app.db.setting.update({ where: { key: "menus" }, data: { value: JSON.stringify({ version: "an-older-bot", admins: [ADMIN_ID] }) } });
    const before = await h.app.db.jobRun.count({ where: { kind: "menu" } });
    await h.restart();
    const people = await h.app.db.user.count({ where: { memberships: { some: {} } } });
    expect(await h.app.db.jobRun.count({ where: { kind: "menu" } })).toBe(before + people + 1);
    await h.app.scheduler.tick();
    expect(h.fake.privateMenuOf(8101)).toEqual(SECRETARY_MENU);
    await h.restart();
    expect(await h.app.db.jobRun.count({ where: { kind: "menu" } })).toBe(before + people + 1);
  });
});

test("administrators named in ADMIN_IDS at a restart get their menu; one no longer named has theirs deleted", async () => {
  const database = await newTestDatabase();
  try {
    const first = await Harness.start({ database, admins: [ADMIN_ID] });
    await first.app.scheduler.kick();
    expect(first.fake.privateMenuOf(ADMIN_ID)).toEqual(ADMIN_MENU);
    await first.stop();
    const second = await Harness.start({ database, admins: [900002] });
    try {
      await second.app.scheduler.kick();
      expect(second.fake.privateMenuOf(900002)).toEqual(ADMIN_MENU);
      expect(menuCallsTo(second, ADMIN_ID).map((c) => c.method)).toEqual(["deleteMyCommands"]);
    } finally {
      await second.stop();
    }
  } finally {
    await database.drop();
  }
});

describe("/trogiup by role", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  });
  afterAll(async () => h?.stop());

  test("a secretary's help is every command they have, one short line each, as in their menu", async () => {
    const s = await branchWithSecretary(h, 8201, "Lan", "CB-QT");
    const help = (await s.say("/trogiup")).last.text;
    const lines = help.split("\n").filter((l) => l.startsWith("/"));
    expect(lines.map((l) => l.match(/^\/(\w+)/)![1])).toEqual(SECRETARY_MENU);
    expect(help).toContain("Bí thư chi bộ:");
    expect(lines.every((l) => l.length <= 48)).toBe(true);
  });

  test("the administrator's help lists what the issue found missing, the group commands marked as such", async () => {
    const help = (await h.admin().say("/trogiup")).last.text;
    const commands = help.split("\n").filter((l) => l.startsWith("/")).map((l) => l.match(/^\/(\w+)/)![1]);
    for (const c of ["chitieu", "hanbaocao", "nhacnho", "lichtonghop", "caidat", "nhatky", "dangkynhom", "huynhom", "tonghop", "xuat"]) expect(commands).toContain(c);
    expect(help).toContain(t("help-admin-dangkynhom"));
    expect(help.split("\n").filter((l) => l.startsWith("/")).every((l) => l.length <= 48)).toBe(true);
  });

  test("a committee member's help has their commands and not the secretary's", async () => {
    const member = h.user(8202, "Hương");
    await join(h, member, "DU-SGD");
    const help = (await member.say("/trogiup")).last.text;
    expect(help).toContain("Cấp ủy viên:");
    // /caidat has two lines: names in the group, and a subtree's deadline.
    const lines = COMMITTEE_MENU.flatMap((c) => (c === "caidat" ? [c, c] : [c]));
    expect(help.split("\n").filter((l) => l.startsWith("/")).map((l) => l.match(/^\/(\w+)/)![1])).toEqual(lines);
  });
});

describe("from a group to the private chat", () => {
  let h: Harness;
  let lan: TestUser;
  beforeAll(async () => {
    h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
    lan = await branchWithSecretary(h, 8301, "Lan", "CB-QT");
    await h.group(-8300, "Ban Tổ chức").say(h.admin(), "/dangkynhom DU-SGD");
  });
  afterAll(async () => h?.stop());

  test("/baocao, /bienban, /tiendo, /start, /trogiup from a secretary in a group: one short reply each, with a button to the private chat", async () => {
    const g = h.group(-8300, "Ban Tổ chức");
    const links: Record<string, string> = {};
    for (const command of ["baocao", "bienban", "tiendo", "start", "trogiup"]) {
      const r = await g.say(lan, `/${command}`);
      expect(r.messages, command).toHaveLength(1);
      const buttons = r.last.buttons.flat();
      expect(buttons, command).toHaveLength(1);
      expect(buttons[0]!.text).toBe("💬 Mở trò chuyện riêng với Trợ lý");
      links[command] = buttons[0]!.url!;
      if (command !== "trogiup") expect(r.last.text).toBe(`Lệnh /${command} dùng trong trò chuyện riêng với Trợ lý. Đồng chí bấm nút dưới đây.`);
    }
    expect(links).toEqual({
      baocao: "https://t.me/TroLyChiBoTestBot?start=baocao",
      bienban: "https://t.me/TroLyChiBoTestBot?start=bienban",
      tiendo: "https://t.me/TroLyChiBoTestBot?start=tiendo",
      start: "https://t.me/TroLyChiBoTestBot?start=trogiup",
      trogiup: "https://t.me/TroLyChiBoTestBot?start=trogiup",
    });
    // /trogiup in a group: what the group may type there.
    const help = (await g.say(lan, "/trogiup")).last.text;
    expect(help).toContain("/tonghop");
    expect(help).not.toContain("/baocao:");
  });

  test("following each button opens the same thing in the private chat as the command typed there", async () => {
    const follow = (url: string) => lan.say(`/start ${new URL(url).searchParams.get("start")}`);
    expect((await follow("https://t.me/TroLyChiBoTestBot?start=baocao")).last.text).toBe(t("report-ask-period"));
    await lan.say("/huy");
    expect((await follow("https://t.me/TroLyChiBoTestBot?start=bienban")).last.text).toBe(t("meeting-ask-kind"));
    await lan.say("/huy");
    expect((await follow("https://t.me/TroLyChiBoTestBot?start=tiendo")).texts).toEqual((await lan.say("/tiendo")).texts);
    expect((await follow("https://t.me/TroLyChiBoTestBot?start=trogiup")).texts).toEqual((await lan.say("/trogiup")).texts);
  });

  test("a forged link opens nothing and says so; a stranger following a link is refused as for any command", async () => {
    for (const payload of ["baocao-2026-13", "baocao-2026-1", "tiendo-CB-QT"]) {
      expect((await lan.say(`/start ${payload}`)).texts, payload).toEqual([t("start-link-bad")]);
    }
    expect(await h.app.db.conversationState.count()).toBe(0);
    expect((await h.user(8399, "Lạ").say("/start baocao-2026-10")).texts).toEqual([t("refuse-no-role", { id: "8399" })]);
  });

  test("the late list carries a button that opens the report of its month directly; the weekly digest too", async () => {
    const g = h.group(-8300, "Ban Tổ chức");
    await h.app.scheduler.tick();
    const before = g.messages().length;
    await h.at("2026-11-06T08:00:00+07:00");
    const late = g.messages().slice(before).filter((m) => m.text.startsWith("⏰"));
    expect(late).toHaveLength(1);
    expect(late[0]!.buttons.flat().map((b) => [b.text, b.url])).toEqual([
      ["📝 Gửi báo cáo tháng 10/2026", "https://t.me/TroLyChiBoTestBot?start=baocao-2026-10"],
      ["📋 Ghi biên bản sinh hoạt", "https://t.me/TroLyChiBoTestBot?start=bienban"],
    ]);
    // One tap: the form opens on October, without asking the month.
    let r = await lan.say("/start baocao-2026-10");
    expect(r.texts).not.toContain(t("report-ask-period"));
    for (const a of TYPICAL_ANSWERS) r = typeof a === "string" ? await lan.say(a) : await lan.press(a.press);
    expect(r.last.text).toContain("tháng 10/2026");
    await lan.press("✅ Gửi báo cáo");
    expect(await h.app.db.report.count({ where: { year: 2026, month: 10 } })).toBe(1);

    const beforeDigest = g.messages().length;
    await h.at("2026-11-09T08:00:00+07:00");
    const digest = g.messages().slice(beforeDigest).filter((m) => m.method === "sendMessage");
    expect(digest[0]!.text).toContain("📊 Tổng hợp");
    expect(digest.at(-1)!.buttons.flat().map((b) => b.url)).toEqual(["https://t.me/TroLyChiBoTestBot?start=baocao-2026-10"]);
  });

  test("a link to a month not open yet says when it opens and asks the month, as a typed one", async () => {
    h.clock.set("2026-11-10T09:00:00+07:00");
    const r = await lan.say("/start baocao-2026-11");
    expect(r.texts[0]).toContain("tháng 11/2026 mở từ ngày 30/11/2026");
    expect(r.last.text).toBe(t("report-ask-period"));
    await lan.say("/huy");
  });
});
