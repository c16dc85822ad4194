// Every decision is checked against the person's rights when it takes effect (in
// the transaction that records it), not only when its button was pressed or its
// form was opened: a role lost meanwhile gets a clear message and nothing recorded.
//
// These tests delete the membership row in the middle of an update, as /thanhvien's removal
// (src/usecases/members.ts) does, at a moment no press could choose (people-change.test.ts drives the command).
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import type { BotMessage } from "../support/fake-telegram.js";
import { Harness, type TestUser } from "../support/harness.js";
import { Reviewer } from "../support/review-setup.js";
import { branchWithSecretary, buildTree, fillReport, freshSecretary, inviteLink, TYPICAL_ANSWERS } from "../support/scenario.js";
import { MeetingKind } from "../../src/domain/meeting.js";
import { fileMinutes } from "../../src/usecases/minutes.js";
import { rolesChanged } from "../../src/store/access-version.js";

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  admin = await buildTree(h, []);
});
afterEach(() => {
  h.fake.onRequest = undefined;
});
afterAll(async () => h?.stop());

let nextPerson = 9100;

/** What an administrator removing the person from the unit does (/thanhvien deletes the row). */
async function removeRole(person: TestUser, unitCode: string) {
  const { count } = await h.app.db.membership.deleteMany({ where: { unit: { code: unitCode }, user: { telegramId: BigInt(person.id) } } });
  expect(count).toBe(1);
  await rolesChanged(h.app.db);
}

/** Removes the role the first time the bot calls `method` while handling the next update: after its rights were read, before its decision is recorded. */
function removeRoleDuring(method: string, person: TestUser, unitCode: string) {
  h.fake.onRequest = async (called) => {
    if (called !== method) return;
    h.fake.onRequest = undefined;
    await removeRole(person, unitCode);
  };
}

const textsTo = (person: TestUser) => h.fake.messagesTo(person.id).map((m) => m.text);
const reportsOf = (branch: string) => h.app.db.report.findMany({ where: { unit: { code: branch } }, orderBy: { version: "asc" } });
const refusedFiling = (branch: string) =>
  `Đồng chí không còn là bí thư hay phó bí thư của Chi bộ ${branch} nên không gửi được. Không có gì được lưu; nếu có nhầm lẫn, đồng chí liên hệ quản trị viên.`;

async function submitReport(s: TestUser) {
  await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
  expect((await s.press("✅ Gửi báo cáo")).last.text).toContain("✅ Đã nhận báo cáo");
  await h.app.scheduler.kick();
}

function cardFor(reviewer: TestUser, branch: string): BotMessage {
  const card = h.fake.messagesTo(reviewer.id).filter((m) => m.text.startsWith("🔎") && m.text.includes(`của Chi bộ ${branch} `)).at(-1);
  expect(card, `a review card for ${branch}`).toBeDefined();
  return card!;
}

describe("review decisions", () => {
  test("a return whose reviewer loses the role while typing the reason: the report is not returned, and the reviewer is told why", async () => {
    const reviewer = (await Reviewer.invite(h, "DU-SGD", nextPerson++)).person;
    const { secretary: s, branch } = await freshSecretary(h);
    await submitReport(s);
    let r = await reviewer.press("↩️ Trả lại", cardFor(reviewer, branch));
    expect(r.last.text).toContain("Hãy gõ lý do trả lại");

    await removeRole(reviewer, "DU-SGD");
    r = await reviewer.say("Số liệu chưa khớp sổ sách");
    expect(r.texts).toEqual([
      `Chưa trả lại báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1): đồng chí không còn là cấp ủy viên cấp trên của chi bộ này nên không còn quyền duyệt. Không có gì được ghi.`,
    ]);
    expect(await reportsOf(branch)).toMatchObject([{ reviewState: "PENDING", reviewNote: null, reviewedById: null }]);
    await h.app.scheduler.kick();
    expect(textsTo(s).filter((t) => t.startsWith("↩️"))).toEqual([]);
  });

  test("a return whose reviewer becomes the branch's deputy while typing the reason: not returned, and told that it is their own branch (issue 12, point 9)", async () => {
    const reviewer = (await Reviewer.invite(h, "DU-SGD", nextPerson++)).person;
    const { secretary: s, branch } = await freshSecretary(h);
    await submitReport(s);
    expect((await reviewer.press("↩️ Trả lại", cardFor(reviewer, branch))).last.text).toContain("Hãy gõ lý do trả lại");

    // The deputy's role is given while the form waits: accepting an invite would close the open form.
    const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: branch } });
    const user = await h.app.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(reviewer.id) } });
    await h.app.db.membership.create({ data: { userId: user.id, unitId: unit.id, role: "DEPUTY" } });
    const r = await reviewer.say("Số liệu chưa khớp sổ sách");
    expect(r.texts).toEqual([
      `Đồng chí là bí thư hoặc phó bí thư của Chi bộ ${branch}, nên không tự duyệt hay trả lại báo cáo, biên bản của chi bộ mình. Một cấp ủy viên khác sẽ duyệt.`,
    ]);
    expect(await reportsOf(branch)).toMatchObject([{ reviewState: "PENDING", reviewNote: null, reviewedById: null }]);
  });

  test("an approval whose reviewer loses the role while the bot handles the press: not approved, and told why", async () => {
    const reviewer = (await Reviewer.invite(h, "DU-SGD", nextPerson++)).person;
    const { secretary: s, branch } = await freshSecretary(h);
    await submitReport(s);
    // The bot takes the card's buttons away before it records the decision.
    removeRoleDuring("editMessageReplyMarkup", reviewer, "DU-SGD");
    const r = await reviewer.press("✅ Duyệt", cardFor(reviewer, branch));
    expect(r.texts).toEqual([
      `Chưa duyệt báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1): đồng chí không còn là cấp ủy viên cấp trên của chi bộ này nên không còn quyền duyệt. Không có gì được ghi.`,
    ]);
    expect(r.toasts).toEqual([]);
    expect(await reportsOf(branch)).toMatchObject([{ reviewState: "PENDING", reviewedById: null }]);
    await h.app.scheduler.kick();
    expect(textsTo(s).filter((t) => t.includes("đã duyệt"))).toEqual([]);
  });
});

describe("sending a report or minutes", () => {
  test("a report whose secretary loses the role while the form is open is refused, with a message that says why; nothing is stored", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
    await removeRole(s, branch);
    const r = await s.press("✅ Gửi báo cáo");
    expect(r.texts).toEqual([refusedFiling(branch)]);
    expect(await reportsOf(branch)).toEqual([]);
  });

  test("a change to a closed month whose secretary loses the role while typing the reason is refused; nothing is stored", async () => {
    const reviewer = await Reviewer.invite(h, "DU-SGD", nextPerson++);
    const { secretary: s, branch } = await freshSecretary(h);
    await submitReport(s);
    await reviewer.approve(branch, { year: 2026, month: 10 });
    // A month is closed once its deadline (05/11) has passed; the other tests stay on 03/11.
    h.clock.set("2026-11-06T09:00:00+07:00");
    expect((await admin.say(`/khoaso 10/2026 ${branch}`)).texts[0]).toContain("🔒 Đã khóa sổ tháng 10/2026");
    h.clock.set("2026-11-03T09:00:00+07:00");

    await s.say("/baocao");
    await s.press("Tháng 10/2026");
    let r = await s.press("✅ Gửi báo cáo");
    expect(r.last.text).toContain("đã khóa sổ. Đồng chí gõ lý do đính chính báo cáo");
    await removeRole(s, branch);
    r = await s.say("Ghi nhầm số chuyển chính thức");
    expect(r.texts).toEqual([refusedFiling(branch)]);
    expect((await reportsOf(branch)).map((x) => [x.version, x.reviewState, x.supersededAt === null])).toEqual([[1, "APPROVED", true]]);
  });

  test("minutes whose secretary loses the role while the form is open are refused, with a message that says why; nothing is stored", async () => {
    const { secretary: s, branch } = await freshSecretary(h);
    await s.say("/bienban");
    await s.press("Thường kỳ");
    for (const a of ["02/11/2026", "Phòng họp", "An", "Lan", "20", "18", "2", "Nội dung", "Kết luận"]) await s.say(a);
    await s.press("Không có tệp");
    await removeRole(s, branch);
    const r = await s.press("✅ Gửi biên bản");
    expect(r.texts).toEqual([refusedFiling(branch)]);
    expect(await h.app.db.meeting.count({ where: { unit: { code: branch } } })).toBe(0);
  });

  test("the transaction that stores minutes reads the rights itself: a role removed after the check at send still stops the write", async () => {
    // No update lets a test act between the form's check and the write, so the use case is called as the form calls it.
    const { secretary: s, branch } = await freshSecretary(h);
    const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: branch } });
    const user = await h.app.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(s.id) } });
    const draft = { kind: MeetingKind.REGULAR, topic: null, heldOn: "2026-11-02", place: "Phòng họp", chair: "An", recorder: "Lan", onRoll: 20, present: 20, absentExcused: 0, absentUnexcused: 0, content: "Nội dung", conclusions: "Kết luận", attachments: [] };
    const deps = { db: h.app.db, clock: h.clock.now, config: h.config, outbox: { kick() {} } };
    const store = async () => {
      const { at, ...result } = await fileMinutes(deps, { telegramId: s.id, userId: user.id, unitId: unit.id, draft, baseVersion: 0 });
      expect(at).toBe(h.clock.now().toISOString());
      return result;
    };
    await removeRole(s, branch);
    expect(await store()).toEqual({ status: "refused", why: "no-role" });
    expect(await h.app.db.meeting.count({ where: { unitId: unit.id } })).toBe(0);
  });
});

describe("hand-overs", () => {
  /** A secretary of two branches; the first has a deputy. */
  async function secretaryOfTwo() {
    const { secretary: s, branch } = await freshSecretary(h);
    const other = `${branch}-B`;
    await buildTree(h, [{ code: other, name: `Chi bộ ${other}` }]);
    await branchWithSecretary(h, s.id, s.firstName, other);
    const deputy = h.user(nextPerson++, "Bình", "Trần");
    expect((await deputy.say(`/start ${await inviteLink(admin, `${branch} phobithu`)}`)).last.text).toContain("phó bí thư");
    return { s, branch, deputy };
  }

  test.each([
    ["/uyquyen", "a hand-over"],
    ["/nghi 10/11 12/11", "an absence"],
  ])("%s: a secretary who loses the branch while the bot handles the branch button: nothing (%s) is recorded, and they are told why", async (command) => {
    const { s, branch, deputy } = await secretaryOfTwo();
    expect((await s.say(command)).texts).toEqual(["Đồng chí làm việc cho chi bộ nào?"]);
    // The bot answers the button press before it acts on it.
    removeRoleDuring("answerCallbackQuery", s, branch);
    const r = await s.press(`Chi bộ ${branch}`);
    expect(r.texts).toEqual([`Đồng chí không còn là bí thư Chi bộ ${branch} nên không ủy quyền, báo nghỉ hay nhận lại được. Không có gì thay đổi.`]);
    expect(await h.app.db.delegation.count({ where: { unit: { code: branch } } })).toBe(0);
    expect(textsTo(deputy).filter((t) => t.startsWith("📌"))).toEqual([]);
  });
});
