// Committee members approve or return what their branches send; a returned
// report reaches its secretary, who fixes it and sends it back for review.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { BotMessage } from "../support/fake-telegram.js";
import { Harness, type TestUser } from "../support/harness.js";
import { fillReport, freshSecretary, inviteLink, TYPICAL_ANSWERS } from "../support/scenario.js";

let h: Harness;
let reviewer: TestUser;
let second: TestUser;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  await freshSecretary(h); // builds DU-SGD
  reviewer = await committeeMember(8001, "Cúc");
  second = await committeeMember(8002, "Đào");
});
afterAll(async () => h?.stop());

async function committeeMember(id: number, name: string, unit = "DU-SGD"): Promise<TestUser> {
  const code = await inviteLink(h.admin(), unit);
  const member = h.user(id, name, "Đỗ");
  expect((await member.say(`/start ${code}`)).last.text).toContain("cấp ủy viên");
  return member;
}

/** Waits until the queue has sent everything queued so far (cards, return notices). */
const delivered = () => h.app.scheduler.kick();

function cardsFor(person: TestUser, branch: string): BotMessage[] {
  return h.fake.messagesTo(person.id).filter((m) => m.text.startsWith("🔎") && m.text.includes(`của Chi bộ ${branch} `));
}

async function submitTypical(s: TestUser) {
  await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
  const r = await s.press("✅ Gửi báo cáo");
  expect(r.last.text).toContain("Đã nhận báo cáo");
  await delivered();
}

async function reportRows(branch: string) {
  const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: branch } });
  return h.app.db.report.findMany({ where: { unitId: unit.id }, orderBy: { version: "asc" }, include: { reviewedBy: true } });
}

/** A copy as the reviewer's phone shows it before the bot removes the buttons (a quick second tap). */
const asShown = (m: BotMessage): BotMessage => structuredClone(m);

describe("review of a report", () => {
  test("each committee member above the branch gets a card with the figures and two buttons; no one else does", async () => {
    const { secretary, branch } = await freshSecretary(h);
    const outsider = await (async () => {
      await h.admin().say("/themdonvi DU-KHAC - Đảng ủy khác");
      return committeeMember(8003, "Khác", "DU-KHAC");
    })();
    await submitTypical(secretary);
    for (const member of [reviewer, second]) {
      const [card, ...more] = cardsFor(member, branch);
      expect(more).toHaveLength(0);
      expect(card!.text).toContain(`🔎 Cần duyệt: báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1)`);
      expect(card!.text).toContain("Người gửi: Lan Nguyễn, lúc 09:00 03/11/2026.");
      expect(card!.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 12");
      expect(card!.buttons.flat().map((b) => b.text)).toEqual(["✅ Duyệt", "↩️ Trả lại"]);
    }
    expect(cardsFor(outsider, branch)).toHaveLength(0);
    expect(cardsFor(h.admin(), branch)).toHaveLength(0);
    expect(cardsFor(secretary, branch)).toHaveLength(0);
  });

  test("approve: the reviewer is told, the buttons go, the version is approved by them and the secretary hears of it; a second tap changes nothing", async () => {
    const { secretary, branch } = await freshSecretary(h);
    await submitTypical(secretary);
    const card = asShown(cardsFor(reviewer, branch)[0]!);
    const r = await reviewer.press("✅ Duyệt", card);
    expect(r.toasts).toEqual(["Đã duyệt"]);
    expect(r.texts).toEqual([`✅ Đã duyệt báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1).`]);
    expect(cardsFor(reviewer, branch)[0]!.buttons).toEqual([]);
    const [row] = await reportRows(branch);
    expect(row).toMatchObject({ reviewState: "APPROVED", reviewNote: null });
    expect(row!.reviewedBy?.telegramId).toBe(BigInt(reviewer.id));
    await delivered();
    const approvedNotice = `✅ Cúc Đỗ đã duyệt báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1).`;
    expect(h.fake.messagesTo(secretary.id).at(-1)!.text).toBe(approvedNotice);

    const again = await reviewer.press("✅ Duyệt", card);
    expect(again.texts).toEqual([`Đồng chí đã duyệt báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1) lúc 09:00 03/11/2026 rồi.`]);
    expect((await reportRows(branch))[0]!.reviewedAt).toEqual(row!.reviewedAt);
    await delivered();
    expect(h.fake.messagesTo(secretary.id).filter((m) => m.text === approvedNotice)).toHaveLength(1);
  });

  test("two reviewers at once: the first wins, the second is told who acted first", async () => {
    const { secretary, branch } = await freshSecretary(h);
    await submitTypical(secretary);
    const a = reviewer.pressOn(cardsFor(reviewer, branch)[0]!, "✅ Duyệt");
    const b = second.pressOn(cardsFor(second, branch)[0]!, "✅ Duyệt");
    await Promise.all([h.waitHandled(a), h.waitHandled(b)]);
    const said = [reviewer, second].map((p) => h.fake.messagesTo(p.id).at(-1)!.text);
    const winners = said.filter((t) => t.startsWith("✅ Đã duyệt"));
    const losers = said.filter((t) => t.includes("trước đồng chí"));
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(1);
    const [row] = await reportRows(branch);
    const winner = row!.reviewedBy!.telegramId === BigInt(reviewer.id) ? "Cúc Đỗ" : "Đào Đỗ";
    expect(losers[0]).toBe(`Báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1) đã được ${winner} duyệt lúc 09:00 03/11/2026, trước đồng chí.`);
  });

  test("a return after another reviewer approved is refused before any reason is asked", async () => {
    const { secretary, branch } = await freshSecretary(h);
    await submitTypical(secretary);
    await reviewer.press("✅ Duyệt", cardsFor(reviewer, branch)[0]!);
    const r = await second.press("↩️ Trả lại", cardsFor(second, branch)[0]!);
    expect(r.texts).toEqual([`Báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1) đã được Cúc Đỗ duyệt lúc 09:00 03/11/2026, trước đồng chí.`]);
    expect((await reportRows(branch))[0]!.reviewState).toBe("APPROVED");
  });

  test("approving a version amended meanwhile is refused; the reviewer sees the new one with what changed", async () => {
    const { secretary, branch } = await freshSecretary(h);
    await submitTypical(secretary);
    const oldCard = asShown(cardsFor(reviewer, branch)[0]!);

    // The secretary amends: candidates 12 → 14, the note added.
    await secretary.say("/baocao");
    await secretary.press("Tháng 10/2026");
    await secretary.press("✏️ Sửa một mục");
    await secretary.press(/Quần chúng ưu tú/);
    await secretary.say("14");
    await secretary.press("✅ Gửi báo cáo");
    await delivered();

    const r = await reviewer.press("✅ Duyệt", oldCard);
    expect(r.texts[0]).toBe(`Báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1) đã được chi bộ sửa thành phiên bản mới nên không duyệt bản cũ nữa. Bản mới:`);
    const shown = r.messages[1]!;
    expect(shown.text).toContain(`🔎 Cần duyệt: báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 2)`);
    expect(shown.text).toContain("Thay đổi so với phiên bản 1:\n• Quần chúng ưu tú: 12 → 14");
    expect(shown.buttons.flat().map((b) => b.text)).toEqual(["✅ Duyệt", "↩️ Trả lại"]);
    const rows = await reportRows(branch);
    expect(rows.map((x) => [x.version, x.reviewState, x.supersededAt === null])).toEqual([
      [1, "PENDING", false],
      [2, "PENDING", true],
    ]);
    // The new version also came to every reviewer on its own.
    expect(cardsFor(second, branch).map((m) => m.text.includes("(phiên bản 2)"))).toEqual([false, true]);
  });

  test("return: a reason is required; the secretary gets it with a button that reopens the report; the resubmission is reviewed with its diff", async () => {
    const { secretary, branch } = await freshSecretary(h);
    await submitTypical(secretary);
    let r = await reviewer.press("↩️ Trả lại", cardsFor(reviewer, branch)[0]!);
    expect(r.last.text).toContain(`Đồng chí trả lại báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1).`);
    // Each bad reason: the problem, then the same question again.
    for (const [typed, problem] of [
      [".", "Lý do không được để trống. Đồng chí hãy gõ lý do bằng chữ."],
      ["  —  ", "Lý do không được để trống. Đồng chí hãy gõ lý do bằng chữ."],
      ["ab", "Lý do quá ngắn (ít nhất 3 ký tự). Đồng chí hãy gõ rõ hơn."],
      ["x".repeat(501), "Lý do dài quá 500 ký tự. Đồng chí hãy gõ ngắn gọn hơn."],
    ]) {
      const again = await reviewer.say(typed!);
      expect(again.texts[0]).toBe(problem);
      expect(again.last.text).toContain("Hãy gõ lý do trả lại");
    }
    expect((await reviewer.sendSticker()).texts[0]).toContain("chữ");
    expect((await reportRows(branch))[0]!.reviewState).toBe("PENDING");

    r = await reviewer.say("Số kết nạp không khớp danh sách gửi kèm");
    expect(r.texts).toEqual([
      `↩️ Đã trả lại báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1).\nLý do: Số kết nạp không khớp danh sách gửi kèm\nChi bộ đã được báo để sửa và gửi lại.`,
    ]);
    expect((await reportRows(branch))[0]).toMatchObject({ reviewState: "RETURNED", reviewNote: "Số kết nạp không khớp danh sách gửi kèm" });
    await delivered();

    const notice = h.fake.messagesTo(secretary.id).at(-1)!;
    expect(notice.text).toBe(
      `↩️ Cúc Đỗ đã trả lại báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 1).\nLý do: Số kết nạp không khớp danh sách gửi kèm\nĐồng chí sửa rồi gửi lại bằng nút dưới đây; bản gửi lại sẽ được duyệt lại.`,
    );
    r = await secretary.press("✏️ Sửa báo cáo", notice);
    expect(r.texts[0]).toContain("Tháng 10/2026 đã có báo cáo (bản 1");
    expect(r.last.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 12");
    await secretary.press("✏️ Sửa một mục");
    await secretary.press(/Kết nạp/);
    for (const a of ["2", "1", "1"]) await secretary.say(a);
    r = await secretary.press("✅ Gửi báo cáo");
    expect(r.last.text).toContain("bản số 2");
    await delivered();

    const resubmitted = cardsFor(reviewer, branch).at(-1)!;
    expect(resubmitted.text).toContain("(phiên bản 2)");
    expect(resubmitted.text).toContain("Thay đổi so với phiên bản 1:\n• Kết nạp: học sinh: 2 → 1");
    expect(resubmitted.text).not.toContain("Quần chúng ưu tú: 12 →");
    const rows = await reportRows(branch);
    expect(rows.map((x) => [x.version, x.reviewState])).toEqual([
      [1, "RETURNED"],
      [2, "PENDING"],
    ]);
    // Approving the resubmission works as for a first version.
    expect((await reviewer.press("✅ Duyệt", resubmitted)).texts[0]).toBe(`✅ Đã duyệt báo cáo tháng 10/2026 của Chi bộ ${branch} (phiên bản 2).`);
  });

  test("/huy while typing the reason leaves the report pending", async () => {
    const { secretary, branch } = await freshSecretary(h);
    await submitTypical(secretary);
    await reviewer.press("↩️ Trả lại", cardsFor(reviewer, branch)[0]!);
    expect((await reviewer.say("/huy")).texts[0]).toContain("hủy");
    expect((await reportRows(branch))[0]!.reviewState).toBe("PENDING");
    await delivered();
    expect(h.fake.messagesTo(secretary.id).some((m) => m.text.includes("trả lại"))).toBe(false);
  });

  test("a forged button from someone who does not review the branch changes nothing", async () => {
    const { secretary, branch } = await freshSecretary(h);
    const other = await freshSecretary(h, "Mai");
    await submitTypical(secretary);
    const card = cardsFor(reviewer, branch)[0]!;
    for (const intruder of [other.secretary, secretary]) {
      const r = await intruder.press("✅ Duyệt", card);
      expect(r.toasts[0]).toContain("không duyệt được");
      expect(r.texts).toEqual([]);
    }
    expect((await reportRows(branch))[0]!.reviewState).toBe("PENDING");
  });
});

describe("/choduyet", () => {
  test("lists what waits in the reviewer's subtree, oldest first, and says when nothing is left", async () => {
    const fresh = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
    try {
      const { secretary, branch } = await freshSecretaryIn(fresh, 7001, "CB-A");
      const other = await freshSecretaryIn(fresh, 7002, "CB-B");
      const code = await inviteLink(fresh.admin(), "DU-SGD");
      const member = fresh.user(8100, "Cúc", "Đỗ");
      await member.say(`/start ${code}`);
      await fillReport(secretary, "Tháng 10/2026", TYPICAL_ANSWERS);
      await secretary.press("✅ Gửi báo cáo");
      fresh.clock.set("2026-11-03T10:00:00+07:00");
      await fillReport(other.secretary, "Tháng 10/2026", TYPICAL_ANSWERS);
      await other.secretary.press("✅ Gửi báo cáo");

      // The cards pushed on submission arrive first, so that /choduyet's own replies are counted alone.
      await fresh.app.scheduler.kick();
      expect(fresh.fake.messagesTo(member.id).filter((m) => m.text.startsWith("🔎"))).toHaveLength(2);
      const r = await member.say("/choduyet");
      expect(r.texts[0]).toBe("Có 2 bản chờ duyệt. 2 bản cũ nhất ở dưới:");
      expect(r.texts[1]).toContain(`Chi bộ ${branch} (phiên bản 1)`);
      expect(r.texts[2]).toContain("Chi bộ CB-B (phiên bản 1)");
      await member.press("✅ Duyệt", r.messages[1]);
      await member.press("✅ Duyệt", r.messages[2]);
      await fresh.app.scheduler.kick();
      expect((await member.say("/choduyet")).texts).toEqual(["Không có báo cáo, biên bản hay bản trả lời yêu cầu nào chờ duyệt."]);
      expect((await secretary.say("/choduyet")).texts).toEqual(["Lệnh /choduyet dành cho cấp ủy viên và quản trị viên."]);
    } finally {
      await fresh.stop();
    }
  });
});

async function freshSecretaryIn(x: Harness, id: number, branch: string) {
  const admin = x.admin();
  if (!(await x.app.db.unit.findUnique({ where: { code: "DU-SGD" } }))) await admin.say("/themdonvi DU-SGD - Đảng ủy Sở Giáo dục và Đào tạo");
  await admin.say(`/themchibo ${branch} DU-SGD Chi bộ ${branch}`);
  const code = await inviteLink(admin, branch);
  const secretary = x.user(id, "Lan", "Nguyễn");
  await secretary.say(`/start ${code}`);
  return { secretary, branch };
}

describe("review of minutes", () => {
  test("minutes come for review too; a returned one reopens /bienban on that meeting", async () => {
    const { secretary, branch } = await freshSecretary(h);
    await secretary.say("/bienban");
    await secretary.press("Thường kỳ");
    await secretary.press("Hôm qua (02/11)");
    for (const a of ["Phòng họp tầng 2", "Nguyễn Văn An", "Trần Thị Bình", "20", "18", "1", "1", "Quán triệt Nghị quyết", "Giao chi ủy hoàn thiện hồ sơ"]) await secretary.say(a);
    await secretary.press("Không có tệp");
    await secretary.press("✅ Gửi biên bản");
    await delivered();

    const card = cardsFor(reviewer, branch)[0]!;
    expect(card.text).toContain(`🔎 Cần duyệt: biên bản sinh hoạt thường kỳ ngày 02/11/2026 của Chi bộ ${branch} (phiên bản 1)`);
    expect(card.text).toContain("📝 Biên bản sinh hoạt thường kỳ");
    await reviewer.press("↩️ Trả lại", card);
    await reviewer.say("Thiếu ảnh biên bản có chữ ký");
    await delivered();

    const notice = h.fake.messagesTo(secretary.id).at(-1)!;
    expect(notice.text).toContain("Lý do: Thiếu ảnh biên bản có chữ ký");
    let r = await secretary.press("✏️ Sửa biên bản", notice);
    expect(r.texts.join("\n")).toContain("02/11/2026");
    expect(r.last.text).toContain("📝 Biên bản sinh hoạt thường kỳ");
    await secretary.press("✏️ Sửa một mục");
    await secretary.press(/Tệp/);
    await secretary.sendPhoto(80_000, "signed");
    await secretary.press("Xong");
    r = await secretary.press("✅ Gửi biên bản");
    expect(r.last.text).toContain("bản số 2");
    await delivered();
    const again = cardsFor(reviewer, branch).at(-1)!;
    expect(again.text).toContain("(phiên bản 2)");
    expect(again.text).toContain("• Số tệp đính kèm: 0 → 1");
    await reviewer.press("✅ Duyệt", again);
    await delivered();
    expect(h.fake.messagesTo(secretary.id).at(-1)!.text).toBe(`✅ Cúc Đỗ đã duyệt biên bản sinh hoạt thường kỳ ngày 02/11/2026 của Chi bộ ${branch} (phiên bản 2).`);
  });
});

describe("a closed month", () => {
  test("approve, close with /khoaso, then a change needs a reason and comes back for review marked as a late correction", async () => {
    const admin = h.admin();
    await admin.say("/themdonvi DU-X - Đảng ủy X");
    await admin.say("/themchibo CB-X DU-X Chi bộ CB-X");
    const member = await committeeMember(8010, "Hòa", "DU-X");
    const code = await inviteLink(admin, "CB-X");
    const secretary = h.user(8011, "Lan", "Nguyễn");
    await secretary.say(`/start ${code}`);
    await submitTypical(secretary);

    // A month is closed once its deadline (05/11) has passed.
    h.clock.set("2026-11-06T09:00:00+07:00");
    expect((await admin.say("/khoaso 10/2026 DU-X")).texts[0]).toContain("CB-X");
    expect(await h.app.db.periodLock.count()).toBe(0);
    await member.press("✅ Duyệt", cardsFor(member, "CB-X")[0]!);
    await delivered();
    expect(h.fake.messagesTo(secretary.id).at(-1)!.text).toBe("✅ Hòa Đỗ đã duyệt báo cáo tháng 10/2026 của Chi bộ CB-X (phiên bản 1).");
    expect((await admin.say("/khoaso 10/2026 DU-X")).texts[0]).toContain("🔒 Đã khóa sổ tháng 10/2026 của Đảng ủy X");

    await secretary.say("/baocao");
    let r = await secretary.press("Tháng 10/2026");
    expect(r.texts[0]).toContain("🔒 Tháng 10/2026 đã khóa sổ.");
    await secretary.press("✏️ Sửa một mục");
    await secretary.press(/Quần chúng ưu tú/);
    await secretary.say("13");
    r = await secretary.press("✅ Gửi báo cáo");
    expect(r.last.text).toContain("gõ lý do đính chính báo cáo");
    r = await secretary.say("Bổ sung 1 quần chúng chuyển đến");
    expect(r.last.text).toContain("🔒 Bản này được ghi là đính chính sau khóa sổ (lý do: Bổ sung 1 quần chúng chuyển đến)");
    await delivered();

    const card = cardsFor(member, "CB-X").at(-1)!;
    expect(card.text).toContain("(phiên bản 2)");
    expect(card.text).toContain("⚠️ Đính chính sau khóa sổ. Lý do đính chính: Bổ sung 1 quần chúng chuyển đến");
    expect(card.text).toContain("• Quần chúng ưu tú: 12 → 13");
    expect((await member.press("✅ Duyệt", card)).texts[0]).toBe("✅ Đã duyệt báo cáo tháng 10/2026 của Chi bộ CB-X (phiên bản 2).");
    expect((await reportRows("CB-X")).map((x) => [x.version, x.reviewState, x.lateCorrection])).toEqual([
      [1, "APPROVED", false],
      [2, "APPROVED", true],
    ]);
  });
});
