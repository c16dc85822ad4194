// Issue 12, point 16: the words of the party documents. The removal count split into the four kinds
// a document counts (xóa tên, khai trừ, xin ra khỏi Đảng, từ trần) goes from the form to the review
// card, the digest and the workbook; a report sent before the split keeps its total as "chưa phân
// loại"; a digest leaves out its zero lines; an export caption writes its month "tháng 11/2026"; and
// a form left open by an older version of the bot is closed with a word instead of "not understood".
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { providerOf } from "../../src/db/client.js";
import { FORM_STATE_VERSION } from "../../src/bot/create-bot.js";
import { emptyFigures } from "../../src/domain/report.js";
import { rebuildBranchMonths } from "../../src/store/branch-months.js";
import { Harness, type TestUser } from "../support/harness.js";
import { Reviewer } from "../support/review-setup.js";
import { branchWithSecretary, buildTree, fillReport, freshSecretary } from "../support/scenario.js";

const REASON = "2 đồng chí bỏ sinh hoạt đảng; 1 vi phạm tư cách; 1 đồng chí từ trần";
/** October: 3 admitted (1 teacher, 2 pupils), 4 left the rolls: 2 struck off, 1 expelled, none resigned, so 1 died. */
const OCTOBER = ["12", "3", "2", "3", "1", "2", "1", "4", "2", "1", "0", REASON, "0", "1", { press: "Bỏ qua" }];

let h: Harness;
let admin: TestUser;
let reviewer: Reviewer;
let lan: TestUser;
let binh: TestUser;

beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  admin = await buildTree(h, [
    { code: "CB-A", name: "Chi bộ A" },
    { code: "CB-B", name: "Chi bộ B" },
  ]);
  // Only the pupils have a quota: the other cohorts' lines say something only once someone is admitted.
  await admin.say("/chitieu CB-A 2026 4 hocsinh");
  reviewer = await Reviewer.invite(h, "DU-SGD");
  lan = await branchWithSecretary(h, 7601, "Lan", "CB-A");
  binh = await branchWithSecretary(h, 7602, "Bình", "CB-B");
});
afterAll(async () => h?.stop());

describe("the four kinds of removal", () => {
  test("are asked like the cohorts, a total first, and reach the summary, the stored report and the review card", async () => {
    await lan.say("/baocao");
    let r = await lan.press("Tháng 10/2026");
    for (const a of OCTOBER.slice(0, 7)) r = typeof a === "string" ? await lan.say(a) : await lan.press(a.press);
    expect(r.last.text).toBe("Số đảng viên giảm trong tháng (xóa tên, khai trừ, xin ra khỏi Đảng, từ trần)?");
    r = await lan.say("4");
    expect(r.last.text).toBe("Trong 4 đảng viên giảm, bao nhiêu bị xóa tên? (còn 4 chưa phân loại)");
    // More than the total is refused with the reason, and asked again.
    r = await lan.say("5");
    expect(r.texts[0]).toBe("Chỉ còn 4 người chưa phân loại trong tổng số 4 đảng viên giảm. Xin nhập số từ 0 đến 4, hoặc sửa tổng số ở bước tóm tắt.");
    expect(r.last.text).toBe("Trong 4 đảng viên giảm, bao nhiêu bị xóa tên? (còn 4 chưa phân loại)");
    r = await lan.say("2");
    expect(r.last.text).toBe("Bao nhiêu bị khai trừ? (còn 2 chưa phân loại)");
    r = await lan.say("1");
    expect(r.last.text).toBe("Bao nhiêu xin ra khỏi Đảng? (còn 1 chưa phân loại; số còn lại sẽ tính là từ trần)");
    r = await lan.say("0");
    expect(r.last.text).toMatch(/^Lý do các trường hợp giảm trên/);
    for (const a of OCTOBER.slice(11)) r = typeof a === "string" ? await lan.say(a) : await lan.press(a.press);
    const line = `6. Đảng viên giảm: 4 (xóa tên 2, khai trừ 1, xin ra khỏi Đảng 0, từ trần 1) (lý do: ${REASON})`;
    expect(r.last.text).toContain(line);
    await lan.press("✅ Gửi báo cáo");

    const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: "CB-A" } });
    const stored = await h.app.db.report.findFirstOrThrow({ where: { unitId: unit.id, supersededAt: null } });
    expect(stored).toMatchObject({ removedStruckOff: 2, removedExpelled: 1, removedResigned: 0, removedDied: 1, removedUnclassified: 0, removedReason: REASON });

    await h.app.scheduler.kick();
    const card = h.fake.messagesTo(reviewer.person.id).filter((m) => m.text.startsWith("🔎") && m.text.includes("Chi bộ A")).at(-1)!;
    expect(card.text).toContain(line);
  });

  test("a second version's card names each kind that changed", async () => {
    await lan.say("/baocao");
    await lan.press("Tháng 10/2026");
    await lan.press("✏️ Sửa một mục");
    await lan.press("6. Đảng viên giảm");
    // Now 1 struck off and 3 died: the reason is asked again.
    for (const a of ["4", "1", "0", "0", "1 đồng chí bỏ sinh hoạt đảng; 3 đồng chí từ trần"]) await lan.say(a);
    await lan.press("✅ Gửi báo cáo");
    await h.app.scheduler.kick();
    const card = h.fake.messagesTo(reviewer.person.id).filter((m) => m.text.startsWith("🔎") && m.text.includes("Chi bộ A (phiên bản 2)")).at(-1)!;
    expect(card.text).toContain("• Xóa tên: 2 → 1");
    expect(card.text).toContain("• Khai trừ: 1 → 0");
    expect(card.text).toContain("• Từ trần: 1 → 3");
    expect(card.text).not.toContain("• Xin ra khỏi Đảng");
    await reviewer.approve("CB-A", { year: 2026, month: 10 });
  });

  test("the digest names the kinds there were, and the workbook has a column for each", async () => {
    const text = (await admin.say("/tonghop DU-SGD 10/2026")).texts.join("\n");
    expect(text).toContain("🚪 Đảng viên giảm trong tháng: 4 (xóa tên 1, từ trần 3)");

    const x = await admin.say("/xuat DU-SGD 10/2026");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(h.fake.uploads.get(String(x.last.document).replace(/^upload:/, ""))! as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet("Báo cáo tháng")!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const row = sheet.getRow(2);
    const cell = (name: string) => row.getCell(header.indexOf(name) + 1).value;
    expect(row.getCell(header.indexOf("Mã chi bộ") + 1).value).toBe("CB-A");
    expect(["Xóa tên", "Khai trừ", "Xin ra khỏi Đảng", "Từ trần", "Giảm, chưa phân loại (báo cáo cũ)", "Tổng đảng viên giảm"].map(cell)).toEqual([1, 0, 0, 3, 0, 4]);
    expect(cell("Lý do các trường hợp giảm")).toBe("1 đồng chí bỏ sinh hoạt đảng; 3 đồng chí từ trần");
  });

  test("a report sent before the split keeps its single count as 'chưa phân loại', in the digest and when it is amended", async () => {
    // As migration 20261203030000_removal_kinds leaves a September report that said "2 xóa tên hoặc khai trừ".
    const unit = await h.app.db.unit.findUniqueOrThrow({ where: { code: "CB-B" } });
    const user = await h.app.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(binh.id) } });
    await h.app.db.report.create({
      data: {
        ...emptyFigures(),
        unitId: unit.id, year: 2026, month: 9, version: 1, candidates: 5,
        removedUnclassified: 2, removedReason: "Chuyển công tác không chuyển sinh hoạt",
        late: false, submittedById: user.id, submittedAt: new Date("2026-10-03T02:00:00Z"), reviewState: "APPROVED",
      },
    });
    await rebuildBranchMonths(h.app.db, providerOf(h.app.db));
    const text = (await admin.say("/tonghop DU-SGD 9/2026")).texts.join("\n");
    expect(text).toContain("🚪 Đảng viên giảm trong tháng: 2 (chưa phân loại 2)");

    // Amending another group keeps it; answering the removals again replaces it.
    await binh.say("/baocao 09/2026");
    await binh.press("✏️ Sửa một mục");
    await binh.press("1. Quần chúng ưu tú");
    let r = await binh.say("6");
    expect(r.last.text).toContain("6. Đảng viên giảm: 2 (xóa tên 0, khai trừ 0, xin ra khỏi Đảng 0, từ trần 0; chưa phân loại 2: số gửi trước khi tách bốn loại) (lý do: Chuyển công tác không chuyển sinh hoạt)");
    await binh.press("✏️ Sửa một mục");
    await binh.press("6. Đảng viên giảm");
    for (const a of ["2", "2", "Bỏ sinh hoạt đảng khi chuyển công tác"]) r = await binh.say(a);
    expect(r.last.text).toContain("6. Đảng viên giảm: 2 (xóa tên 2, khai trừ 0, xin ra khỏi Đảng 0, từ trần 0) (lý do: Bỏ sinh hoạt đảng khi chuyển công tác)");
    await binh.press("✅ Gửi báo cáo");
    const current = await h.app.db.report.findFirstOrThrow({ where: { unitId: unit.id, month: 9, supersededAt: null } });
    expect(current).toMatchObject({ version: 2, removedStruckOff: 2, removedUnclassified: 0, candidates: 6 });
  });
});

describe("a digest says what there is", () => {
  test("no '(0 muộn)', no review state at 0, no cohort without a quota and nobody admitted, no removal line when nobody left", async () => {
    // A tree of its own: one branch, on time, approved, nobody admitted, nobody leaving.
    await admin.say("/themdonvi DU-Z - Đảng ủy Z");
    await admin.say("/themchibo CB-Z DU-Z Chi bộ Z");
    const hoa = await branchWithSecretary(h, 7603, "Hoa", "CB-Z");
    const committee = await Reviewer.invite(h, "DU-Z", 8901);
    const r = await fillReport(hoa, "Tháng 10/2026", ["7", "1", "1", "0", "0", "0", "0", "0", { press: "Bỏ qua" }]);
    expect(r.last.text).toContain("6. Đảng viên giảm: 0 (xóa tên 0, khai trừ 0, xin ra khỏi Đảng 0, từ trần 0)\n");
    await hoa.press("✅ Gửi báo cáo");
    await committee.approve("CB-Z", { year: 2026, month: 10 });
    const text = (await admin.say("/tonghop DU-Z 10/2026")).texts.join("\n");
    expect(text).toContain("📨 Báo cáo: 1/1 chi bộ đã gửi\n  Duyệt: 1 đã duyệt\n");
    expect(text).not.toContain("muộn");
    expect(text).not.toMatch(/\b0 (chờ duyệt|trả lại|đính chính)/);
    expect(text).toContain("Lũy kế từ đầu năm 0 (chưa giao chỉ tiêu)");
    expect(text).not.toContain("  · ");
    expect(text).not.toContain("Đảng viên giảm");
  });

  test("a cohort line stays when it has a quota or someone admitted", async () => {
    // The first tree: CB-A has a quota for pupils only and admitted a teacher.
    const text = (await admin.say("/tonghop DU-SGD 10/2026")).texts.join("\n");
    expect(text).toContain("  · Học sinh: 2/4, đạt 50% chỉ tiêu ▓▓▓▓▓░░░░░");
    expect(text).toContain("  · Giáo viên, giảng viên: 1 (chưa giao chỉ tiêu)");
    expect(text).not.toContain("· Sinh viên");
    expect(text).not.toContain("· Khác");
  });
});

describe("months read tháng 11/2026", () => {
  test("in an export's caption, a year as năm 2026; the file name keeps 2026-11", async () => {
    let r = await admin.say("/xuat DU-SGD 11/2026");
    expect(r.last.text).toMatch(/^📎 Số liệu của Đảng ủy Sở Giáo dục và Đào tạo, tháng 11\/2026: /);
    expect(String(r.last.document)).toMatch(/2026-11\.xlsx$/);
    r = await admin.say("/xuat DU-SGD 2026");
    expect(r.last.text).toMatch(/^📎 Số liệu của Đảng ủy Sở Giáo dục và Đào tạo, năm 2026: /);
  });
});

describe("a form left open by an older version of the bot", () => {
  test("is closed with a word on the next answer or button, once; the command starts it again", async () => {
    const { secretary: s } = await freshSecretary(h, "Mai");
    await s.say("/baocao");
    await s.press("Tháng 10/2026");
    await s.say("15");
    // What the form's saved state looks like after the bot was updated with other questions.
    const row = await h.app.db.conversationState.findUniqueOrThrow({ where: { key: String(s.id) } });
    expect(row.value).toContain(`"version":[0,${FORM_STATE_VERSION}]`);
    await h.app.db.conversationState.update({
      where: { key: row.key },
      data: { value: row.value.replace(`"version":[0,${FORM_STATE_VERSION}]`, `"version":[0,${FORM_STATE_VERSION - 1}]`) },
    });
    const closed =
      "Trợ lý vừa được cập nhật, các câu hỏi đã thay đổi, nên biểu mẫu đồng chí đang điền dở đã đóng; những câu đã trả lời trong đó chưa được lưu. Xin đồng chí gõ lại lệnh (ví dụ /baocao) để điền lại từ đầu.";
    let r = await s.say("4");
    expect(r.texts).toEqual([closed]);
    expect(await h.app.db.conversationState.count({ where: { key: String(s.id) } })).toBe(0);
    // Said once: what follows is an ordinary message again.
    r = await s.say("4");
    expect(r.texts).toEqual(["Trợ lý chưa hiểu ý đồng chí. Gõ /trogiup để xem các lệnh."]);
    r = await s.say("/baocao");
    expect(r.last.text).toBe("Báo cáo tháng nào? Bấm nút hoặc gõ tháng/năm, ví dụ 10/2026.");
  });

  test("a button of that form gets the same word", async () => {
    const { secretary: s } = await freshSecretary(h, "Cúc");
    await s.say("/baocao");
    await s.press("Tháng 10/2026");
    const row = await h.app.db.conversationState.findUniqueOrThrow({ where: { key: String(s.id) } });
    await h.app.db.conversationState.update({
      where: { key: row.key },
      data: { value: row.value.replace(`"version":[0,${FORM_STATE_VERSION}]`, `"version":[0,${FORM_STATE_VERSION - 1}]`) },
    });
    const r = await s.press("0");
    expect(r.last.text).toMatch(/^Trợ lý vừa được cập nhật, các câu hỏi đã thay đổi/);
  });
});
