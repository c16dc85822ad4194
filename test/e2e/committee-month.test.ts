// One committee, three branches, one month: who receives what, and when.
import { afterAll, beforeAll, expect, test } from "vitest";
import { Harness, type TestGroup, type TestUser } from "../support/harness.js";
import { Reviewer } from "../support/review-setup.js";
import { branchWithSecretary, buildTree, recordRegularMeeting, TYPICAL_ANSWERS } from "../support/scenario.js";

let h: Harness;
let onTime: TestUser;
let late: TestUser;
let never: TestUser;
let group: TestGroup;
let reviewer: Reviewer;

beforeAll(async () => {
  h = await Harness.start({ now: "2026-10-28T09:00:00+07:00" });
  const admin = await buildTree(h, [
    { code: "CB-A", name: "Chi bộ A" },
    { code: "CB-B", name: "Chi bộ B" },
    { code: "CB-C", name: "Chi bộ C" },
  ]);
  onTime = await branchWithSecretary(h, 7001, "An", "CB-A");
  late = await branchWithSecretary(h, 7002, "Bình", "CB-B");
  never = await branchWithSecretary(h, 7003, "Cường", "CB-C");
  await admin.say("/chitieu CB-A 2026 4");
  await admin.say("/chitieu CB-B 2026 6");
  await admin.say("/chitieu CB-B 2026 3 hocsinh");
  reviewer = await Reviewer.invite(h, "DU-SGD");
  group = h.group(-1001, "Cấp ủy Sở");
  expect((await group.say(admin, "/dangkynhom DU-SGD")).last.text).toContain("Đảng ủy Sở Giáo dục và Đào tạo");
  await h.at("2026-10-28T09:00:00+07:00");
});
afterAll(async () => h?.stop());

/** What the scheduler sent to a chat: messages after the given count. */
function sentTo(chatId: number, after: number) {
  return h.fake.messagesTo(chatId).slice(after).map((m) => m.text);
}

async function report(s: TestUser, label: string) {
  await s.say("/baocao");
  await s.press(label);
  for (const a of TYPICAL_ANSWERS) await (typeof a === "string" ? s.say(a) : s.press(a.press));
  return s.press("✅ Gửi báo cáo");
}

test("a month of reminders, a late list and digests, each to exactly the right people, once", async () => {
  // A records October's regular meeting and reports on time, on 1 November.
  h.clock.set("2026-10-20T15:00:00+07:00");
  await recordRegularMeeting(onTime, "20/10/2026");
  h.clock.set("2026-11-01T10:00:00+07:00");
  await report(onTime, "Tháng 10/2026");
  // The committee approves it: digests count approved reports only by default.
  await reviewer.approve("CB-A", { year: 2026, month: 10 });

  const counts = () => [onTime, late, never].map((u) => h.fake.messagesTo(u.id).length);
  const before = counts();
  const groupBefore = group.messages().length;

  // Monday 2 November, 08:00: three days before the deadline, and the weekly digest.
  await h.at("2026-11-02T08:00:10+07:00");
  expect(sentTo(onTime.id, before[0]!)).toEqual([]);
  for (const [u, n] of [[late, before[1]!], [never, before[2]!]] as const) {
    const texts = sentTo(u.id, n);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toContain("🔔 Nhắc hạn: báo cáo phát triển đảng viên tháng 10/2026");
    expect(texts[0]).toContain("hạn nộp 05/11/2026 (còn 3 ngày)");
  }
  const digest = sentTo(group.id, groupBefore).join("\n");
  expect(digest).toContain("📊 Tổng hợp Đảng ủy Sở Giáo dục và Đào tạo · tháng 10/2026");
  expect(digest).toContain("📨 Báo cáo: 1/3 chi bộ đã gửi\n  Duyệt: 1 đã duyệt");
  expect(digest).toContain("ℹ️ Số liệu chỉ tính báo cáo đã duyệt.");
  expect(digest).toContain("• CB-B: Chi bộ B");
  expect(digest).toContain("• CB-C: Chi bộ C");
  expect(digest).not.toContain("• CB-A");
  expect(digest).toContain("Lũy kế từ đầu năm 3/10, đạt 30% chỉ tiêu ▓▓▓░░░░░░░");
  // 2/3 is 67%: one rounding, half up, for every percentage (issue 12, point 14).
  expect(digest).toContain("· Học sinh: 2/3, đạt 67% chỉ tiêu ▓▓▓▓▓▓░░░░");
  expect(digest).toContain("🗓 Sinh hoạt: thường kỳ 1/3 chi bộ trong tháng");
  // With quotas set, a chart of progress against them follows the text.
  const chart = group.messages().slice(groupBefore).find((m) => m.method === "sendPhoto")!;
  expect(chart.text).toBe("Tiến độ kết nạp so với chỉ tiêu năm, Đảng ủy Sở Giáo dục và Đào tạo\nℹ️ Số liệu chỉ tính báo cáo đã duyệt.");
  const png = h.fake.uploads.get(String(chart.photo).replace(/^upload:/, ""))!;
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));

  // The same minute again (a second tick, a second instance): nothing more.
  await h.app.scheduler.tick();
  await h.at("2026-11-02T08:01:00+07:00");
  expect(counts()).toEqual([before[0], before[1]! + 1, before[2]! + 1]);

  // The reminder's button opens the report for October directly.
  let r = await late.press("📝 Báo cáo tháng 10/2026");
  expect(r.last.text).toBe("Số quần chúng ưu tú (nguồn phát triển đảng viên) hiện có?");
  await late.say("/huy");

  await h.at("2026-11-04T08:00:00+07:00");
  await h.at("2026-11-05T08:00:00+07:00");
  expect(sentTo(late.id, before[1]!).filter((t) => t.startsWith("🔔"))).toHaveLength(3);
  expect(sentTo(never.id, before[2]!).filter((t) => t.startsWith("🔔")).map((t) => t.match(/\((.*?)\)\./)?.[1])).toEqual([
    "còn 3 ngày",
    "còn 1 ngày",
    "hôm nay",
  ]);
  expect(sentTo(onTime.id, before[0]!)).toEqual([]);

  // The day after the deadline: the late list to the committee's group.
  const groupBeforeLate = group.messages().length;
  await h.at("2026-11-06T08:00:00+07:00");
  const lateList = sentTo(group.id, groupBeforeLate).join("\n");
  expect(lateList).toContain("⏰ Đảng ủy Sở Giáo dục và Đào tạo: đã quá hạn báo cáo tháng 10/2026 (hạn 05/11/2026)");
  expect(lateList).toContain("Chi bộ chưa gửi báo cáo (2):\n  • CB-B: Chi bộ B\n  • CB-C: Chi bộ C");
  expect(lateList).toContain("Chi bộ chưa có sinh hoạt thường kỳ tháng 10/2026 (2):\n  • CB-B: Chi bộ B\n  • CB-C: Chi bộ C");

  // B reports after the deadline: accepted, marked late; nobody is reminded again.
  h.clock.set("2026-11-06T10:00:00+07:00");
  r = await report(late, "Tháng 10/2026");
  expect(r.last.text).toContain("nộp muộn");
  const beforeDigest = counts();
  const groupBeforeDigest = group.messages().length;
  await h.at("2026-11-09T08:00:00+07:00");
  expect(counts()).toEqual(beforeDigest);
  const second = sentTo(group.id, groupBeforeDigest).join("\n");
  // B's report is not approved yet: received all the same, counted in the state line, not in the totals.
  expect(second).toContain("📨 Báo cáo: 2/3 chi bộ đã gửi (1 muộn)\n  Duyệt: 1 đã duyệt, 1 chờ duyệt");
  expect(second).toContain("Lũy kế từ đầu năm 3/10, đạt 30% chỉ tiêu ▓▓▓░░░░░░░");
  expect(second).toContain("• CB-C: Chi bộ C");
  expect(second).not.toContain("• CB-B");

  // Every delivery is on record once, and all of them went out.
  // The scheduled occasions; the review cards, the approval notice and the menus of people who
  // joined go through the same queue.
  const deliveries = await h.app.db.delivery.findMany({ where: { job: { kind: { notIn: ["review", "approved", "returned", "menu"] } } }, orderBy: { id: "asc" } });
  expect(deliveries.map((d) => [d.occasion, Number(d.chatId), d.status])).toEqual([
    ["reminder:2026-10:d3", late.id, "SENT"],
    ["reminder:2026-10:d3", never.id, "SENT"],
    ["digest:2026-11-02", group.id, "SENT"],
    ["reminder:2026-10:d1", late.id, "SENT"],
    ["reminder:2026-10:d1", never.id, "SENT"],
    ["reminder:2026-10:d0", late.id, "SENT"],
    ["reminder:2026-10:d0", never.id, "SENT"],
    ["late-list:2026-10", group.id, "SENT"],
    ["digest:2026-11-09", group.id, "SENT"],
  ]);
});
