// Issue 14, points 1 and 2, and the sending and changing of a request: /yeucau's form (blank,
// template, copy), its bad inputs, the delivery to each branch's person on duty, and a change
// sent as a new revision. The tree: DU-SGD with CB-A (An), CB-B (Bình, with a deputy) and CB-C
// (no secretary yet); DU-X with CB-X (Xuân), outside the committee member's scope.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { requestButtonData } from "../../src/domain/request-buttons.js";
import { PrefillKey, QuestionKind } from "../../src/domain/request.js";
import type { BotMessage } from "../support/fake-telegram.js";
import { Harness, type TestUser } from "../support/harness.js";
import { branchWithSecretary, buildTree, inviteLink } from "../support/scenario.js";

let h: Harness;
let admin: TestUser;
let cuc: TestUser;
let dao: TestUser;
let an: TestUser;
let binh: TestUser;
let xuan: TestUser;

const REFUSED = "Chỉ cấp ủy viên (cho các chi bộ trực thuộc đảng ủy của mình) và quản trị viên mới tạo được yêu cầu báo cáo.";
const SGD = "Đảng ủy Sở Giáo dục và Đào tạo";

async function join(id: number, first: string, last: string, unit: string, role = ""): Promise<TestUser> {
  const code = await inviteLink(admin, `${unit}${role ? ` ${role}` : ""}`);
  const person = h.user(id, first, last);
  await person.say(`/start ${code}`);
  return person;
}

/** A button press with data of one's own making (a forged or old button), on the last message the person got. */
function pressData(u: TestUser, data: string) {
  const m = h.fake.messagesTo(u.id).at(-1)!;
  const chat = { id: u.id, type: "private", first_name: u.firstName };
  return u.exchange(() =>
    h.fake.pushUpdate({
      callback_query: {
        id: h.fake.newCallbackId(u.id),
        from: { id: u.id, is_bot: false, first_name: u.firstName, last_name: u.lastName },
        chat_instance: `ci${u.id}`,
        data,
        message: { message_id: m.message_id, date: Math.floor(Date.now() / 1000), chat, from: { id: 123456789, is_bot: true, first_name: "bot" }, text: m.text },
      },
    }),
  );
}

/** The requests delivered to a person: the messages that carry an answer button. */
const requestsTo = (u: TestUser): BotMessage[] => h.fake.messagesTo(u.id).filter((m) => m.buttons.flat().some((b) => b.callback_data?.startsWith("yc:tl:")));
const lastRequest = () => h.app.db.infoRequest.findFirstOrThrow({ orderBy: { id: "desc" }, include: { targets: { include: { unit: true } } } });

beforeAll(async () => {
  h = await Harness.start({ now: "2026-12-02T09:00:00+07:00" });
  admin = await buildTree(h, [
    { code: "CB-A", name: "Chi bộ A" },
    { code: "CB-B", name: "Chi bộ B" },
    { code: "CB-C", name: "Chi bộ C" },
  ]);
  expect((await admin.say("/themdonvi DU-X - Đảng ủy X")).last.text).toContain("Đã thêm");
  expect((await admin.say("/themchibo CB-X DU-X Chi bộ X")).last.text).toContain("Đã thêm");
  cuc = await join(8701, "Cúc", "Đỗ", "DU-SGD");
  dao = await join(8702, "Đào", "Lê", "DU-SGD");
  an = await branchWithSecretary(h, 8711, "An", "CB-A");
  binh = await branchWithSecretary(h, 8712, "Bình", "CB-B");
  xuan = await branchWithSecretary(h, 8713, "Xuân", "CB-X");
}, 60_000);
afterAll(async () => h?.stop());

describe("who may make a request", () => {
  test("a secretary's /yeucau lists no new-request button; /yeucau moi and a forged new-request button are refused, and nothing is stored", async () => {
    const list = await an.say("/yeucau");
    expect(list.last.buttons.flat().map((b) => b.callback_data)).not.toContain("yc:moi");
    expect((await an.say("/yeucau moi")).texts).toEqual([REFUSED]);
    expect((await pressData(an, requestButtonData({ kind: "new" }))).texts).toEqual([REFUSED]);
    expect(await h.app.db.infoRequest.count()).toBe(0);
  });

  test("a committee member's /yeucau offers the new-request button", async () => {
    const r = await cuc.say("/yeucau");
    expect(r.last.buttons.flat().map((b) => [b.text, b.callback_data])).toEqual([["➕ Tạo yêu cầu mới", "yc:moi"]]);
  });
});

describe("a blank request, with every kind of question and every bad input", () => {
  test("refusals ask the same question again, nothing is stored before Gửi, and the branches of the unit receive it", async () => {
    await cuc.say("/yeucau");
    let r = await cuc.press("➕ Tạo yêu cầu mới");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["📄 Yêu cầu trống", "📑 Mẫu: Báo cáo chuyên đề tạo nguồn phát triển đảng viên"]);
    await cuc.press("📄 Yêu cầu trống");
    r = await cuc.say("Báo cáo nhanh tháng 12");
    expect(r.last.text).toContain("Gửi tới các chi bộ của đơn vị nào?");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual([`${SGD} (3 chi bộ)`]);

    // A unit outside the member's scope, then one that does not exist: said why, asked again.
    r = await cuc.say("DU-X");
    expect(r.texts[0]).toBe("Đảng ủy X không thuộc đảng ủy của đồng chí, nên đồng chí không gửi yêu cầu tới đó được. Xin chọn đơn vị của mình hoặc một đơn vị trực thuộc.");
    expect(r.last.text).toContain("Gửi tới các chi bộ của đơn vị nào?");
    r = await cuc.say("CB-X");
    expect(r.texts[0]).toContain("Chi bộ X không thuộc đảng ủy của đồng chí");
    r = await cuc.say("KHONG-CO");
    expect(r.texts[0]).toBe('Không có đơn vị nào mã "KHONG-CO". Xin gõ lại mã, hoặc bấm một nút.');
    r = await cuc.say("du-sgd");
    expect(r.last.text).toContain("Hạn trả lời?");

    // Due dates: in the past, no such day, not a date, an hour that does not exist.
    for (const [typed, said] of [
      ["01/12/2026", "Hạn này đã qua. Xin chọn một ngày (và giờ) sắp tới."],
      ["02/12/2026 08:00", "Hạn này đã qua. Xin chọn một ngày (và giờ) sắp tới."],
      ["31/11/2026", "Ngày hoặc giờ này không có thật (ví dụ 31/11 hay 25:00). Xin kiểm tra và gõ lại."],
      ["15/12/2026 25:00", "Ngày hoặc giờ này không có thật (ví dụ 31/11 hay 25:00). Xin kiểm tra và gõ lại."],
      ["tuần sau", "Không đọc được ngày này. Xin gõ theo dạng dd/mm/yyyy, có thể thêm giờ hh:mm, ví dụ 15/12/2026 17:00."],
    ]) {
      r = await cuc.say(typed!);
      expect(r.texts[0], typed).toBe(said);
      expect(r.last.text).toContain("Hạn trả lời?");
    }
    r = await cuc.say("15/12/2026 17:00");
    expect(r.last.text).toBe("Yêu cầu cần ít nhất một câu hỏi. Chọn loại câu hỏi thứ nhất:");

    // No question: refused, the same menu again.
    r = await cuc.press("✅ Xong");
    expect(r.texts[0]).toBe("Yêu cầu chưa có câu hỏi nào, nên chưa gửi được. Xin thêm ít nhất một câu hỏi.");
    expect(r.last.buttons.flat().map((b) => b.text)).toContain("🔢 Một số");

    const kinds: [string, string][] = [
      ["🔢 Một số", "Số đảng viên hiện có"],
      ["👥 Số theo đối tượng", "Kết nạp trong năm theo đối tượng"],
      ["✏️ Trả lời ngắn", "Người liên hệ"],
      ["📝 Nội dung dài", "Đánh giá chung"],
      ["📎 Tệp, ảnh", "Biên bản, nghị quyết liên quan"],
    ];
    for (const [kind, title] of kinds) {
      r = await cuc.press(kind);
      expect(r.last.text).toContain(`Câu hỏi loại "${kind}"`);
      await cuc.say(title);
    }
    await cuc.press("☑️ Chọn phương án");
    r = await cuc.say("Chi bộ đã xây dựng kế hoạch phát triển đảng viên chưa?");
    expect(r.last.text).toContain("mỗi phương án một dòng");
    // One option is no choice: refused, asked again.
    r = await cuc.say("Đã xây dựng");
    expect(r.texts[0]).toBe("Cần ít nhất hai phương án, mỗi phương án một dòng (một phương án thì không có gì để chọn). Xin gõ lại.");
    expect(r.last.text).toContain("mỗi phương án một dòng");
    r = await cuc.say("- Đã xây dựng\n- Chưa xây dựng");
    expect(r.last.text).toContain("6. Chi bộ đã xây dựng kế hoạch phát triển đảng viên chưa? (☑️ Chọn phương án: Đã xây dựng / Chưa xây dựng)");

    const summary = (await cuc.press("✅ Xong")).last;
    expect(summary.text).toContain("📋 Yêu cầu: Báo cáo nhanh tháng 12");
    expect(summary.text).toContain(`Gửi tới: các chi bộ của ${SGD} (3 chi bộ)`);
    expect(summary.text).toContain("Hạn trả lời: 17:00 15/12/2026");
    expect(summary.text).toContain("Câu hỏi (6):\n1. Số đảng viên hiện có (🔢 Một số)\n2. Kết nạp trong năm theo đối tượng (👥 Số theo đối tượng)");
    expect(summary.buttons.flat().map((b) => b.text)).toEqual(["✅ Gửi yêu cầu", "✏️ Sửa một mục", "❌ Hủy"]);
    expect(await h.app.db.infoRequest.count()).toBe(0);

    r = await cuc.press("✅ Gửi yêu cầu");
    expect(r.texts).toEqual([
      '✅ Đã gửi yêu cầu "Báo cáo nhanh tháng 12" tới 2/3 chi bộ, hạn trả lời 17:00 15/12/2026.\n' +
        "⚠️ 1 chi bộ chưa có bí thư (hay phó bí thư được ủy quyền) trên bot nên chưa nhận được: Chi bộ C. Mời bí thư bằng /moi, rồi sửa yêu cầu để gửi lại.",
    ]);
    const stored = await lastRequest();
    expect(stored).toMatchObject({ title: "Báo cáo nhanh tháng 12", dueOn: "2026-12-15", dueTime: "17:00", revision: 1, status: "OPEN", template: null });
    expect(stored.targets.map((t) => t.unit.code).sort()).toEqual(["CB-A", "CB-B", "CB-C"]);
    const questions = JSON.parse(stored.questions) as { id: string; kind: string; options?: string[] }[];
    expect(questions.map((q) => [q.id, q.kind])).toEqual([
      ["q1", QuestionKind.NUMBER],
      ["q2", QuestionKind.COHORTS],
      ["q3", QuestionKind.SHORT_TEXT],
      ["q4", QuestionKind.LONG_TEXT],
      ["q5", QuestionKind.FILES],
      ["q6", QuestionKind.CHOICE],
    ]);
    expect(questions[5]!.options).toEqual(["Đã xây dựng", "Chưa xây dựng"]);

    await h.app.scheduler.kick();
    for (const [secretary, branch] of [[an, "Chi bộ A"], [binh, "Chi bộ B"]] as const) {
      const [m, ...more] = requestsTo(secretary);
      expect(more).toHaveLength(0);
      expect(m!.text).toBe(
        [
          "📋 Yêu cầu báo cáo: Báo cáo nhanh tháng 12",
          `Người yêu cầu: Cúc Đỗ, cấp ủy viên ${SGD}`,
          `Chi bộ trả lời: ${branch}`,
          "Nội dung: 6 câu hỏi",
          "Hạn trả lời: 17:00 15/12/2026",
        ].join("\n"),
      );
      expect(m!.buttons.flat().map((b) => [b.text, b.callback_data])).toEqual([["✍️ Trả lời", requestButtonData({ kind: "answer", requestId: stored.id, revision: 1 })]]);
    }
    expect(requestsTo(xuan)).toHaveLength(0);
    expect(requestsTo(cuc)).toHaveLength(0);
    // Sent once: another round of the queue sends nothing more.
    await h.app.scheduler.kick();
    expect(requestsTo(an)).toHaveLength(1);
  });

  test("cancel at the summary stores nothing", async () => {
    const before = await h.app.db.infoRequest.count();
    await cuc.say("/yeucau moi");
    await cuc.press("📄 Yêu cầu trống");
    const long = await cuc.say("Báo cáo ".repeat(26));
    expect(long.texts[0]).toBe("Nội dung dài 207 ký tự, vượt quá giới hạn 200 ký tự. Xin rút gọn rồi gửi lại; phần đã nhập trước đó vẫn được giữ.");
    expect(long.last.text).toContain("Tên của yêu cầu");
    await cuc.say("Thử");
    await cuc.press(`${SGD} (3 chi bộ)`);
    await cuc.say("20/12/2026");
    await cuc.press("🔢 Một số");
    await cuc.say("Số quần chúng ưu tú");
    await cuc.press("✅ Xong");
    expect((await cuc.press("❌ Hủy")).texts).toEqual(["Đã hủy, yêu cầu chưa được gửi và không có gì được lưu."]);
    expect(await h.app.db.infoRequest.count()).toBe(before);
  });
});

describe("the template and copies", () => {
  test("the outline's template: the start year asked (future and too old refused), its twelve questions, sent to the deputy when the secretary has handed over", async () => {
    const deputy = await join(8714, "Bảo", "Trần", "CB-B", "phobithu");
    expect((await binh.say("/uyquyen")).last.text).toContain("phó bí thư");
    await cuc.say("/yeucau moi");
    let r = await cuc.press("📑 Mẫu: Báo cáo chuyên đề tạo nguồn phát triển đảng viên");
    expect(r.last.text).toContain("tính từ năm nào? Mặc định 2020");
    r = await cuc.say("2030");
    expect(r.texts[0]).toBe("Năm này chưa đến. Xin gõ năm hiện tại hoặc một năm trước đó.");
    r = await cuc.say("1990");
    expect(r.texts[0]).toContain("trước năm 2000");
    r = await cuc.say("hai nghìn");
    expect(r.texts[0]).toBe("Xin gõ một năm có bốn chữ số, ví dụ 2020.");
    await cuc.say("2021");
    await cuc.press("Giữ tên này");
    await cuc.press(`${SGD} (3 chi bộ)`);
    const summary = (await cuc.say("15/12")).last.text;
    expect(summary).toContain("📋 Yêu cầu: Báo cáo chuyên đề công tác tạo nguồn phát triển đảng viên trong đội ngũ giáo viên, giảng viên, học sinh, sinh viên");
    expect(summary).toContain("Hạn trả lời: 15/12/2026");
    expect(summary).toContain("Số liệu điền sẵn tính từ năm 2021");
    expect(summary).toContain("Câu hỏi (12):\n1. I.1. Đặc điểm tình hình đơn vị: tình hình đội ngũ học sinh, sinh viên (📝 Nội dung dài)");
    expect(summary).toContain("8. Kết nạp đảng viên theo đối tượng từ năm 2021 đến nay (👥 Số theo đối tượng)");
    expect(summary).toContain("12. III.2. Đề xuất, kiến nghị (📝 Nội dung dài)");
    await cuc.press("✅ Gửi yêu cầu");
    const stored = await lastRequest();
    expect(stored).toMatchObject({ template: "tao-nguon", prefillFromYear: 2021, dueOn: "2026-12-15", dueTime: null });
    const questions = JSON.parse(stored.questions) as { section?: string; kind: string; prefill?: string }[];
    expect(questions.filter((q) => q.section).map((q) => q.section)).toEqual(["I.1", "I.2", "II.1", "II.2", "II.3", "II.4", "II.5", "III.1", "III.2"]);
    expect(questions.filter((q) => q.prefill).map((q) => [q.kind, q.prefill])).toEqual([
      [QuestionKind.NUMBER, PrefillKey.MEMBERS_NOW],
      [QuestionKind.COHORTS, PrefillKey.CANDIDATES_NOW],
      [QuestionKind.COHORTS, PrefillKey.ADMITTED_SINCE],
    ]);
    await h.app.scheduler.kick();
    // CB-B's secretary has handed over: the deputy on duty receives it, the secretary does not.
    expect(requestsTo(deputy).map((m) => m.text.split("\n")[0])).toEqual(["📋 Yêu cầu báo cáo: Báo cáo chuyên đề công tác tạo nguồn phát triển đảng viên trong đội ngũ giáo viên, giảng viên, học sinh, sinh viên"]);
    expect(requestsTo(binh)).toHaveLength(1);
    expect(requestsTo(an)).toHaveLength(2);
  });

  test("copy and change: a previous request's title and questions, one question removed, the original untouched", async () => {
    const original = await h.app.db.infoRequest.findFirstOrThrow({ where: { title: "Báo cáo nhanh tháng 12" } });
    await cuc.say("/yeucau moi");
    await cuc.press("📋 Sao chép một yêu cầu trước");
    let r = await cuc.press(/^Báo cáo nhanh tháng 12/);
    expect(r.last.text).toContain("Tên của yêu cầu");
    await cuc.say("Báo cáo nhanh tháng 01/2027");
    await cuc.say("CB-A");
    r = await cuc.say("10/01/2027");
    expect(r.last.text).toContain("Gửi tới: các chi bộ của Chi bộ A (1 chi bộ)");
    expect(r.last.text).toContain("Câu hỏi (6):");
    await cuc.press("✏️ Sửa một mục");
    await cuc.press("Câu hỏi");
    await cuc.press("🗑 Bỏ một câu hỏi");
    r = await cuc.press("1");
    expect(r.last.text).toContain("Câu hỏi (5):\n1. Kết nạp trong năm theo đối tượng");
    await cuc.press("✅ Xong");
    expect((await cuc.press("✅ Gửi yêu cầu")).texts).toEqual(['✅ Đã gửi yêu cầu "Báo cáo nhanh tháng 01/2027" tới 1/1 chi bộ, hạn trả lời 10/01/2027.']);
    const copy = await lastRequest();
    expect(copy.targets.map((t) => t.unit.code)).toEqual(["CB-A"]);
    expect((JSON.parse(copy.questions) as { id: string }[]).map((q) => q.id)).toEqual(["q2", "q3", "q4", "q5", "q6"]);
    expect(await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: original.id } })).toEqual(original);
  });
});

describe("changing a sent request", () => {
  test("the creator's change is a new revision, delivered with a new button; the old revision is not sent any more", async () => {
    const request = await h.app.db.infoRequest.findFirstOrThrow({ where: { title: "Báo cáo nhanh tháng 12" } });
    let r = await pressData(cuc, requestButtonData({ kind: "edit", requestId: request.id }));
    expect(r.last.text).toContain("✏️ Sửa yêu cầu: Báo cáo nhanh tháng 12 (lần sửa 2)");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["✅ Gửi bản sửa", "✏️ Sửa một mục", "❌ Hủy"]);
    await cuc.press("✏️ Sửa một mục");
    r = await cuc.press("Hạn trả lời");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual(["Giữ hạn 17:00 15/12/2026"]);
    r = await cuc.say("30/11/2026");
    expect(r.texts[0]).toBe("Hạn này đã qua. Xin chọn một ngày (và giờ) sắp tới.");
    r = await cuc.say("20/12/2026");
    expect(r.last.text).toContain("Hạn trả lời: 20/12/2026");
    expect((await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: request.id } })).revision).toBe(1);
    r = await cuc.press("✅ Gửi bản sửa");
    expect(r.texts[0]!.split("\n")[0]).toBe('✅ Đã gửi bản sửa (lần sửa 2) của yêu cầu "Báo cáo nhanh tháng 12" tới 2/3 chi bộ, hạn trả lời 20/12/2026. Nút trả lời của bản cũ không còn dùng được.');
    expect(await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ revision: 2, dueOn: "2026-12-20", dueTime: null });
    await h.app.scheduler.kick();
    const changed = requestsTo(an).at(-1)!;
    expect(changed.text.split("\n")).toEqual([
      "✏️ Yêu cầu báo cáo đã được sửa (lần sửa 2): Báo cáo nhanh tháng 12",
      `Người yêu cầu: Cúc Đỗ, cấp ủy viên ${SGD}`,
      "Chi bộ trả lời: Chi bộ A",
      "Nội dung: 6 câu hỏi",
      "Hạn trả lời: 20/12/2026",
    ]);
    expect(changed.buttons.flat()[0]!.callback_data).toBe(requestButtonData({ kind: "answer", requestId: request.id, revision: 2 }));

    // Revision 1's deliveries, had they still been waiting (Telegram down), are not sent now: it is no longer current.
    const count = requestsTo(an).length;
    const waiting = await h.app.db.delivery.updateMany({ where: { occasion: `request:${request.id}:r1` }, data: { status: "PENDING", sentParts: 0 } });
    expect(waiting.count).toBe(2);
    await h.app.scheduler.kick();
    expect(requestsTo(an)).toHaveLength(count);
    expect((await h.app.db.delivery.findMany({ where: { occasion: `request:${request.id}:r1` } })).map((d) => d.status)).toEqual(["SKIPPED", "SKIPPED"]);
  });

  test("another committee member may not change it; an administrator may, and cancelling keeps it as it was", async () => {
    const request = await h.app.db.infoRequest.findFirstOrThrow({ where: { title: "Báo cáo nhanh tháng 12" } });
    expect((await pressData(dao, requestButtonData({ kind: "edit", requestId: request.id }))).texts).toEqual(["Chỉ người tạo yêu cầu (hoặc quản trị viên) mới sửa được yêu cầu này."]);
    expect((await pressData(an, requestButtonData({ kind: "edit", requestId: request.id }))).texts).toEqual(["Chỉ người tạo yêu cầu (hoặc quản trị viên) mới sửa được yêu cầu này."]);
    const r = await pressData(admin, requestButtonData({ kind: "edit", requestId: request.id }));
    expect(r.last.text).toContain("(lần sửa 3)");
    expect((await admin.press("❌ Hủy")).texts).toEqual(["Đã hủy, yêu cầu giữ nguyên như trước."]);
    expect((await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: request.id } })).revision).toBe(2);
  });

  test("a closed request cannot be changed, and its queued deliveries are not sent", async () => {
    const request = await h.app.db.infoRequest.findFirstOrThrow({ where: { title: "Báo cáo nhanh tháng 01/2027" } });
    await h.app.db.infoRequest.update({ where: { id: request.id }, data: { status: "CLOSED", closedAt: h.clock.now() } });
    expect((await pressData(cuc, requestButtonData({ kind: "edit", requestId: request.id }))).texts).toEqual(["Yêu cầu này đã đóng, nên không sửa được nữa."]);
    const count = requestsTo(an).length;
    await h.app.db.delivery.updateMany({ where: { occasion: `request:${request.id}:r1` }, data: { status: "PENDING", sentParts: 0 } });
    await h.app.scheduler.kick();
    expect(requestsTo(an)).toHaveLength(count);
  });

  test("a forged or unknown button: the stale toast, or a clear answer; nothing changes", async () => {
    // A forged answer button ("yc:tl:…") is the answer form's to refuse (test/e2e/request-answer.test.ts).
    for (const data of ["yc:sua:0", "yc:sua:abc", "yc:zz:1"]) {
      const r = await pressData(cuc, data);
      expect(r.toasts, data).toEqual(["Nút này thuộc một biểu mẫu đã đóng. Gõ lại lệnh để bắt đầu lại; /trogiup liệt kê các lệnh của đồng chí."]);
      expect(r.texts, data).toEqual([]);
    }
    expect((await pressData(cuc, requestButtonData({ kind: "edit", requestId: 999_999 }))).texts).toEqual(["Không tìm thấy yêu cầu này. Gõ /yeucau để xem lại."]);
    expect((await pressData(cuc, requestButtonData({ kind: "copy", requestId: 999_999 }))).texts[0]).toBe("Không tìm thấy yêu cầu này trong phạm vi của đồng chí, nên bắt đầu từ yêu cầu trống.");
    await cuc.say("/huy");
  });
});

describe("an administrator, and a due date that passed", () => {
  test("an administrator asks any unit's branches: the top units that have branches offered, another tree's unit typed, one without branches refused", async () => {
    expect((await admin.say("/themdonvi DU-TRONG - Đảng ủy chưa có chi bộ")).last.text).toContain("Đã thêm");
    await admin.say("/yeucau moi");
    await admin.press("📄 Yêu cầu trống");
    const r = await admin.say("Danh sách cấp ủy viên");
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual([`${SGD} (3 chi bộ)`, "Đảng ủy X (1 chi bộ)"]);
    const empty = await admin.say("DU-TRONG");
    expect(empty.texts[0]).toBe("Đảng ủy chưa có chi bộ chưa có chi bộ nào trực thuộc, nên không có ai nhận yêu cầu. Xin chọn đơn vị khác.");
    await admin.say("cb-x");
    await admin.say("31/12/2026");
    await admin.press("✏️ Trả lời ngắn");
    await admin.say("Họ tên bí thư");
    await admin.press("✅ Xong");
    expect((await admin.press("✅ Gửi yêu cầu")).texts).toEqual(['✅ Đã gửi yêu cầu "Danh sách cấp ủy viên" tới 1/1 chi bộ, hạn trả lời 31/12/2026.']);
    await h.app.scheduler.kick();
    expect(requestsTo(xuan).at(-1)!.text).toContain("Chi bộ trả lời: Chi bộ X");
    expect(requestsTo(xuan).at(-1)!.text).toContain("Người yêu cầu: Quản trị, quản trị viên");
  });

  test("a change to a request whose due date has passed: the kept due date is refused, and sending asks a new one first", async () => {
    const request = await h.app.db.infoRequest.findFirstOrThrow({ where: { title: "Báo cáo nhanh tháng 12" } });
    h.clock.set("2026-12-21T08:00:00+07:00");
    await pressData(cuc, requestButtonData({ kind: "edit", requestId: request.id }));
    await cuc.press("✏️ Sửa một mục");
    await cuc.press("Hạn trả lời");
    let r = await cuc.press("Giữ hạn 20/12/2026");
    expect(r.texts[0]).toBe("Hạn này đã qua. Xin chọn một ngày (và giờ) sắp tới.");
    expect(r.last.text).toContain("Hạn trả lời?");
    await cuc.say("28/12/2026");
    r = await cuc.press("✅ Gửi bản sửa");
    expect(r.texts[0]).toContain("(lần sửa 3)");
    expect(await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: request.id } })).toMatchObject({ revision: 3, dueOn: "2026-12-28" });

    const template = await h.app.db.infoRequest.findFirstOrThrow({ where: { template: "tao-nguon" } });
    await pressData(cuc, requestButtonData({ kind: "edit", requestId: template.id }));
    r = await cuc.press("✅ Gửi bản sửa");
    expect(r.texts[0]).toBe("⚠️ Hạn trả lời 15/12/2026 đã qua, nên chưa gửi được. Xin chọn hạn mới.");
    expect(r.last.text).toContain("Hạn trả lời?");
    expect((await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: template.id } })).revision).toBe(1);
    await cuc.say("30/12/2026");
    expect((await cuc.press("✅ Gửi bản sửa")).texts[0]).toContain("(lần sửa 2)");
    expect(await h.app.db.infoRequest.findUniqueOrThrow({ where: { id: template.id } })).toMatchObject({ revision: 2, dueOn: "2026-12-30" });
  });
});
