// Issue 12, point 13: a meeting with fewer than half of the members on the roll present is recorded
// (the minutes are what happened) but not without a word: the form warns, and /tiendo and the
// committee's digest say which meetings and branches.
import { afterAll, beforeAll, expect, test } from "vitest";
import { Harness, type TestUser } from "../support/harness.js";
import { branchWithSecretary, buildTree } from "../support/scenario.js";

let h: Harness;
let few: TestUser;
let half: TestUser;
beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-20T09:00:00+07:00" });
  await buildTree(h, [
    { code: "CB-IT", name: "Chi bộ Ít người" },
    { code: "CB-NUA", name: "Chi bộ Một nửa" },
  ]);
  few = await branchWithSecretary(h, 7601, "Ít", "CB-IT");
  half = await branchWithSecretary(h, 7602, "Nửa", "CB-NUA");
});
afterAll(async () => h?.stop());

const WARNING =
  "⚠️ Chỉ 2/12 đảng viên có mặt (17%), dưới một nửa số đảng viên của chi bộ. Đồng chí vẫn gửi được biên bản; xin kiểm tra lại số có mặt, nếu đúng thì nên ghi rõ lý do trong phần kết luận. Buổi sinh hoạt này sẽ được ghi là dưới một nửa đảng viên có mặt trong /tiendo và bản tổng hợp của cấp ủy.";

/** A regular meeting on 15/11 with `present` of 12 there, the rest excused. Returns the replies to the last attendance answer and to the files. */
async function meeting(s: TestUser, present: number) {
  await s.say("/bienban");
  await s.press("Thường kỳ");
  for (const a of ["15/11/2026", "Phòng họp", "An", "Lan", "12", String(present)]) await s.say(a);
  const attendance = await s.say(String(12 - present));
  await s.say("Nội dung");
  await s.say("Kết luận");
  const summary = await s.press("Không có tệp");
  return { attendance, summary };
}

test("2 of 12 present: warned as soon as it is typed and above the summary, recorded all the same, and counted as held", async () => {
  const { attendance, summary } = await meeting(few, 2);
  // Twelve on the roll, two present, ten excused: the last figure is taken, then the warning, then the next question.
  expect(attendance.texts[0]).toBe(WARNING);
  expect(attendance.last.text).toContain("Nội dung chính");
  expect(summary.last.text).toContain(`\n\n${WARNING}\n\n`);
  const sent = await few.press("✅ Gửi biên bản");
  expect(sent.last.text).toContain("✅ Đã nhận biên bản sinh hoạt thường kỳ ngày 15/11/2026");
  expect(sent.last.text).toContain("tỷ lệ dự họp 17%");
  const stored = await h.app.db.meeting.findFirstOrThrow({ where: { unit: { code: "CB-IT" } } });
  expect([stored.onRoll, stored.present, stored.absentExcused]).toEqual([12, 2, 10]);

  const progress = (await few.say("/tiendo")).last.text;
  expect(progress).toContain("  ✅ Thường kỳ: tháng 11/2026");
  expect(progress).toContain("Tỷ lệ dự họp bình quân: 17%\n⚠️ Dưới một nửa đảng viên có mặt: 15/11/2026 (2/12)");
});

test("6 of 12 is half, not fewer: no warning anywhere", async () => {
  const { attendance, summary } = await meeting(half, 6);
  expect(attendance.texts.join("\n")).not.toContain("⚠️");
  expect(summary.last.text).not.toContain("⚠️");
  await half.press("✅ Gửi biên bản");
  expect((await half.say("/tiendo")).last.text).not.toContain("Dưới một nửa");
});

test("the digest names the branches whose meetings of the month had fewer than half present, beside the attendance", async () => {
  const text = (await h.admin().say("/tonghop DU-SGD 11/2026")).texts.join("\n");
  expect(text).toContain("🗓 Sinh hoạt: thường kỳ 2/2 chi bộ trong tháng, chuyên đề 0/2 trong quý; tỷ lệ dự họp 33%");
  const lines = text.split("\n");
  const from = lines.indexOf("  ⚠️ Có buổi sinh hoạt dưới một nửa đảng viên có mặt (1 chi bộ):");
  expect(from).toBeGreaterThan(0);
  const named = lines.slice(from + 1);
  // The list may end the message (no removal line when nobody left the rolls).
  const end = named.findIndex((l) => !l.startsWith("  • "));
  expect(named.slice(0, end === -1 ? undefined : end)).toEqual(["  • CB-IT: Chi bộ Ít người"]);
});
