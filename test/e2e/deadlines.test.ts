// Deadlines as committees set them (issue 14, point 8): "trước ngày 25 hằng tháng" (day N of the
// report month itself) and a subtree's own deadline, the nearest up the tree applying; each branch
// is reminded, and each committee's group sent its late list, by its own deadline, once.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness, type TestUser } from "../support/harness.js";
import { branchWithSecretary, buildTree, inviteLink, TYPICAL_ANSWERS } from "../support/scenario.js";

let h: Harness;
let a1: TestUser; // CB-A1, under DB-A, under DU-SGD
let b: TestUser; // CB-B, right under DU-SGD
let member: TestUser; // a committee member of DB-A
const START = "2026-11-03T09:00:00+07:00";

beforeAll(async () => {
  h = await Harness.start({ now: START });
  const admin = await buildTree(h, [{ code: "CB-B", name: "Chi bộ B" }]);
  expect((await admin.say("/themdonvi DB-A DU-SGD Đảng bộ A")).last.text).toContain("Đã thêm");
  expect((await admin.say("/themchibo CB-A1 DB-A Chi bộ A1")).last.text).toContain("Đã thêm");
  expect((await admin.say("/themdonvi DU-KHAC - Đảng ủy Khác")).last.text).toContain("Đã thêm");
  a1 = await branchWithSecretary(h, 9101, "Lan", "CB-A1");
  b = await branchWithSecretary(h, 9102, "Bình", "CB-B");
  member = h.user(9103, "Hương", "Trần");
  expect((await member.say(`/start ${await inviteLink(admin, "DB-A")}`)).last.text).toContain("cấp ủy");
});
afterAll(async () => h?.stop());

const buttonsOf = (m: { buttons: { text: string }[][] }) => m.buttons.flat().map((x) => x.text);
const deadlineRows = () => h.app.db.setting.findMany({ where: { key: { startsWith: "deadline." } }, orderBy: { key: "asc" } });
const treeSchedule = async () => JSON.parse((await h.app.db.setting.findUnique({ where: { key: "schedule" } }))?.value ?? "{}") as Record<string, unknown>;

async function fileNovember(s: TestUser) {
  const r = await s.say("/baocao");
  expect(buttonsOf(r.last)).toContain("Tháng 11/2026");
  await s.press("Tháng 11/2026");
  for (const a of TYPICAL_ANSWERS) await (typeof a === "string" ? s.say(a) : s.press(a.press));
  return (await s.press("✅ Gửi báo cáo")).last.text;
}

describe("a same-month deadline for the whole tree", () => {
  test("/caidat han 25 cungthang: November's report opens in November, is on time up to 25/11 and late after", async () => {
    const admin = h.admin();
    expect((await admin.say("/caidat han 25 cungthang")).texts).toEqual([
      "✅ Đã lưu hạn chung: báo cáo tháng nộp chậm nhất ngày 25 hằng tháng (cùng tháng). Trước đó: ngày 5 tháng sau. Đơn vị có hạn riêng vẫn theo hạn riêng; xem /caidat.",
    ]);
    try {
      h.clock.set("2026-11-10T09:00:00+07:00");
      // Offered first: the running month, whose report is due within it.
      expect(buttonsOf((await b.say("/baocao")).last)).toEqual(["Tháng 11/2026", "Tháng 10/2026"]);
      await b.say("/huy");
      const onTime = await fileNovember(b);
      expect(onTime).toContain("✅ Đã nhận báo cáo tháng 11/2026");
      expect(onTime).not.toContain("muộn");
      // December is not open before 1 December, and says when it opens.
      expect((await a1.say("/baocao 12/2026")).texts[0]).toBe(
        "Báo cáo tháng 12/2026 mở từ ngày 01/12/2026 (ngày đầu tháng: hạn nộp là trong chính tháng đó), trước đó chưa nhận. Tháng gần nhất báo cáo được là tháng 11/2026.",
      );
      await a1.say("/huy");
      // /tiendo: the running month is due within it, by its own deadline.
      expect((await a1.say("/tiendo")).texts.join("\n")).toContain("⏳ Chưa gửi, hạn 25/11/2026: tháng 11/2026");
      h.clock.set("2026-11-26T09:00:00+07:00");
      const late = await fileNovember(a1);
      expect(late).toContain("✅ Đã nhận báo cáo tháng 11/2026");
      expect(late).toContain("Báo cáo được ghi nhận là nộp muộn (hạn nộp: 25/11/2026).");
      const stored = await h.app.db.report.findMany({ where: { year: 2026, month: 11 }, select: { unit: { select: { code: true } }, late: true }, orderBy: { id: "asc" } });
      expect(stored.map((r) => [r.unit.code, r.late])).toEqual([["CB-B", false], ["CB-A1", true]]);
      expect((await a1.say("/tiendo")).texts.join("\n")).toContain("✅ Đã gửi: tháng 11/2026 (muộn: tháng 11/2026)");
    } finally {
      await h.app.db.report.deleteMany({});
      await admin.say("/caidat han 5");
      h.clock.set(START);
    }
    expect(await treeSchedule()).toMatchObject({ dueDay: 5, dueSameMonth: false });
  });
});

describe("a subtree's own deadline", () => {
  test("the branch under it is reminded on its own days, the others on theirs, each once; each group's late list by its unit's deadline", async () => {
    const admin = h.admin();
    const gA = h.group(-3001, "Đảng bộ A");
    const gRoot = h.group(-3002, "Ban Tổ chức");
    await gA.say(admin, "/dangkynhom DB-A");
    await gRoot.say(admin, "/dangkynhom DU-SGD");
    expect((await admin.say("/caidat DB-A han 25 cungthang")).texts).toEqual([
      "✅ Đã lưu: báo cáo tháng của Đảng bộ A (DB-A) và các đơn vị trực thuộc nộp chậm nhất ngày 25 hằng tháng (cùng tháng). Trước đó: ngày 5 tháng sau.",
    ]);
    const novemberReminders = (s: TestUser) => h.fake.messagesTo(s.id).filter((m) => m.text.startsWith("🔔 Nhắc hạn: báo cáo phát triển đảng viên tháng 11/2026"));
    const novemberLateLists = (g: typeof gA) => g.messages().filter((m) => m.text.includes("đã quá hạn báo cáo tháng 11/2026"));
    try {
      await h.at("2026-11-20T09:00:00+07:00");
      // Day by day at 08:00: [day, reminders so far to CB-A1, to CB-B, late lists so far to DB-A's group, to DU-SGD's].
      const days: [string, number, number, number, number][] = [
        ["2026-11-21", 0, 0, 0, 0],
        ["2026-11-22", 1, 0, 0, 0],
        ["2026-11-23", 1, 0, 0, 0],
        ["2026-11-24", 2, 0, 0, 0],
        ["2026-11-25", 3, 0, 0, 0],
        ["2026-11-26", 3, 0, 1, 0],
        ["2026-12-01", 3, 0, 1, 0],
        ["2026-12-02", 3, 1, 1, 0],
        ["2026-12-04", 3, 2, 1, 0],
        ["2026-12-05", 3, 3, 1, 0],
        ["2026-12-06", 3, 3, 1, 1],
        ["2026-12-07", 3, 3, 1, 1],
      ];
      for (const [day, toA1, toB, lateA, lateRoot] of days) {
        await h.at(`${day}T08:00:00+07:00`);
        // Another tick the same minute, as a second instance or a restart would: nothing more.
        await h.app.scheduler.tick();
        expect([day, novemberReminders(a1).length, novemberReminders(b).length, novemberLateLists(gA).length, novemberLateLists(gRoot).length]).toEqual([day, toA1, toB, lateA, lateRoot]);
      }
      expect(novemberReminders(a1).map((m) => m.text.match(/hạn nộp (\S+)/)?.[1])).toEqual(["25/11/2026", "25/11/2026", "25/11/2026"]);
      expect(novemberReminders(b).map((m) => m.text.match(/hạn nộp (\S+)/)?.[1])).toEqual(["05/12/2026", "05/12/2026", "05/12/2026"]);
      expect(novemberLateLists(gA)[0]!.text).toContain("(hạn 25/11/2026)");
      expect(novemberLateLists(gRoot)[0]!.text).toContain("(hạn 05/12/2026)");
    } finally {
      await admin.say("/caidat DB-A han xoa");
      await gA.say(admin, "/huynhom");
      await gRoot.say(admin, "/huynhom");
      h.clock.set(START);
    }
  }, 120_000);

  test("a group's late list waits for the latest deadline under its unit: a branch whose own deadline is later is not named late before it", async () => {
    const admin = h.admin();
    const gA = h.group(-3003, "Đảng bộ A");
    await gA.say(admin, "/dangkynhom DB-A");
    await admin.say("/caidat DB-A han 25 cungthang");
    // CB-A1, under DB-A, answers to a later deadline of its own: 10/01 for December.
    await admin.say("/caidat CB-A1 han 10");
    const decemberLateLists = () => gA.messages().filter((m) => m.text.includes("đã quá hạn báo cáo tháng 12/2026"));
    try {
      await h.at("2026-12-26T08:00:00+07:00");
      await h.app.scheduler.tick();
      // DB-A's own deadline (25/12) has passed, CB-A1's has not: no list yet.
      expect(decemberLateLists()).toHaveLength(0);
      await h.at("2027-01-11T08:00:00+07:00");
      await h.app.scheduler.tick();
      expect(decemberLateLists()).toHaveLength(1);
      expect(decemberLateLists()[0]!.text).toContain("Chi bộ A1");
      expect(decemberLateLists()[0]!.text).toContain("(hạn 10/01/2027)");
    } finally {
      await admin.say("/caidat CB-A1 han xoa");
      await admin.say("/caidat DB-A han xoa");
      await gA.say(admin, "/huynhom");
      h.clock.set(START);
    }
  }, 120_000);

  test("xoa: the parent's deadline applies again, the nearest one up the tree", async () => {
    const admin = h.admin();
    await admin.say("/caidat DU-SGD han 10");
    await admin.say("/caidat DB-A han 25 cungthang");
    try {
      expect((await admin.say("/caidat CB-A1 han")).texts).toEqual([
        "Hạn nộp báo cáo tháng của Chi bộ A1 (CB-A1): ngày 25 hằng tháng (cùng tháng), theo hạn của Đảng bộ A. Đặt hạn riêng: /caidat CB-A1 han <ngày> [cungthang].",
      ]);
      expect((await admin.say("/caidat DB-A han xoa")).texts).toEqual(["✅ Đã bỏ hạn riêng của Đảng bộ A (DB-A). Từ nay theo hạn của Đảng ủy Sở Giáo dục và Đào tạo: ngày 10 tháng sau."]);
      expect((await admin.say("/caidat CB-A1 han")).last.text).toContain("ngày 10 tháng sau, theo hạn của Đảng ủy Sở Giáo dục và Đào tạo");
      expect((await admin.say("/caidat DB-A han xoa")).texts).toEqual(["Đảng bộ A (DB-A) không có hạn riêng; đang theo hạn của Đảng ủy Sở Giáo dục và Đào tạo: ngày 10 tháng sau."]);
      await admin.say("/caidat DU-SGD han xoa");
      expect((await admin.say("/caidat CB-A1 han")).last.text).toContain("ngày 5 tháng sau, theo hạn chung");
      // The following-month deadline is back for CB-A1: on 6/11 November is not open, October is offered first.
      h.clock.set("2026-11-06T09:00:00+07:00");
      expect(buttonsOf((await a1.say("/baocao")).last)).toEqual(["Tháng 10/2026", "Tháng 09/2026"]);
      await a1.say("/huy");
    } finally {
      await admin.say("/caidat DB-A han xoa");
      await admin.say("/caidat DU-SGD han xoa");
      h.clock.set(START);
    }
    expect(await deadlineRows()).toEqual([]);
  });

  test("/caidat shows the tree's deadline and every subtree's own; /nhatky lists every change with who, which unit, old and new", async () => {
    const admin = h.admin();
    expect((await member.say("/caidat DB-A han 20 cungthang")).last.text).toContain("✅ Đã lưu");
    await admin.say("/caidat CB-B han 12");
    try {
      const shown = (await admin.say("/caidat")).texts.join("\n");
      expect(shown).toContain("· Hạn nộp báo cáo tháng: ngày 5 tháng sau");
      expect(shown).toContain(
        "Hạn riêng (áp dụng cho đơn vị và các đơn vị trực thuộc; đổi bằng /caidat <mã> han …):\n· Chi bộ B (CB-B): ngày 12 tháng sau\n· Đảng bộ A (DB-A): ngày 20 hằng tháng (cùng tháng)",
      );
      const log = (await admin.say("/nhatky")).texts.join("\n");
      expect(log).toContain("Hương Trần · hạn nộp báo cáo tháng của DB-A (Đảng bộ A): theo cấp trên → ngày 20 hằng tháng (cùng tháng)");
      expect(log).toContain("hạn nộp báo cáo tháng của CB-B (Chi bộ B): theo cấp trên → ngày 12 tháng sau");
      // From the tests before: the tree's changes and a removal.
      expect(log).toContain("đổi lịch (hạn chung: ngày 5 tháng sau → ngày 25 hằng tháng (cùng tháng); xem /caidat)");
      expect(log).toContain("hạn nộp báo cáo tháng của DB-A (Đảng bộ A): ngày 25 hằng tháng (cùng tháng) → theo cấp trên");
    } finally {
      await admin.say("/caidat DB-A han xoa");
      await admin.say("/caidat CB-B han xoa");
    }
    expect((await admin.say("/caidat")).last.text).toContain("Chưa đơn vị nào có hạn riêng");
  });
});

describe("who may set one, and bad input", () => {
  test("a committee member sets one for their unit and the units under it, and is refused elsewhere and for the whole tree", async () => {
    try {
      expect((await member.say("/caidat DU-SGD han 10")).texts).toEqual([
        "Đồng chí không phải cấp ủy viên của Đảng ủy Sở Giáo dục và Đào tạo hay của cấp trên nên không đặt được hạn nộp cho đơn vị này.",
      ]);
      expect((await member.say("/caidat CB-B han 10")).last.text).toContain("không đặt được hạn nộp");
      expect((await member.say("/caidat DU-KHAC han 10")).last.text).toContain("không đặt được hạn nộp");
      expect((await member.say("/caidat han 10")).last.text).toContain("Hạn chung của cả hệ thống do quản trị viên đặt.");
      // /caidat alone tells a committee member both of its uses, and their units.
      const usage = (await member.say("/caidat")).last.text;
      expect(usage).toContain("/caidat <mã đơn vị> han <ngày> [cungthang]");
      expect(usage).toContain("DB-A");
      expect(await deadlineRows()).toEqual([]);
      expect((await member.say("/caidat cb-a1 han 15 cùng tháng")).last.text).toContain("✅ Đã lưu: báo cáo tháng của Chi bộ A1 (CB-A1)");
      // A secretary has no /caidat at all.
      expect((await b.say("/caidat CB-B han 10")).texts).toEqual(["Lệnh này chỉ dành cho quản trị viên."]);
      expect((await deadlineRows()).map((r) => [r.key.startsWith("deadline."), JSON.parse(r.value)])).toEqual([[true, { day: 15, sameMonth: true }]]);
    } finally {
      await h.admin().say("/caidat CB-A1 han xoa");
    }
  });

  test.each([
    ["/caidat han 0", '"0" không phải ngày hạn: ngày phải là số nguyên từ 1 đến 28.\nCách dùng: /caidat han <ngày> [cungthang]'],
    ["/caidat han 31 cungthang", '"31" không phải ngày hạn'],
    ["/caidat DB-A han mười", '"muoi" không phải ngày hạn'],
    ["/caidat DB-A han 25/12", '"25/12" không phải ngày hạn'],
    ["/caidat DB-A han 25 hằng năm", '"hang nam" không phải lựa chọn. Sau ngày, gõ "cungthang"'],
    ["/caidat han xoa", "Hạn chung không bỏ được."],
    ["/caidat KHONG han 10", "Không có đơn vị mã KHONG. Gõ /donvi để xem các mã."],
  ])("%s is answered in Vietnamese and changes nothing", async (command, answer) => {
    const before = { rows: await deadlineRows(), tree: await treeSchedule(), audit: await h.app.db.auditEntry.count() };
    expect((await h.admin().say(command)).last.text).toContain(answer);
    expect({ rows: await deadlineRows(), tree: await treeSchedule(), audit: await h.app.db.auditEntry.count() }).toEqual(before);
  });
});
