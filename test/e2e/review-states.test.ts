// Review states in /tonghop and /xuat, and /tinhtong, the committee's choice of what totals count.
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness, type Replies, type TestUser } from "../support/harness.js";
import { Reviewer } from "../support/review-setup.js";
import { branchWithSecretary, buildTree, fillReport, inviteLink, recordRegularMeeting, TYPICAL_ANSWERS } from "../support/scenario.js";

const OCT = { year: 2026, month: 10 };
const ROOT = "Đảng ủy Sở Giáo dục và Đào tạo";
const REASON = "Bổ sung quần chúng ưu tú mới giới thiệu";

let h: Harness;
let admin: TestUser;
let member: TestUser;
let secretary: TestUser;
/** The secretary of each branch that reported. */
const secretaries = new Map<string, TestUser>();

async function file(s: TestUser) {
  await fillReport(s, "Tháng 10/2026", TYPICAL_ANSWERS);
  expect((await s.press("✅ Gửi báo cáo")).last.text).toContain("✅ Đã nhận báo cáo");
}

async function joinAsCommittee(id: number, name: string, unit: string): Promise<TestUser> {
  const user = h.user(id, name);
  await user.say(`/start ${await inviteLink(admin, unit)}`);
  return user;
}

const textOf = (r: Replies) => r.texts.join("\n");
const totalsSettings = () => h.app.db.setting.findMany({ where: { key: { startsWith: "totals." } } });
/** Clean-up: no unit has chosen, so the next test sees the default (no command removes a choice). */
const backToDefault = () => h.app.db.setting.deleteMany({ where: { key: { startsWith: "totals." } } });

// Five branches of one committee, one per state, each report 12 candidates and 3 admitted (1 teacher, 2 pupils).
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00" });
  admin = await buildTree(h, [
    { code: "CB-DD", name: "Chi bộ Đã duyệt" },
    { code: "CB-CD", name: "Chi bộ Chờ duyệt" },
    { code: "CB-TL", name: "Chi bộ Trả lại" },
    { code: "CB-SM", name: "Chi bộ Sửa muộn" },
    { code: "CB-CG", name: "Chi bộ Chưa gửi" },
  ]);
  expect((await admin.say("/themdonvi DB-CON DU-SGD Đảng bộ con")).last.text).toContain("Đã thêm");
  expect((await admin.say("/themdonvi DU-KHAC - Đảng ủy khác")).last.text).toContain("Đã thêm");
  await admin.say("/chitieu CB-DD 2026 10");
  const reviewer = await Reviewer.invite(h, "DU-SGD");
  let id = 8100;
  for (const code of ["CB-DD", "CB-CD", "CB-TL", "CB-SM"]) {
    const s = await branchWithSecretary(h, id++, `Bí thư ${code}`, code);
    await file(s);
    secretaries.set(code, s);
  }
  secretary = secretaries.get("CB-SM")!;
  await reviewer.approve("CB-DD", OCT);
  await reviewer.return("CB-TL", OCT);

  // CB-SM's report is approved and October closed for it; then it raises its candidates to 30.
  await reviewer.approve("CB-SM", OCT);
  // A month is closed once its deadline (05/11) has passed; the clock then goes back to 03/11 so that
  // the figures below keep every report on time.
  h.clock.set("2026-11-06T09:00:00+07:00");
  expect((await admin.say("/khoaso 10/2026 CB-SM")).last.text).toContain("🔒 Đã khóa sổ tháng 10/2026");
  h.clock.set("2026-11-03T09:00:00+07:00");
  await secretary.say("/baocao");
  await secretary.press("Tháng 10/2026");
  await secretary.press("✏️ Sửa một mục");
  await secretary.press("1. Quần chúng ưu tú");
  await secretary.say("30");
  await secretary.press("✅ Gửi báo cáo");
  expect((await secretary.say(REASON)).last.text).toContain("đính chính sau khóa sổ");

  member = await joinAsCommittee(8200, "Uỷ viên", "DU-SGD");
}, 60_000);
afterAll(async () => h?.stop());

describe("/tonghop", () => {
  test("shows the review states and, by default, totals from approved reports only", async () => {
    const text = textOf(await admin.say("/tonghop DU-SGD 10/2026"));
    // A report awaiting review is still received: only CB-CG is missing.
    expect(text).toContain("📨 Báo cáo: 4/5 chi bộ đã gửi\n  Duyệt: 1 đã duyệt, 1 chờ duyệt, 1 trả lại, 1 đính chính sau khóa sổ");
    expect(text).toContain("Chưa gửi (1):\n  • CB-CG: Chi bộ Chưa gửi");
    expect(text).toContain("ℹ️ Số liệu chỉ tính báo cáo đã duyệt.\n🎯 Kết nạp trong tháng: 6");
    // CB-DD's 3 and the 3 CB-SM had approved before its correction: 6 of a quota of 10.
    expect(text).toContain("Lũy kế từ đầu năm 6/10, đạt 60% chỉ tiêu ▓▓▓▓▓▓░░░░");
    // The approved version of CB-SM says 12 candidates, not the 30 of its correction.
    expect(text).toContain("🌱 Nguồn phát triển đảng viên: quần chúng ưu tú 24,");
  });

  test("after /tinhtong <mã> tatca the totals include every submitted report, the chart's caption says so, and /nhatky records it", async () => {
    let r = await member.say("/tinhtong DU-SGD tatca");
    expect(r.last.text).toBe(`✅ Từ nay tổng hợp và tệp xuất của ${ROOT} tính cả báo cáo chưa duyệt. Đơn vị trực thuộc chưa chọn riêng cũng tính như vậy.`);
    try {
      r = await admin.say("/tonghop DU-SGD 10/2026");
      const text = textOf(r);
      expect(text).toContain("  Duyệt: 1 đã duyệt, 1 chờ duyệt, 1 trả lại, 1 đính chính sau khóa sổ");
      expect(text).toContain("ℹ️ Số liệu tính cả báo cáo chưa duyệt.\n🎯 Kết nạp trong tháng: 12");
      expect(text).toContain("Lũy kế từ đầu năm 12/10, đạt 120% chỉ tiêu ▓▓▓▓▓▓▓▓▓▓");
      expect(text).toContain("🌱 Nguồn phát triển đảng viên: quần chúng ưu tú 66,");
      expect(r.messages.find((m) => m.method === "sendPhoto")?.text).toBe(`Tiến độ kết nạp so với chỉ tiêu năm, ${ROOT}\nℹ️ Số liệu tính cả báo cáo chưa duyệt.`);

      expect((await member.say("/tinhtong DU-SGD")).last.text).toBe(
        `📐 Tổng hợp và tệp xuất của ${ROOT} tính cả báo cáo chưa duyệt (đơn vị đã chọn).\nĐổi bằng /tinhtong DU-SGD daduyet hoặc /tinhtong DU-SGD tatca.`,
      );
      // A committee below follows the nearest choice above it.
      expect((await admin.say("/tinhtong DB-CON")).last.text).toContain(`Đảng bộ con tính cả báo cáo chưa duyệt (theo lựa chọn của ${ROOT}).`);
      expect((await member.say("/tinhtong DU-SGD tất cả")).last.text).toBe(`${ROOT} đã chọn tính cả báo cáo chưa duyệt từ trước; không có gì thay đổi.`);
      expect(textOf(await admin.say("/nhatky"))).toContain(`· Uỷ viên · cách tính tổng của DU-SGD (${ROOT}): tính cả báo cáo chưa duyệt`);

      expect((await member.say("/tinhtong DU-SGD đã duyệt")).last.text).toBe(
        `✅ Từ nay tổng hợp và tệp xuất của ${ROOT} chỉ tính báo cáo đã duyệt. Đơn vị trực thuộc chưa chọn riêng cũng tính như vậy.`,
      );
      expect(textOf(await admin.say("/tonghop DU-SGD 10/2026"))).toContain("Lũy kế từ đầu năm 6/10, đạt 60% chỉ tiêu ▓▓▓▓▓▓░░░░");
    } finally {
      await backToDefault();
    }
  });

  test("a unit that never chose shows the default", async () => {
    expect((await member.say("/tinhtong DU-SGD")).last.text).toBe(
      `📐 Tổng hợp và tệp xuất của ${ROOT} chỉ tính báo cáo đã duyệt (mặc định).\nĐổi bằng /tinhtong DU-SGD daduyet hoặc /tinhtong DU-SGD tatca.`,
    );
  });
});

describe("/xuat", () => {
  async function exported(): Promise<{ wb: ExcelJS.Workbook; caption: string }> {
    const r = await admin.say("/xuat DU-SGD 10/2026");
    expect(r.last.method).toBe("sendDocument");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(h.fake.uploads.get(String(r.last.document).replace(/^upload:/, ""))! as unknown as ArrayBuffer);
    return { wb, caption: r.last.text };
  }

  /** Column values of a sheet by header, one row per branch code. */
  function byBranch(sheet: ExcelJS.Worksheet, headers: string[]): Record<string, unknown[]> {
    const head = (sheet.getRow(1).values as unknown[]).slice(1);
    const columns = headers.map((name) => head.indexOf(name));
    expect(columns).not.toContain(-1);
    const rows: Record<string, unknown[]> = {};
    for (const row of sheet.getRows(2, sheet.rowCount - 1) ?? []) {
      const values = (row.values as unknown[]).slice(1);
      rows[String(values[0])] = columns.map((c) => values[c] ?? null);
    }
    return rows;
  }

  test("the reports sheet shows each report's state, late correction and reason; progress counts approved reports", async () => {
    const { wb, caption } = await exported();
    expect(caption).toContain(`Trang "Tiến độ chỉ tiêu" chỉ tính báo cáo đã duyệt`);
    expect(byBranch(wb.getWorksheet("Báo cáo tháng")!, ["Trạng thái duyệt", "Đính chính sau khóa sổ", "Lý do đính chính", "Quần chúng ưu tú (nguồn phát triển đảng viên)"])).toEqual({
      "CB-DD": ["Đã duyệt", "Không", null, 12],
      "CB-CD": ["Chờ duyệt", "Không", null, 12],
      "CB-TL": ["Trả lại", "Không", null, 12],
      "CB-SM": ["Đính chính sau khóa sổ, chờ duyệt", "Có", REASON, 30],
    });
    expect(byBranch(wb.getWorksheet("Tiến độ chỉ tiêu")!, ["Đã kết nạp"])).toEqual({
      "CB-DD": [3],
      "CB-CD": [0],
      "CB-TL": [0],
      "CB-SM": [3],
      "CB-CG": [0],
    });
  });

  test("with every submitted report counted, the progress sheet follows", async () => {
    await member.say("/tinhtong DU-SGD tatca");
    try {
      const { wb, caption } = await exported();
      expect(caption).toContain(`Trang "Tiến độ chỉ tiêu" tính cả báo cáo chưa duyệt`);
      expect(byBranch(wb.getWorksheet("Tiến độ chỉ tiêu")!, ["Đã kết nạp"])["CB-CD"]).toEqual([3]);
    } finally {
      await backToDefault();
    }
  });

  test("the minutes sheet shows each record's state", async () => {
    const s = await branchWithSecretary(h, 8300, "Bí thư biên bản", "CB-CG");
    expect((await recordRegularMeeting(s, "20/10/2026")).last.text).toContain("Đã nhận biên bản");
    const { wb } = await exported();
    expect(byBranch(wb.getWorksheet("Sinh hoạt chi bộ")!, ["Trạng thái duyệt"])).toEqual({ "CB-CG": ["Chờ duyệt"] });
  });
});

test("/tiendo shows a secretary each month's review state, month by month behind its button", async () => {
  const monthByMonth = async (s: TestUser) => {
    await s.say("/tiendo");
    return textOf(await s.press("📋 Xem từng tháng"));
  };
  expect(await monthByMonth(secretary)).toContain("Tháng 10/2026: ✅ đã báo cáo, kết nạp 3 · đính chính sau khóa sổ, chờ duyệt");
  expect(await monthByMonth(secretaries.get("CB-DD")!)).toContain("Tháng 10/2026: ✅ đã báo cáo, kết nạp 3 · đã duyệt");
  expect(await monthByMonth(secretaries.get("CB-TL")!)).toContain("Tháng 10/2026: ✅ đã báo cáo, kết nạp 3 · bị trả lại");
});

describe("/tinhtong refuses bad input and changes nothing", () => {
  test.each([
    ["a secretary", "secretary", "/tinhtong DU-SGD tatca", "Lệnh /tinhtong dành cho cấp ủy viên và quản trị viên."],
    ["no unit", "member", "/tinhtong", "Cách dùng: /tinhtong <mã đơn vị> [daduyet|tatca]"],
    ["an unknown unit", "member", "/tinhtong KHONG tatca", "Không có đơn vị mã KHONG. Xin kiểm tra lại mã đảng ủy, đảng bộ."],
    ["a branch", "admin", "/tinhtong CB-DD tatca", "CB-DD là chi bộ. Cách tính tổng được chọn cho đảng ủy, đảng bộ nhận tổng hợp, không chọn riêng cho từng chi bộ."],
    ["a word it does not know", "member", "/tinhtong DU-SGD het", '"het" không phải lựa chọn. Gõ daduyet (chỉ tính báo cáo đã duyệt) hoặc tatca (tính cả báo cáo chưa duyệt).'],
    ["another committee's unit", "member", "/tinhtong DU-KHAC tatca", "Đồng chí không phải cấp ủy viên của Đảng ủy khác nên không xem, không chọn được cách tính tổng của đơn vị này."],
  ])("%s", async (_, who, command, answer) => {
    const before = await totalsSettings();
    const user = who === "secretary" ? secretary : who === "member" ? member : admin;
    expect(textOf(await user.say(command))).toContain(answer);
    expect(await totalsSettings()).toEqual(before);
  });

  test("without a unit, a committee member is told the codes of the units they may choose for", async () => {
    expect(textOf(await member.say("/tinhtong"))).toContain("Đơn vị đồng chí là cấp ủy viên: DU-SGD");
  });
});
