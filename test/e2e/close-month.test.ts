// An administrator closes a month with /khoaso once its deadline has passed and its reports are
// approved; after that a secretary's change needs a typed reason and goes back to review, while a
// branch's first report of the month is a late report, not a correction.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ADMIN_ID, Harness, type TestUser } from "../support/harness.js";
import { Reviewer } from "../support/review-setup.js";
import { branchWithSecretary, buildTree, fillReport, TYPICAL_ANSWERS } from "../support/scenario.js";

let h: Harness;
let admin: TestUser;
let reviewer: Reviewer;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  admin = await buildTree(h, []);
  reviewer = await Reviewer.invite(h, "DU-SGD");
});
afterAll(async () => h?.stop());

const ROOT = "Đảng ủy Sở Giáo dục và Đào tạo";
const SEND = "✅ Gửi báo cáo";
/** October's deadline is 05/11/2026: /khoaso 10/2026 is taken from 06/11/2026 on. */
const AFTER_DEADLINE = "2026-11-06T09:00:00+07:00";
const REASON_QUESTION = "Tháng 10/2026 đã khóa sổ. Đồng chí gõ lý do đính chính báo cáo (ít nhất 3 ký tự), hoặc /huy để thôi, không lưu gì.";
const CLOSED_NOTICE =
  "🔒 Tháng 10/2026 đã khóa sổ. Đồng chí vẫn sửa được báo cáo, nhưng khi gửi phải ghi lý do; bản sửa được ghi là đính chính sau khóa sổ và cấp ủy sẽ duyệt lại.";
const CLOSED_FIRST_NOTICE =
  "🔒 Tháng 10/2026 đã khóa sổ nhưng chi bộ chưa có báo cáo tháng này. Đồng chí vẫn gửi được, không cần ghi lý do; báo cáo được ghi nhận như báo cáo nộp sau hạn và chuyển cấp ủy duyệt.";

let nextSecretary = 7000;
/** A committee under the root with one secretary per branch (branch codes `${code}-1`, `${code}-2`, ...). */
async function committeeWithBranches(code: string, count: number): Promise<TestUser[]> {
  const r = await admin.say(`/themdonvi ${code} DU-SGD Đảng bộ ${code}`);
  expect(r.last.text).toContain("Đã thêm");
  const secretaries: TestUser[] = [];
  for (let i = 1; i <= count; i++) {
    expect((await admin.say(`/themchibo ${code}-${i} ${code} Chi bộ ${code}-${i}`)).last.text).toContain("Đã thêm");
    secretaries.push(await branchWithSecretary(h, nextSecretary++, `Bí thư ${i}`, `${code}-${i}`));
  }
  return secretaries;
}

async function file(s: TestUser, monthLabel = "Tháng 10/2026") {
  await fillReport(s, monthLabel, TYPICAL_ANSWERS);
  const r = await s.press(SEND);
  expect(r.last.text).toContain("✅ Đã nhận báo cáo");
}

async function unitId(code: string) {
  return (await h.app.db.unit.findUniqueOrThrow({ where: { code } })).id;
}

const OCT = { year: 2026, month: 10 };

async function locksOf(code: string) {
  return h.app.db.periodLock.findMany({ where: { unitId: await unitId(code) } });
}

async function reportsOf(branch: string, month = 10) {
  return h.app.db.report.findMany({ where: { unitId: await unitId(branch), year: 2026, month }, orderBy: { version: "asc" } });
}

describe("bad input to /khoaso", () => {
  test("no month: how to use it", async () => {
    const r = await admin.say("/khoaso");
    expect(r.texts).toEqual([
      "Cách dùng: /khoaso <tháng/năm> [mã đơn vị], ví dụ /khoaso 10/2026 DU-SGD.\nKhông ghi mã đơn vị thì khóa sổ cả cây tổ chức. Chỉ khóa được khi đã qua hạn nộp báo cáo của tháng và mọi báo cáo tháng đó đã được duyệt.",
    ]);
  });

  test.each([["13/2026"], ["mười"], ["10/2026 DU-SGD thừa"]])("a month that cannot be read: %s", async (args) => {
    const r = await admin.say(`/khoaso ${args}`);
    expect(r.texts).toEqual(["Chưa đọc được tháng. Gõ theo dạng tháng/năm, ví dụ /khoaso 10/2026 hoặc /khoaso 10/2026 DU-SGD."]);
    expect(await h.app.db.periodLock.count()).toBe(0);
  });

  test("a month to come is not closed; the running one is refused with the day it can be", async () => {
    for (const month of ["12/2026 DU-SGD", "1/2027"]) {
      const r = await admin.say(`/khoaso ${month}`);
      expect(r.texts).toEqual(["Chỉ khóa sổ được tháng đã kết thúc. Tháng này và các tháng sau chưa khóa được."]);
    }
    expect((await admin.say("/khoaso 11/2026")).texts).toEqual([
      "⏳ Chưa khóa sổ được tháng 11/2026: hạn nộp báo cáo tháng này là 05/12/2026, các chi bộ còn gửi đúng hạn được. Đồng chí khóa sổ từ ngày 06/12/2026.",
    ]);
    expect(await h.app.db.periodLock.count()).toBe(0);
  });

  test("an unknown unit code", async () => {
    const r = await admin.say("/khoaso 10/2026 KHONG-CO");
    expect(r.texts).toEqual(["Không có đơn vị mã KHONG-CO. Gõ /donvi để xem các mã."]);
    expect(await h.app.db.periodLock.count()).toBe(0);
  });

  test("someone who is not an administrator gets the usual refusal", async () => {
    const [s] = await committeeWithBranches("DB-N", 1);
    await file(s!);
    await reviewer.approve("DB-N-1", OCT);
    const r = await s!.say("/khoaso 10/2026 DB-N");
    expect(r.texts).toEqual(["Lệnh này chỉ dành cho quản trị viên."]);
    expect(await locksOf("DB-N")).toEqual([]);
  });
});

describe("before the month's deadline", () => {
  const TOO_EARLY =
    "⏳ Chưa khóa sổ được tháng 10/2026: hạn nộp báo cáo tháng này là 05/11/2026, các chi bộ còn gửi đúng hạn được. Đồng chí khóa sổ từ ngày 06/11/2026.";

  test("refused with the day it can be closed, even with every report approved, until the deadline has passed", async () => {
    const [s] = await committeeWithBranches("DB-E", 1);
    await file(s!);
    await reviewer.approve("DB-E-1", OCT);
    // 03/11: two days before the deadline; the whole tree or one committee, once for all.
    expect((await admin.say("/khoaso 10/2026 DB-E")).texts).toEqual([TOO_EARLY]);
    expect((await admin.say("/khoaso 10/2026")).texts).toEqual([TOO_EARLY]);
    h.clock.set("2026-11-05T23:59:59+07:00");
    expect((await admin.say("/khoaso 10/2026 DB-E")).texts).toEqual([TOO_EARLY]);
    expect(await h.app.db.periodLock.count()).toBe(0);
    expect((await admin.say("/nhatky")).texts.join("\n")).not.toContain("khóa sổ tháng 10/2026");

    h.clock.set("2026-11-06T00:00:00+07:00");
    expect((await admin.say("/khoaso 10/2026 DB-E")).texts[0]).toContain("🔒 Đã khóa sổ tháng 10/2026 của Đảng bộ DB-E: 1/1");
    expect(await locksOf("DB-E")).toHaveLength(1);
  });

  test("a deadline moved with /hanbaocao moves the day closing opens", async () => {
    h.clock.set("2026-11-06T09:00:00+07:00");
    expect((await admin.say("/hanbaocao 10")).last.text).toContain("10");
    try {
      expect((await admin.say("/khoaso 10/2026 DU-SGD")).texts).toEqual([
        "⏳ Chưa khóa sổ được tháng 10/2026: hạn nộp báo cáo tháng này là 10/11/2026, các chi bộ còn gửi đúng hạn được. Đồng chí khóa sổ từ ngày 11/11/2026.",
      ]);
    } finally {
      await admin.say("/hanbaocao 5");
    }
    expect(await locksOf("DU-SGD")).toEqual([]);
  });
});

describe("refused while reports are not approved", () => {
  beforeAll(() => h.clock.set(AFTER_DEADLINE));
  test("a pending and a returned report are listed by branch, with their state, and nothing is closed", async () => {
    const [pending, returned, approved] = await committeeWithBranches("DB-R", 4);
    await file(pending!);
    await file(returned!);
    await file(approved!);
    await reviewer.return("DB-R-2", OCT);
    await reviewer.approve("DB-R-3", OCT);

    const r = await admin.say("/khoaso 10/2026 DB-R");
    expect(r.texts).toHaveLength(1);
    expect(r.last.text).toBe(
      [
        "⛔ Chưa khóa sổ tháng 10/2026 của Đảng bộ DB-R: còn 2 báo cáo chưa được duyệt:",
        "  • DB-R-1: Chi bộ DB-R-1: chờ duyệt",
        "  • DB-R-2: Chi bộ DB-R-2: trả lại",
        "Chi bộ chưa có báo cáo tháng này (1; không cản việc khóa sổ):",
        "  • DB-R-4: Chi bộ DB-R-4",
        "Khi cấp ủy đã duyệt hết các báo cáo trên, đồng chí gõ lại /khoaso 10/2026 DB-R.",
      ].join("\n"),
    );
    expect(await locksOf("DB-R")).toEqual([]);

    // Approving the pending one, and the returned one once sent again, leaves nothing in the way.
    await reviewer.approve("DB-R-1", OCT);
    await fillReport(returned!, "Tháng 10/2026", []);
    await returned!.press(SEND);
    await reviewer.approve("DB-R-2", OCT);
    expect((await admin.say("/khoaso 10/2026 DB-R")).last.text).toContain("🔒 Đã khóa sổ tháng 10/2026 của Đảng bộ DB-R: 3/4");
    expect(await locksOf("DB-R")).toHaveLength(1);
  });

  test("an approved report amended since counts by its new, unapproved version", async () => {
    const [s] = await committeeWithBranches("DB-V", 1);
    await file(s!);
    await reviewer.approve("DB-V-1", OCT);
    await fillReport(s!, "Tháng 10/2026", []);
    await s!.press(SEND);
    expect((await reportsOf("DB-V-1")).map((v) => [v.version, v.reviewState])).toEqual([
      [1, "APPROVED"],
      [2, "PENDING"],
    ]);
    const r = await admin.say("/khoaso 10/2026 DB-V");
    expect(r.last.text).toContain("còn 1 báo cáo chưa được duyệt:\n  • DB-V-1: Chi bộ DB-V-1: chờ duyệt");
    expect(await locksOf("DB-V")).toEqual([]);
  });

  test("a long list is sent as several messages, each within Telegram's 4,096 characters", async () => {
    expect((await admin.say("/themdonvi DB-BIG DU-SGD Đảng bộ khối lớn")).last.text).toContain("Đã thêm");
    // Set-up in bulk: 120 branches with long names, each with a pending report.
    const parent = await unitId("DB-BIG");
    const filer = await h.app.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(nextSecretary - 1) } });
    const template = (await h.app.db.report.findFirstOrThrow({ where: { year: 2026, month: 10 } }));
    const codes = Array.from({ length: 120 }, (_, i) => `BIG-${String(i + 1).padStart(3, "0")}`);
    for (const code of codes) {
      const unit = await h.app.db.unit.create({
        data: { code, name: `Chi bộ ${code} ${"Trường Trung học phổ thông chuyên ".repeat(5)}`, kind: "BRANCH", parentId: parent, createdBy: BigInt(ADMIN_ID) },
      });
      const { id: _id, unitId: _u, submittedById: _s, ...figures } = template;
      await h.app.db.report.create({ data: { ...figures, version: 1, supersededAt: null, reviewState: "PENDING", unitId: unit.id, submittedById: filer.id } });
    }
    const r = await admin.say("/khoaso 10/2026 DB-BIG");
    expect(r.texts.length).toBeGreaterThan(1);
    for (const text of r.texts) expect(text.length).toBeLessThanOrEqual(4096);
    const all = r.texts.join("\n");
    expect(all).toContain("còn 120 báo cáo chưa được duyệt");
    for (const code of codes) expect(all).toContain(`• ${code}: Chi bộ ${code}`);
    expect(await locksOf("DB-BIG")).toEqual([]);
  });
});

describe("a closed month", () => {
  let approved: TestUser;
  let missing: TestUser;
  let sibling: TestUser;

  beforeAll(async () => {
    h.clock.set(AFTER_DEADLINE);
    [approved, missing] = (await committeeWithBranches("DB-S", 2)) as [TestUser, TestUser];
    [sibling] = (await committeeWithBranches("DB-T", 1)) as [TestUser];
    await file(approved);
    await file(sibling);
    await reviewer.approve("DB-S-1", OCT);
  });

  test("closes once every report is approved, and names the branches with no report", async () => {
    const r = await admin.say("/khoaso tháng 10/2026 DB-S");
    expect(r.texts).toEqual([
      [
        "🔒 Đã khóa sổ tháng 10/2026 của Đảng bộ DB-S: 1/2 chi bộ có báo cáo đã duyệt. Từ nay sửa báo cáo tháng này phải ghi lý do, được ghi là đính chính sau khóa sổ và phải duyệt lại.",
        "Chi bộ chưa có báo cáo tháng này (1; không cản việc khóa sổ):",
        "  • DB-S-2: Chi bộ DB-S-2",
      ].join("\n"),
    ]);
    const locks = await locksOf("DB-S");
    expect(locks.map((l) => [l.year, l.month, Number(l.closedBy)])).toEqual([[2026, 10, ADMIN_ID]]);
    expect((await admin.say("/nhatky")).last.text).toContain("khóa sổ tháng 10/2026 của DB-S: Đảng bộ DB-S");
  });

  test("closing twice, or a branch under it, says it is already closed and adds no lock", async () => {
    for (const args of ["10/2026 DB-S", "DB-S-1 10/2026"]) {
      const r = await admin.say(`/khoaso ${args}`);
      expect(r.texts).toEqual(["Tháng 10/2026 đã khóa sổ cho Đảng bộ DB-S lúc 09:00 06/11/2026. Không cần khóa lại."]);
    }
    expect(await locksOf("DB-S")).toHaveLength(1);
    expect(await locksOf("DB-S-1")).toEqual([]);
  });

  test("an amendment is told up front, asks a reason until a good one, and is stored as a late correction for review", async () => {
    await approved.say("/baocao");
    let r = await approved.press("Tháng 10/2026");
    expect(r.texts[0]).toBe(CLOSED_NOTICE);
    expect(r.texts[1]).toContain("Tháng 10/2026 đã có báo cáo (bản 1");
    await approved.press("✏️ Sửa một mục");
    await approved.press("5. Chuyển đảng chính thức");
    await approved.say("2");
    r = await approved.press(SEND);
    expect(r.last.text).toBe(REASON_QUESTION);

    const refusals: [string, string][] = [
      ["   ", "Lý do không được để trống. Đồng chí hãy gõ lý do bằng chữ."],
      ["x", "Lý do quá ngắn (ít nhất 3 ký tự). Đồng chí hãy gõ rõ hơn."],
      ["a".repeat(501), "Lý do dài quá 500 ký tự. Đồng chí hãy gõ ngắn gọn hơn."],
    ];
    for (const [reason, error] of refusals) {
      r = await approved.say(reason);
      expect(r.texts).toEqual([error, REASON_QUESTION]);
      expect(await reportsOf("DB-S-1")).toHaveLength(1);
    }

    r = await approved.say("Ghi nhầm số chuyển chính thức");
    expect(r.last.text).toContain("(bản số 2)");
    expect(r.last.text).toContain("🔒 Bản này được ghi là đính chính sau khóa sổ (lý do: Ghi nhầm số chuyển chính thức) và đã chuyển cấp ủy duyệt lại.");
    const versions = await reportsOf("DB-S-1");
    expect(versions.map((v) => ({ version: v.version, madeFull: v.madeFull, current: v.supersededAt === null, state: v.reviewState, lateCorrection: v.lateCorrection, reason: v.correctionReason }))).toEqual([
      { version: 1, madeFull: 1, current: false, state: "APPROVED", lateCorrection: false, reason: null },
      { version: 2, madeFull: 2, current: true, state: "PENDING", lateCorrection: true, reason: "Ghi nhầm số chuyển chính thức" },
    ]);
  });

  test("/huy at the reason question leaves the form and stores nothing", async () => {
    await approved.say("/baocao");
    await approved.press("Tháng 10/2026");
    let r = await approved.press(SEND);
    expect(r.last.text).toBe(REASON_QUESTION);
    r = await approved.say("/huy");
    expect(r.texts).toEqual(["Đã hủy. Những gì đang nhập dở không được lưu."]);
    expect(await reportsOf("DB-S-1")).toHaveLength(2);
  });

  test("a branch's first report of the closed month asks no reason: it is a late report, not a correction", async () => {
    const cardsBefore = h.fake.messagesTo(reviewer.person.id).length;
    await fillReport(missing, "Tháng 09/2026", TYPICAL_ANSWERS);
    await missing.press("✏️ Sửa một mục");
    await missing.press("Tháng báo cáo");
    // Changing the month to a closed one says so at once, and what it means for a first report.
    let r = await missing.say("10/2026");
    expect(r.texts[0]).toBe(CLOSED_FIRST_NOTICE);
    r = await missing.press(SEND);
    expect(r.texts).toHaveLength(1);
    expect(r.last.text).toContain("✅ Đã nhận báo cáo tháng 10/2026 của Chi bộ DB-S-2");
    expect(r.last.text).toContain("(bản số 1)");
    expect(r.last.text).toContain("Báo cáo được ghi nhận là nộp muộn (hạn nộp: 05/11/2026).");
    expect(r.last.text).not.toContain("đính chính");
    expect((await reportsOf("DB-S-2")).map((v) => ({ version: v.version, late: v.late, state: v.reviewState, lateCorrection: v.lateCorrection, reason: v.correctionReason }))).toEqual([
      { version: 1, late: true, state: "PENDING", lateCorrection: false, reason: null },
    ]);
    expect(await reportsOf("DB-S-2", 9)).toEqual([]);
    // The committee's card is an ordinary one, not a correction after closing.
    await h.app.scheduler.kick();
    const card = h.fake.messagesTo(reviewer.person.id).slice(cardsBefore).find((m) => m.text.includes("Chi bộ DB-S-2"));
    expect(card?.text).toContain("🔎");
    expect(card?.text).not.toContain("khóa sổ");
  });

  test("a month that is not closed asks no reason", async () => {
    await fillReport(approved, "Tháng 09/2026", TYPICAL_ANSWERS);
    const r = await approved.press(SEND);
    expect(r.texts).toHaveLength(1);
    expect(r.last.text).toContain("✅ Đã nhận báo cáo tháng 09/2026");
    expect(r.last.text).not.toContain("đính chính");
    expect((await reportsOf("DB-S-1", 9)).map((v) => [v.lateCorrection, v.correctionReason])).toEqual([[false, null]]);
  });

  test("closing one committee does not lock a sibling committee's branches", async () => {
    await sibling.say("/baocao");
    let r = await sibling.press("Tháng 10/2026");
    expect(r.texts).not.toContain(CLOSED_NOTICE);
    expect(r.texts[0]).toContain("Tháng 10/2026 đã có báo cáo (bản 1");
    r = await sibling.press(SEND);
    expect(r.texts).toHaveLength(1);
    expect(r.last.text).toContain("(bản số 2)");
    expect((await reportsOf("DB-T-1")).map((v) => v.lateCorrection)).toEqual([false, false]);
  });
});

test("without a unit code, the whole tree is closed from its root", async () => {
  h.clock.set(AFTER_DEADLINE);
  const [s] = await committeeWithBranches("DB-W", 1);
  await file(s!, "Tháng 09/2026");
  // No branch has a report for August: nothing holds it back, and every branch is listed as without one.
  let r = await admin.say("/khoaso 8/2026");
  expect(r.texts[0]).toMatch(/^🔒 Đã khóa sổ tháng 08\/2026 của Đảng ủy Sở Giáo dục và Đào tạo: 0\/\d+ chi bộ có báo cáo đã duyệt/);
  expect(r.texts.join("\n")).toContain("  • DB-W-1: Chi bộ DB-W-1");
  expect(await locksOf("DU-SGD")).toHaveLength(1);

  // September: the branch's pending report holds the whole tree back.
  r = await admin.say("/khoaso 9/2026");
  expect(r.texts[0]).toContain(`⛔ Chưa khóa sổ tháng 09/2026 của ${ROOT}`);
  expect(r.texts.join("\n")).toContain("  • DB-W-1: Chi bộ DB-W-1: chờ duyệt");
  expect((await locksOf("DU-SGD")).map((l) => l.month)).toEqual([8]);
});

describe("/mokhoa reopens a closed month", () => {
  let secretary: TestUser;
  beforeAll(async () => {
    h.clock.set(AFTER_DEADLINE);
    [secretary] = (await committeeWithBranches("DB-M", 1)) as [TestUser];
    await file(secretary);
    await reviewer.approve("DB-M-1", OCT);
  });

  test("reopening a committee also reopens a branch below it closed on its own; a change then needs no reason; /nhatky has it", async () => {
    expect((await admin.say("/khoaso 10/2026 DB-M-1")).texts[0]).toContain("🔒 Đã khóa sổ tháng 10/2026 của Chi bộ DB-M-1");
    expect((await admin.say("/khoaso 10/2026 DB-M")).texts[0]).toContain("🔒 Đã khóa sổ tháng 10/2026 của Đảng bộ DB-M");

    const r = await admin.say("/mokhoa 10/2026 DB-M");
    expect(r.texts).toEqual([
      [
        "🔓 Đã mở lại sổ tháng 10/2026 của Đảng bộ DB-M. Từ nay sửa báo cáo tháng này không cần ghi lý do; các bản đã ghi là đính chính sau khóa sổ vẫn giữ nhãn đó.",
        "Cũng mở sổ 1 đơn vị cấp dưới đã khóa riêng:",
        "  • DB-M-1: Chi bộ DB-M-1",
      ].join("\n"),
    ]);
    expect(await locksOf("DB-M")).toEqual([]);
    expect(await locksOf("DB-M-1")).toEqual([]);
    expect((await admin.say("/nhatky")).last.text).toContain("mở lại sổ tháng 10/2026 của DB-M: Đảng bộ DB-M");

    await secretary.say("/baocao");
    let s = await secretary.press("Tháng 10/2026");
    expect(s.texts).not.toContain(CLOSED_NOTICE);
    await secretary.press("✏️ Sửa một mục");
    await secretary.press("5. Chuyển đảng chính thức");
    await secretary.say("2");
    s = await secretary.press(SEND);
    expect(s.texts).toHaveLength(1);
    expect(s.last.text).toContain("(bản số 2)");
    expect((await reportsOf("DB-M-1")).map((v) => [v.version, v.lateCorrection, v.correctionReason])).toEqual([
      [1, false, null],
      [2, false, null],
    ]);
  });

  test("a month that is not closed is said to be open, and nothing changes", async () => {
    const r = await admin.say("/mokhoa 10/2026 DB-M");
    expect(r.texts).toEqual(["Tháng 10/2026 của Đảng bộ DB-M chưa khóa sổ, không cần mở."]);
  });

  test("a month closed higher up is not reopened for one unit below; the command for the unit that closed it is given", async () => {
    expect((await admin.say("/khoaso 7/2026")).texts[0]).toContain(`🔒 Đã khóa sổ tháng 07/2026 của ${ROOT}`);
    let r = await admin.say("/mokhoa 7/2026 DB-M");
    expect(r.texts).toEqual([
      `Tháng 07/2026 được khóa sổ ở cấp ${ROOT} lúc 09:00 06/11/2026, nên không mở riêng cho Đảng bộ DB-M được. Muốn mở, gõ /mokhoa 07/2026 DU-SGD (mở cho mọi đơn vị thuộc ${ROOT}).`,
    ]);
    expect((await locksOf("DU-SGD")).map((l) => l.month)).toContain(7);
    r = await admin.say("/mokhoa 7/2026");
    expect(r.texts[0]).toContain(`🔓 Đã mở lại sổ tháng 07/2026 của ${ROOT}.`);
    expect((await locksOf("DU-SGD")).map((l) => l.month)).not.toContain(7);
  });

  test("bad input: no month, an unreadable month, a month not over, an unknown unit, someone not an administrator", async () => {
    const cases: [TestUser, string, string][] = [
      [
        admin,
        "/mokhoa",
        "Cách dùng: /mokhoa <tháng/năm> [mã đơn vị], ví dụ /mokhoa 10/2026 DU-SGD.\nKhông ghi mã đơn vị thì mở sổ cả cây tổ chức. Mở sổ một đơn vị thì các đơn vị cấp dưới đã khóa riêng cũng được mở.",
      ],
      [admin, "/mokhoa mười", "Chưa đọc được tháng. Gõ theo dạng tháng/năm, ví dụ /mokhoa 10/2026 hoặc /mokhoa 10/2026 DU-SGD."],
      [admin, "/mokhoa 11/2026", "Tháng này chưa kết thúc nên chưa thể khóa sổ, không có gì để mở."],
      [admin, "/mokhoa 10/2026 KHONG-CO", "Không có đơn vị mã KHONG-CO. Gõ /donvi để xem các mã."],
      [secretary, "/mokhoa 10/2026 DB-M", "Lệnh này chỉ dành cho quản trị viên."],
    ];
    await reviewer.approve("DB-M-1", OCT);
    expect((await admin.say("/khoaso 10/2026 DB-M")).texts[0]).toContain("🔒");
    for (const [who, text, answer] of cases) expect((await who.say(text)).texts).toEqual([answer]);
    expect(await locksOf("DB-M")).toHaveLength(1);
  });
});
