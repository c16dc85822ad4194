// Issue 12, point 12: /tiendo starts from the month a branch began to answer for (a branch added in
// December owes nothing for January), fits a phone (months of one status on one line), and shows
// the months one by one behind a button whose data, being input, is checked.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness, type TestUser } from "../support/harness.js";
import { branchWithSecretary, buildTree, fillReport, recordRegularMeeting, TYPICAL_ANSWERS } from "../support/scenario.js";
import { rolesChanged } from "../../src/store/access-version.js";

let h: Harness;
let early: TestUser;
let late: TestUser;
const DETAILS = "📋 Xem từng tháng";

beforeAll(async () => {
  // CB-SOM is added in February and reports most months; CB-MUON only in December.
  h = await Harness.start({ now: "2026-02-10T09:00:00+07:00" });
  await buildTree(h, [{ code: "CB-SOM", name: "Chi bộ Sớm" }]);
  early = await branchWithSecretary(h, 7501, "Sớm", "CB-SOM");
  for (const month of [2, 3, 4, 6, 7, 8, 9, 10]) {
    // Each report on the 2nd of the month after (on time); August's on the 20th (late).
    const day = month === 8 ? 20 : 2;
    h.clock.set(`2026-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}T09:00:00+07:00`);
    await fillReport(early, `Tháng ${String(month).padStart(2, "0")}/2026`, TYPICAL_ANSWERS);
    expect((await early.press("✅ Gửi báo cáo")).last.text).toContain("✅ Đã nhận báo cáo");
  }
  h.clock.set("2026-12-02T09:00:00+07:00");
  expect((await h.admin().say("/themchibo CB-MUON DU-SGD Chi bộ Muộn")).last.text).toContain("Đã thêm");
  late = await branchWithSecretary(h, 7502, "Muộn", "CB-MUON");
  h.clock.set("2026-12-20T09:00:00+07:00");
});
afterAll(async () => h?.stop());

const unitId = async (code: string) => (await h.app.db.unit.findUniqueOrThrow({ where: { code } })).id;

function pressData(s: TestUser, data: string) {
  return s.exchange(() =>
    h.fake.pushUpdate({
      callback_query: {
        id: h.fake.newCallbackId(s.id),
        from: { id: s.id, is_bot: false, first_name: s.firstName },
        chat_instance: `ci${s.id}`,
        data,
        message: { message_id: 1, date: 0, chat: { id: s.id, type: "private" }, text: "📈" },
      },
    }),
  );
}

describe("/tiendo", () => {
  test("a branch added in December starts in December: no January to November, a few short lines, and the month by month behind a button", async () => {
    const r = await late.say("/tiendo");
    expect(r.texts).toHaveLength(1);
    expect(r.last.text.split("\n")).toEqual([
      "📈 Chi bộ Muộn: năm 2026, từ tháng 12/2026",
      "📨 Báo cáo hằng tháng:",
      "  · Tháng 12/2026 chưa kết thúc",
      "Lũy kế kết nạp từ đầu năm: 0 đảng viên (giáo viên, giảng viên: 0; học sinh: 0; sinh viên: 0; khác: 0).",
      "🗓 Sinh hoạt chi bộ:",
      "  ⏳ Tháng 12/2026: chưa ghi thường kỳ",
      "  Chuyên đề: quý 4 ⏳",
      "Tỷ lệ dự họp bình quân: chưa có biên bản",
    ]);
    expect(r.last.buttons.flat().map((b) => b.text)).toEqual([DETAILS]);
    const details = await late.press(DETAILS);
    expect(details.texts).toHaveLength(1);
    expect(details.last.text).toContain("📋 Chi bộ Muộn: từng tháng, năm 2026, từ tháng 12/2026\nTháng 12/2026: tháng chưa kết thúc\n");
    expect(details.last.text).not.toMatch(/Tháng (0\d|1[01])\/2026/);
  });

  test("a branch of eleven months groups them: one line a status, the review states counted, however many months", async () => {
    await recordRegularMeeting(early, "10/12/2026");
    const r = await early.say("/tiendo");
    const lines = r.last.text.split("\n");
    expect(lines.slice(0, 7)).toEqual([
      "📈 Chi bộ Sớm: năm 2026, từ tháng 02/2026",
      "📨 Báo cáo hằng tháng:",
      "  ✅ Đã gửi: tháng 02–04, 06–10/2026 (muộn: tháng 08/2026)",
      // November was due on 05/12.
      "  ❌ Chưa gửi, đã quá hạn: tháng 05, 11/2026",
      "  · Tháng 12/2026 chưa kết thúc",
      "  Duyệt: 8 chờ duyệt",
      "Lũy kế kết nạp từ đầu năm: 24 đảng viên (giáo viên, giảng viên: 8; học sinh: 16; sinh viên: 0; khác: 0).",
    ]);
    expect(lines).toContain("  ✅ Thường kỳ: tháng 12/2026");
    expect(lines).toContain("  ❌ Chưa có thường kỳ: tháng 02–11/2026");
    expect(lines.length).toBeLessThanOrEqual(14);
    // On 2 December, November is still due: the line says until when.
    h.clock.set("2026-12-02T09:00:00+07:00");
    try {
      expect((await early.say("/tiendo")).last.text).toContain("  ⏳ Chưa gửi, hạn 05/12/2026: tháng 11/2026\n");
    } finally {
      h.clock.set("2026-12-20T09:00:00+07:00");
    }
    // Behind the button, one line a month from February, as before.
    const details = (await early.press(DETAILS)).last.text;
    expect(details).toContain("Tháng 02/2026: ✅ đã báo cáo, kết nạp 3 · chờ duyệt");
    expect(details).toContain("Tháng 05/2026: ❌ chưa báo cáo (hạn đã qua)");
    expect(details).toContain("Tháng 08/2026: ✅ đã báo cáo (muộn), kết nạp 3 · chờ duyệt");
    expect(details).not.toContain("Tháng 01/2026");
  });
});

describe("the details button is input", () => {
  test("data no button of ours carries, a year too old, another branch or no branch at all: a toast, nothing shown", async () => {
    const other = await unitId("CB-SOM");
    const cases: [string, string][] = [
      ["progress:abc:2026", "Nút này đã cũ. Đồng chí gõ /tiendo để xem tiến độ mới nhất."],
      [`progress:${other}:1999`, "Nút này đã cũ. Đồng chí gõ /tiendo để xem tiến độ mới nhất."],
      [`progress:${other}:2027`, "Nút này đã cũ. Đồng chí gõ /tiendo để xem tiến độ mới nhất."],
      [`progress:${other}:2026`, "Đồng chí không còn xem được tiến độ của đơn vị này."],
      ["progress:999999:2026", "Đồng chí không còn xem được tiến độ của đơn vị này."],
    ];
    for (const [data, toast] of cases) {
      const r = await pressData(late, data);
      expect(r.messages, data).toEqual([]);
      expect(r.toasts, data).toEqual([toast]);
    }
  });

  test("a secretary who has lost the role cannot open the months from an old button", async () => {
    await early.say("/tiendo");
    const button = early.lastWithButtons();
    await h.app.db.membership.deleteMany({ where: { unit: { code: "CB-SOM" }, user: { telegramId: BigInt(early.id) } } });
    await rolesChanged(h.app.db);
    const r = await early.press(DETAILS, button);
    expect(r.texts).not.toContainEqual(expect.stringContaining("Tháng 02/2026"));
    expect(r.texts.join("\n")).not.toContain("📋 Chi bộ Sớm");
  });
});
