// Common set-ups, done the way a person would: through the bot's own commands.
import { expect } from "vitest";
import type { Harness, TestUser } from "./harness.js";

export async function buildTree(h: Harness, branches: { code: string; name: string }[] = [{ code: "CB-QT", name: "Chi bộ Trường THPT Quang Trung" }]) {
  const admin = h.admin();
  if (!(await h.app.db.unit.findUnique({ where: { code: "DU-SGD" } }))) {
    const r = await admin.say("/themdonvi DU-SGD - Đảng ủy Sở Giáo dục và Đào tạo");
    expect(r.last.text).toContain("Đã thêm");
  }
  for (const b of branches) {
    const r = await admin.say(`/themchibo ${b.code} DU-SGD ${b.name}`);
    expect(r.last.text).toContain("Đã thêm");
  }
  return admin;
}

export async function inviteLink(admin: TestUser, branch: string): Promise<string> {
  const r = await admin.say(`/moi ${branch}`);
  const code = r.last.text.match(/\?start=([A-Za-z0-9_-]+)/)?.[1];
  if (!code) throw new Error(`no invite link in: ${r.last.text}`);
  return code;
}

/** A branch with a secretary who has joined through an invite. */
export async function branchWithSecretary(h: Harness, id = 5001, name = "Lan", branch = "CB-QT"): Promise<TestUser> {
  const admin = h.admin();
  if (!(await h.app.db.unit.findUnique({ where: { code: branch } }))) {
    await buildTree(h, [{ code: branch, name: `Chi bộ ${branch}` }]);
  }
  const code = await inviteLink(admin, branch);
  const secretary = h.user(id, name, "Nguyễn");
  const r = await secretary.say(`/start ${code}`);
  expect(r.last.text).toContain("bí thư");
  return secretary;
}

/**
 * Answers for a whole report, in the order of the questions: 12 candidates, 3 in the awareness
 * class, 2 applications, 3 admitted (1 teacher, 2 pupils, so no question on students), 1 made
 * full, none removed, none in, 1 out, no note.
 */
export const TYPICAL_ANSWERS = ["12", "3", "2", "3", "1", "2", "1", "0", "0", "1", { press: "Bỏ qua" }];

let nextBranch = 1;
/** A new branch and secretary for each test, so tests in one file do not see each other's reports. */
export async function freshSecretary(h: Harness, name = "Lan"): Promise<{ secretary: TestUser; branch: string }> {
  const n = nextBranch++;
  const branch = `CB-${n}`;
  const secretary = await branchWithSecretary(h, 6000 + n, name, branch);
  return { secretary, branch };
}

/** Records a regular meeting held on `heldOn` ("dd/mm/yyyy"): 20 on the roll, 18 present, 2 excused, no file. */
export async function recordRegularMeeting(s: TestUser, heldOn: string) {
  await s.say("/bienban");
  await s.press("Thường kỳ");
  for (const a of [heldOn, "Phòng họp", "An", "Lan", "20", "18", "2", "Nội dung", "Kết luận"]) await s.say(a);
  await s.press("Không có tệp");
  return s.press("✅ Gửi biên bản");
}

/** Opens /baocao, picks the month by its button label, answers in order, and returns the summary reply. */
export async function fillReport(s: TestUser, monthLabel: string | RegExp, answers: (string | { press: string | RegExp })[]) {
  await s.say("/baocao");
  let r = await s.press(monthLabel);
  for (const a of answers) r = typeof a === "string" ? await s.say(a) : await s.press(a.press);
  return r;
}
