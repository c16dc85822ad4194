// Committee members review the answers to a request (/yeucau) as they review monthly
// reports (issue 14, point 7): a card through the queue, approve, return with a reason,
// the diff of a resubmission, stale and forged buttons, a right lost before the decision.
// The request and its answers are written by the store, as /yeucau and the answer form
// will; the answer form's hook is enqueueAnswerReview, called here as it calls it.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { QuestionKind, RequestStatus, type AnswerValues, type RequestQuestion } from "../../src/domain/request.js";
import { readRequestButton } from "../../src/domain/request-buttons.js";
import { answerReviewLabel } from "../../src/domain/request-review.js";
import { enqueueAnswerReview } from "../../src/outbox/answer-review.js";
import { rolesChanged } from "../../src/store/access-version.js";
import { createRequest, currentAnswers, saveAnswer } from "../../src/store/requests.js";
import type { BotMessage } from "../support/fake-telegram.js";
import { Harness, type TestUser } from "../support/harness.js";
import { Reviewer } from "../support/review-setup.js";
import { branchWithSecretary, buildTree, inviteLink } from "../support/scenario.js";

let h: Harness;
let reviewer: TestUser;
let second: TestUser;
let outsider: TestUser;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-12-01T09:00:00+07:00" });
  await buildTree(h, []);
  reviewer = (await Reviewer.invite(h, "DU-SGD", 8901)).person;
  second = h.user(8902, "Đào", "Đỗ");
  await second.say(`/start ${await inviteLink(h.admin(), "DU-SGD")}`);
  await h.admin().say("/themdonvi DU-KHAC - Đảng ủy khác");
  outsider = h.user(8903, "Khác", "Đỗ");
  await outsider.say(`/start ${await inviteLink(h.admin(), "DU-KHAC")}`);
});
afterAll(async () => h?.stop());

const QUESTIONS: RequestQuestion[] = [
  { id: "q1", kind: QuestionKind.NUMBER, section: "I.1", title: "Số đảng viên hiện có" },
  { id: "q2", kind: QuestionKind.COHORTS, section: "I.2", title: "Quần chúng ưu tú hiện có theo đối tượng" },
  { id: "q3", kind: QuestionKind.LONG_TEXT, section: "II.1", title: "Thực trạng nguồn phát triển đảng viên" },
  { id: "q4", kind: QuestionKind.FILES, title: "Danh sách quần chúng ưu tú kèm theo" },
  { id: "q5", kind: QuestionKind.CHOICE, title: "Chi bộ đã có kế hoạch tạo nguồn chưa?", options: ["Đã có", "Chưa có"] },
];
const TITLE = "Báo cáo chuyên đề tạo nguồn phát triển đảng viên";
const LONG = `Chi bộ đã rà soát quần chúng ưu tú trong học sinh và giáo viên, giảng viên. ${"Nội dung đánh giá chi tiết. ".repeat(60)}`.trim();
const file = (n: number) => ({ kind: "PDF" as const, fileId: `f${n}`, fileUniqueId: `u${n}`, fileName: `ds${n}.pdf`, size: 1000 });
const FIRST: AnswerValues = {
  q1: 20,
  q2: { teachers: 3, pupils: 5, students: 0, other: 1 },
  q3: LONG,
  q4: [file(1), file(2)],
  q5: { choice: 0 },
};

let nextBranch = 1;
/** A branch of DU-SGD with its secretary, and a request to it (due 15/12/2026) sent by the first committee member. */
async function branchWithRequest() {
  const code = `CB-Y${nextBranch}`;
  const secretary = await branchWithSecretary(h, 7000 + nextBranch++, "Lan", code);
  return requestTo(secretary, code, "DU-SGD");
}

async function requestTo(secretary: TestUser, code: string, parentCode: string) {
  const db = h.app.db;
  const unit = await db.unit.findUniqueOrThrow({ where: { code } });
  const parent = await db.unit.findUniqueOrThrow({ where: { code: parentCode } });
  const creator = await db.user.findUniqueOrThrow({ where: { telegramId: BigInt(reviewer.id) } });
  const requestId = await createRequest(db, {
    title: TITLE,
    unitId: parent.id,
    createdById: creator.id,
    questions: QUESTIONS,
    dueOn: "2026-12-15",
    dueTime: null,
    template: null,
    prefillFromYear: null,
    targetUnitIds: [unit.id],
    now: h.clock.now(),
  });
  return { secretary, code, unitId: unit.id, requestId, name: `Chi bộ ${code}` };
}

type Branch = Awaited<ReturnType<typeof requestTo>>;

/** What the answer form does once a version is saved: the store's write, then its hook. */
async function answer(b: Branch, values: AnswerValues, baseVersion: number, late = false, send = true): Promise<number> {
  const db = h.app.db;
  const sender = await db.user.findUniqueOrThrow({ where: { telegramId: BigInt(b.secretary.id) } });
  const saved = await saveAnswer(db, { requestId: b.requestId, unitId: b.unitId, revision: 1, values, late, submittedById: sender.id, now: h.clock.now(), baseVersion });
  expect(saved.status).toBe("ok");
  const row = await db.requestAnswer.findFirstOrThrow({ where: { requestId: b.requestId, unitId: b.unitId, supersededAt: null } });
  await enqueueAnswerReview(db, { answerId: row.id });
  if (send) await h.app.scheduler.kick();
  return row.id;
}

const title = (b: Branch, version: number) => `bản trả lời của ${b.name} cho yêu cầu "${TITLE}" (phiên bản ${version})`;
const cardsFor = (person: TestUser, b: Branch) => h.fake.messagesTo(person.id).filter((m) => m.text.startsWith("🔎") && m.text.includes(`của ${b.name} cho yêu cầu`));
const answersOf = (b: Branch) => h.app.db.requestAnswer.findMany({ where: { requestId: b.requestId, unitId: b.unitId }, orderBy: { version: "asc" }, include: { reviewedBy: true } });
const asShown = (m: BotMessage): BotMessage => structuredClone(m);
const buttonsOf = (m: BotMessage) => m.buttons.flat().map((x) => x.text);

describe("the review card of an answer", () => {
  test("goes once to each committee member above the branch, with every answer and the two buttons; not to the branch, another committee or the administrator", async () => {
    const b = await branchWithRequest();
    const id = await answer(b, FIRST, 0);
    // The hook called again (a replayed form): still one card each.
    expect(await enqueueAnswerReview(h.app.db, { answerId: id })).toBe(false);
    await h.app.scheduler.kick();
    for (const member of [reviewer, second]) {
      const cards = cardsFor(member, b);
      expect(cards).toHaveLength(1);
      expect(cards[0]!.text).toBe(
        [
          `🔎 Cần duyệt: ${title(b, 1)}`,
          "Người gửi: Lan Nguyễn, lúc 09:00 01/12/2026.",
          "Hạn trả lời: 15/12/2026. Gửi trong hạn.",
          "",
          "Nội dung trả lời:",
          "• I.1. Số đảng viên hiện có: 20",
          "• I.2. Quần chúng ưu tú hiện có theo đối tượng: giáo viên, giảng viên 3; học sinh 5; sinh viên 0; đối tượng khác 1 (tổng 9)",
          `• II.1. Thực trạng nguồn phát triển đảng viên: ${[...LONG].slice(0, 300).join("").trimEnd()}… (còn tiếp, tổng ${[...LONG].length.toLocaleString("vi-VN")} ký tự)`,
          "• Danh sách quần chúng ưu tú kèm theo: 2 tệp",
          "• Chi bộ đã có kế hoạch tạo nguồn chưa?: Đã có",
        ].join("\n"),
      );
      expect(buttonsOf(cards[0]!)).toEqual(["✅ Duyệt", "↩️ Trả lại"]);
      expect(readRequestButton(cards[0]!.buttons[0]![0]!.callback_data!)).toEqual({ kind: "approve", answerId: id });
    }
    for (const nobody of [outsider, b.secretary, h.admin()]) expect(cardsFor(nobody, b)).toHaveLength(0);
  });

  test("a version replaced before its card went out: only the new version's card is sent", async () => {
    const b = await branchWithRequest();
    await answer(b, FIRST, 0, false, false);
    await answer(b, { ...FIRST, q1: 25 }, 1);
    const cards = cardsFor(reviewer, b);
    expect(cards.map((m) => m.text.split("\n")[0])).toEqual([`🔎 Cần duyệt: ${title(b, 2)}`]);
    expect(cards[0]!.text).toContain("• I.1. Số đảng viên hiện có: 20 → 25");
  });

  test("an answer sent after the due date says so", async () => {
    const b = await branchWithRequest();
    await answer(b, FIRST, 0, true);
    expect(cardsFor(reviewer, b)[0]!.text).toContain("Hạn trả lời: 15/12/2026. ⏰ Gửi sau hạn.");
  });
});

describe("decisions", () => {
  test("approve: the reviewer is told, the buttons go, the version is approved, the secretary hears of it once; a second tap changes nothing", async () => {
    const b = await branchWithRequest();
    await answer(b, FIRST, 0);
    const card = asShown(cardsFor(reviewer, b)[0]!);
    const r = await reviewer.press("✅ Duyệt", card);
    expect(r.toasts).toEqual(["Đã duyệt"]);
    expect(r.texts).toEqual([`✅ Đã duyệt ${title(b, 1)}.`]);
    expect(cardsFor(reviewer, b)[0]!.buttons).toEqual([]);
    const [row] = await answersOf(b);
    expect(row).toMatchObject({ reviewState: "APPROVED", reviewNote: null });
    expect(row!.reviewedBy?.telegramId).toBe(BigInt(reviewer.id));
    await h.app.scheduler.kick();
    const notice = `✅ Duyệt Cấp Ủy đã duyệt ${title(b, 1)}.`;
    expect(h.fake.messagesTo(b.secretary.id).at(-1)!.text).toBe(notice);

    const again = await reviewer.press("✅ Duyệt", card);
    expect(again.texts).toEqual([`Đồng chí đã duyệt ${title(b, 1)} lúc 09:00 01/12/2026 rồi.`]);
    const other = await second.press("↩️ Trả lại", cardsFor(second, b)[0]!);
    expect(other.texts).toEqual([`Bản trả lời của ${b.name} cho yêu cầu "${TITLE}" (phiên bản 1) đã được Duyệt Cấp Ủy duyệt lúc 09:00 01/12/2026, trước đồng chí.`]);
    await h.app.scheduler.kick();
    expect(h.fake.messagesTo(b.secretary.id).filter((m) => m.text === notice)).toHaveLength(1);
    // What the export reads of the branch's current answer.
    expect(answerReviewLabel((await currentAnswers(h.app.db, b.requestId)).get(b.unitId)!.reviewState)).toBe("approved");
  });

  test("return: a reason is asked, bad ones again; the secretary gets it with a button that opens the answer form; the resubmission comes with what changed", async () => {
    const b = await branchWithRequest();
    const first = await answer(b, FIRST, 0);
    let r = await reviewer.press("↩️ Trả lại", cardsFor(reviewer, b)[0]!);
    expect(r.last.text).toContain(`Đồng chí trả lại ${title(b, 1)}.`);
    for (const [typed, problem] of [
      [".", "Lý do không được để trống. Đồng chí hãy gõ lý do bằng chữ."],
      ["ab", "Lý do quá ngắn (ít nhất 3 ký tự). Đồng chí hãy gõ rõ hơn."],
      ["x".repeat(501), "Lý do dài quá 500 ký tự. Đồng chí hãy gõ ngắn gọn hơn."],
    ]) {
      const again = await reviewer.say(typed!);
      expect(again.texts[0]).toBe(problem);
      expect(again.last.text).toContain("Hãy gõ lý do trả lại");
    }
    expect((await answersOf(b))[0]!.reviewState).toBe("PENDING");
    r = await reviewer.say("Số quần chúng ưu tú chưa khớp danh sách");
    expect(r.texts).toEqual([`↩️ Đã trả lại ${title(b, 1)}.\nLý do: Số quần chúng ưu tú chưa khớp danh sách\nChi bộ đã được báo để sửa và gửi lại.`]);
    expect((await answersOf(b))[0]).toMatchObject({ reviewState: "RETURNED", reviewNote: "Số quần chúng ưu tú chưa khớp danh sách" });
    expect(answerReviewLabel((await currentAnswers(h.app.db, b.requestId)).get(b.unitId)!.reviewState)).toBe("returned");
    await h.app.scheduler.kick();

    const notice = h.fake.messagesTo(b.secretary.id).at(-1)!;
    expect(notice.text).toBe(
      `↩️ Duyệt Cấp Ủy đã trả lại ${title(b, 1)}.\nLý do: Số quần chúng ưu tú chưa khớp danh sách\nĐồng chí sửa rồi gửi lại bằng nút dưới đây; bản gửi lại sẽ được duyệt lại.`,
    );
    expect(buttonsOf(notice)).toEqual(["✏️ Sửa bản trả lời"]);
    expect(readRequestButton(notice.buttons[0]![0]!.callback_data!)).toEqual({ kind: "answer", requestId: b.requestId, revision: 1 });

    // The branch sends a corrected version (the answer form's work): 20 → 21 members, one more pupil, other files.
    await answer(b, { ...FIRST, q1: 21, q2: { teachers: 3, pupils: 6, students: 0, other: 1 }, q4: [file(3), file(4)] }, 1);
    const card = cardsFor(reviewer, b).at(-1)!;
    expect(card.text).toContain(`🔎 Cần duyệt: ${title(b, 2)}`);
    expect(card.text).toContain(
      [
        "Thay đổi so với phiên bản 1:",
        "• I.1. Số đảng viên hiện có: 20 → 21",
        "• I.2. Quần chúng ưu tú hiện có theo đối tượng: giáo viên, giảng viên 3; học sinh 5; sinh viên 0; đối tượng khác 1 (tổng 9) → giáo viên, giảng viên 3; học sinh 6; sinh viên 0; đối tượng khác 1 (tổng 10)",
        "• Danh sách quần chúng ưu tú kèm theo: 2 tệp → 2 tệp (tệp khác)",
        "",
      ].join("\n"),
    );
    // The blank line after the files: the long text and the choice, unchanged, are not listed.
    expect((await reviewer.press("✅ Duyệt", card)).texts).toEqual([`✅ Đã duyệt ${title(b, 2)}.`]);
    expect((await answersOf(b)).map((x) => [x.id === first, x.version, x.reviewState])).toEqual([
      [true, 1, "RETURNED"],
      [false, 2, "APPROVED"],
    ]);
  });

  test("two reviewers at once: the first wins, the second is told who acted first", async () => {
    const b = await branchWithRequest();
    await answer(b, FIRST, 0);
    const x = reviewer.pressOn(cardsFor(reviewer, b)[0]!, "✅ Duyệt");
    const y = second.pressOn(cardsFor(second, b)[0]!, "✅ Duyệt");
    await Promise.all([h.waitHandled(x), h.waitHandled(y)]);
    const said = [reviewer, second].map((p) => h.fake.messagesTo(p.id).at(-1)!.text);
    expect(said.filter((text) => text.startsWith("✅ Đã duyệt"))).toHaveLength(1);
    expect(said.filter((text) => text.endsWith("trước đồng chí."))).toHaveLength(1);
    await h.app.scheduler.kick();
    expect(h.fake.messagesTo(b.secretary.id).filter((m) => m.text.includes("đã duyệt"))).toHaveLength(1);
  });

  test("a committee member who is also the branch's secretary gets no card and may not decide: another member does", async () => {
    const b = await branchWithRequest();
    // The secretary also joins the committee above (an invite of DU-SGD).
    expect((await b.secretary.say(`/start ${await inviteLink(h.admin(), "DU-SGD")}`)).last.text).toContain("cấp ủy viên");
    await answer(b, FIRST, 0);
    expect(cardsFor(b.secretary, b)).toHaveLength(0);
    for (const label of ["✅ Duyệt", "↩️ Trả lại"]) {
      const r = await b.secretary.press(label, cardsFor(reviewer, b)[0]!);
      expect(r.texts).toEqual([
        `Đồng chí là bí thư hoặc phó bí thư của ${b.name}, nên không tự duyệt hay trả lại bản trả lời của chi bộ mình. Một cấp ủy viên khác sẽ duyệt.`,
      ]);
    }
    expect((await answersOf(b))[0]!.reviewState).toBe("PENDING");
  });

  test("during a hand-over the notice goes to the sender and to the deputy on duty, once each", async () => {
    const b = await branchWithRequest();
    const code = (await h.admin().say(`/moi ${b.code} phobithu`)).last.text.match(/\?start=([\w-]+)/)![1]!;
    const deputy = h.user(8970, "Bình", "Trần");
    await deputy.say(`/start ${code}`);
    expect((await b.secretary.say("/uyquyen")).texts[0]).toContain("Đã ủy quyền cho phó bí thư Bình Trần");
    await answer(b, FIRST, 0);
    await reviewer.press("↩️ Trả lại", cardsFor(reviewer, b)[0]!);
    await reviewer.say("Bổ sung danh sách kèm theo");
    await h.app.scheduler.kick();
    for (const person of [b.secretary, deputy]) {
      const notices = h.fake.messagesTo(person.id).filter((m) => m.text.startsWith("↩️"));
      expect(notices.map((m) => m.text.split("\n")[1])).toEqual(["Lý do: Bổ sung danh sách kèm theo"]);
    }
  });

  test("/huy while typing the reason leaves the answer pending and tells the branch nothing", async () => {
    const b = await branchWithRequest();
    await answer(b, FIRST, 0);
    await reviewer.press("↩️ Trả lại", cardsFor(reviewer, b)[0]!);
    expect((await reviewer.say("/huy")).texts[0]).toContain("hủy");
    expect((await answersOf(b))[0]!.reviewState).toBe("PENDING");
    await h.app.scheduler.kick();
    expect(h.fake.messagesTo(b.secretary.id).some((m) => m.text.includes("trả lại"))).toBe(false);
  });
});

describe("stale, forged and refused buttons", () => {
  test("a card of a version replaced before the tap: nothing recorded, the reviewer is told and sees the new version", async () => {
    const b = await branchWithRequest();
    await answer(b, FIRST, 0);
    const old = asShown(cardsFor(reviewer, b)[0]!);
    await answer(b, { ...FIRST, q5: { choice: 1 } }, 1);
    const r = await reviewer.press("✅ Duyệt", old);
    expect(r.texts[0]).toBe(`Bản trả lời của ${b.name} cho yêu cầu "${TITLE}" (phiên bản 1) đã được chi bộ sửa thành phiên bản mới nên không duyệt bản cũ nữa. Bản mới:`);
    expect(r.messages[1]!.text).toContain(`🔎 Cần duyệt: ${title(b, 2)}`);
    expect(r.messages[1]!.text).toContain("Thay đổi so với phiên bản 1:\n• Chi bộ đã có kế hoạch tạo nguồn chưa?: Đã có → Chưa có");
    expect(buttonsOf(r.messages[1]!)).toEqual(["✅ Duyệt", "↩️ Trả lại"]);
    expect((await reviewer.press("↩️ Trả lại", old)).texts[0]).toContain("(phiên bản 1) đã được chi bộ sửa thành phiên bản mới");
    expect((await answersOf(b)).map((x) => x.reviewState)).toEqual(["PENDING", "PENDING"]);
  });

  test("forged data and people who do not review the branch change nothing", async () => {
    const b = await branchWithRequest();
    const id = await answer(b, FIRST, 0);
    const card = cardsFor(reviewer, b)[0]!;
    for (const intruder of [outsider, b.secretary]) {
      const r = await intruder.press("✅ Duyệt", card);
      expect(r.toasts).toEqual(["Đồng chí không duyệt được bản này (không thuộc đơn vị đồng chí phụ trách, hoặc bản không còn)."]);
      expect(r.texts).toEqual([]);
      expect((await intruder.press("↩️ Trả lại", card)).texts).toEqual([]);
    }
    for (const data of [`yc:ok:${id + 1000}`, "yc:ok:0", "yc:tra:99999999999", `yc:ok:${id}:1`]) {
      const forged = { ...card, buttons: [[{ text: "✅ Duyệt", callback_data: data }]] };
      const r = await reviewer.press("✅ Duyệt", forged);
      expect(r.texts).toEqual([]);
      expect(r.toasts).toHaveLength(1);
    }
    expect((await answersOf(b))[0]).toMatchObject({ reviewState: "PENDING", reviewedById: null });
    await h.app.scheduler.kick();
    expect(h.fake.messagesTo(b.secretary.id).filter((m) => m.text.includes("đã duyệt") || m.text.includes("trả lại"))).toEqual([]);
  });

  test("a reviewer who loses the role while typing the reason: not returned, told why", async () => {
    const b = await branchWithRequest();
    await answer(b, FIRST, 0);
    const leaving = (await Reviewer.invite(h, "DU-SGD", 8950)).person;
    // Invited after the card went out: the card of a new version reaches them.
    await answer(b, { ...FIRST, q1: 22 }, 1);
    await leaving.press("↩️ Trả lại", cardsFor(leaving, b).at(-1)!);
    await h.app.db.membership.deleteMany({ where: { unit: { code: "DU-SGD" }, user: { telegramId: BigInt(leaving.id) } } });
    await rolesChanged(h.app.db);
    const r = await leaving.say("Số liệu chưa khớp sổ sách");
    expect(r.texts).toEqual([
      `Chưa trả lại ${title(b, 2)}: đồng chí không còn là cấp ủy viên cấp trên của chi bộ này nên không còn quyền duyệt. Không có gì được ghi.`,
    ]);
    expect((await answersOf(b)).at(-1)).toMatchObject({ reviewState: "PENDING", reviewNote: null });
  });
});

describe("a closed request", () => {
  test("its answers are still reviewed; a return says the branch cannot send again and offers no button", async () => {
    const b = await branchWithRequest();
    await answer(b, FIRST, 0);
    await h.app.db.infoRequest.update({ where: { id: b.requestId }, data: { status: RequestStatus.CLOSED, closedAt: h.clock.now() } });
    const r = await reviewer.press("↩️ Trả lại", cardsFor(reviewer, b)[0]!);
    expect(r.last.text).toContain("Hãy gõ lý do trả lại");
    expect((await reviewer.say("Thiếu danh sách có chữ ký")).texts).toEqual([
      `↩️ Đã trả lại ${title(b, 1)}.\nLý do: Thiếu danh sách có chữ ký\nChi bộ đã được báo; yêu cầu đã kết thúc nên chi bộ không gửi lại được.`,
    ]);
    await h.app.scheduler.kick();
    const notice = h.fake.messagesTo(b.secretary.id).at(-1)!;
    expect(notice.text).toBe(
      `↩️ Duyệt Cấp Ủy đã trả lại ${title(b, 1)}.\nLý do: Thiếu danh sách có chữ ký\nYêu cầu đã kết thúc nên không gửi lại được; nếu cần, đồng chí liên hệ đơn vị gửi yêu cầu.`,
    );
    expect(notice.buttons).toEqual([]);
  });

  test("a card sent after it closed says so", async () => {
    const b = await branchWithRequest();
    await h.app.db.infoRequest.update({ where: { id: b.requestId }, data: { status: RequestStatus.CLOSED, closedAt: h.clock.now() } });
    await answer(b, FIRST, 0, true);
    expect(cardsFor(reviewer, b)[0]!.text).toContain("🔒 Yêu cầu đã kết thúc, không nhận thêm bản trả lời; bản này vẫn được duyệt.");
  });
});

describe("/choduyet", () => {
  test("lists the answers waiting in the reviewer's units, and none once they are decided", async () => {
    const admin = h.admin();
    await admin.say("/themdonvi DU-Z - Đảng ủy Z");
    await admin.say("/themchibo CB-Z DU-Z Chi bộ CB-Z");
    const member = (await Reviewer.invite(h, "DU-Z", 8960)).person;
    const secretary = h.user(8961, "Lan", "Nguyễn");
    await secretary.say(`/start ${await inviteLink(admin, "CB-Z")}`);
    const b = await requestTo(secretary, "CB-Z", "DU-Z");
    expect((await member.say("/choduyet")).texts).toEqual(["Không có báo cáo, biên bản hay bản trả lời yêu cầu nào chờ duyệt."]);
    await answer(b, FIRST, 0);
    const r = await member.say("/choduyet");
    expect(r.texts[0]).toBe("Có 1 bản chờ duyệt. 1 bản cũ nhất ở dưới:");
    expect(r.texts[1]).toContain(`🔎 Cần duyệt: ${title(b, 1)}`);
    expect(r.texts).toHaveLength(2);
    expect((await member.press("✅ Duyệt", r.messages[1])).texts).toEqual([`✅ Đã duyệt ${title(b, 1)}.`]);
    expect((await member.say("/choduyet")).texts).toEqual(["Không có báo cáo, biên bản hay bản trả lời yêu cầu nào chờ duyệt."]);
  });
});
