// The bot was down (or Telegram was) for a while and comes back: what the
// scheduler sends then. Each occasion that fell due meanwhile is judged at the
// moment of sending: one reminder per month at most, saying what is true that
// day, none after the deadline; one digest, the latest; every late list once.
//
// November 2026's report is due on 05/12/2026: reminders on 2, 4 and 5 December
// at 08:00, the late list on the 6th at 08:00; digests on Mondays (30/11, 07/12).
import { afterEach, describe, expect, test } from "vitest";
import { onPostgres } from "../support/database.js";
import { Harness, type TestGroup, type TestUser } from "../support/harness.js";
import { branchWithSecretary, buildTree } from "../support/scenario.js";

const started: Harness[] = [];
afterEach(async () => {
  for (const h of started.splice(0).reverse()) await h.stop();
});

interface Committee {
  h: Harness;
  a: TestUser;
  b: TestUser;
  group: TestGroup;
}

/** Two branches that have not reported November, their secretaries, and the committee's group; the scheduler last ticked at `lastTick`. */
async function committee(lastTick: string, options: { webhook?: boolean } = {}): Promise<Committee> {
  const h = await Harness.start({ now: lastTick, ...options });
  started.push(h);
  const admin = await buildTree(h, [
    { code: "CB-A", name: "Chi bộ A" },
    { code: "CB-B", name: "Chi bộ B" },
  ]);
  const a = await branchWithSecretary(h, 7801, "An", "CB-A");
  const b = await branchWithSecretary(h, 7802, "Bình", "CB-B");
  const group = h.group(-4001, "Cấp ủy Sở");
  expect((await group.say(admin, "/dangkynhom DU-SGD")).last.text).toContain("Đảng ủy Sở Giáo dục và Đào tạo");
  await h.at(lastTick);
  return { h, a, b, group };
}

/** What each reminder a secretary received says about the deadline: "05/12/2026 (còn 1 ngày)". */
const reminders = (h: Harness, u: TestUser) =>
  h.fake
    .messagesTo(u.id)
    .filter((m) => m.text.startsWith("🔔"))
    .map((m) => m.text.match(/hạn nộp (.*?)\.\n/)?.[1]);
const lateLists = (g: TestGroup) => g.messages().filter((m) => m.text.startsWith("⏰")).map((m) => m.text);
const digests = (g: TestGroup) => g.messages().filter((m) => m.text.startsWith("📊")).map((m) => m.text.split("\n")[0]);
const deliveries = async (h: Harness, occasion: string) =>
  (await h.app.db.delivery.findMany({ where: { occasion }, orderBy: { id: "asc" } })).map((d) => [Number(d.chatId), d.status]);

/** The next send to this chat meets Telegram's flood control, asking for longer than the bot waits: the delivery stays queued. */
function floodNext(h: Harness, chatId: number) {
  h.fake.failNext({
    method: "sendMessage",
    chatId,
    status: 429,
    body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 600", parameters: { retry_after: 600 } },
  });
}

describe("after days of downtime", () => {
  test("down from before the first reminder until the day before the deadline: one reminder per branch, saying còn 1 ngày", async () => {
    const { h, a, b, group } = await committee("2026-12-01T09:00:00+07:00");
    await h.at("2026-12-04T10:00:00+07:00");
    await h.at("2026-12-04T10:01:00+07:00");
    for (const u of [a, b]) expect(reminders(h, u)).toEqual(["05/12/2026 (còn 1 ngày)"]);
    expect([...lateLists(group), ...digests(group)]).toEqual([]);
    // The reminder of 2 December was decided against, once and for all: no delivery was ever planned for it.
    expect(await deliveries(h, "reminder:2026-11:d3")).toEqual([]);
    // The next day's reminder goes as usual.
    await h.at("2026-12-05T08:00:10+07:00");
    for (const u of [a, b]) expect(reminders(h, u)).toEqual(["05/12/2026 (còn 1 ngày)", "05/12/2026 (hôm nay)"]);
  });

  test("down until after the deadline: no reminder at all, and the late list once", async () => {
    const { h, a, b, group } = await committee("2026-12-01T09:00:00+07:00");
    await h.at("2026-12-06T10:00:00+07:00");
    await h.at("2026-12-06T10:01:00+07:00");
    await h.restart();
    await h.at("2026-12-06T11:00:00+07:00");
    for (const u of [a, b]) expect(reminders(h, u)).toEqual([]);
    const lists = lateLists(group);
    expect(lists).toHaveLength(1);
    expect(lists[0]).toContain("⏰ Đảng ủy Sở Giáo dục và Đào tạo: đã quá hạn báo cáo tháng 11/2026 (hạn 05/12/2026)");
    expect(lists[0]).toContain("Chi bộ chưa gửi báo cáo (2):\n  • CB-A: Chi bộ A\n  • CB-B: Chi bộ B");
  });

  test("down for ten days across the late list: the late list once on return, and the latest digest", async () => {
    const { h, a, b, group } = await committee("2026-12-01T09:00:00+07:00");
    await h.at("2026-12-11T10:00:00+07:00");
    await h.at("2026-12-11T10:05:00+07:00");
    for (const u of [a, b]) expect(reminders(h, u)).toEqual([]);
    expect(lateLists(group)).toHaveLength(1);
    expect(lateLists(group)[0]).toContain("đã quá hạn báo cáo tháng 11/2026 (hạn 05/12/2026)");
    // Monday 7 December's digest, four days late: the one there is.
    expect(digests(group)).toEqual(["📊 Tổng hợp Đảng ủy Sở Giáo dục và Đào tạo · tháng 11/2026"]);
  });

  test("several Mondays missed, the first one's digest still queued: one digest, the latest", async () => {
    const { h, group } = await committee("2026-11-16T07:00:00+07:00");
    // Monday 16 November: Telegram asks the bot to hold back, and then the bot is down for three weeks.
    floodNext(h, group.id);
    await h.at("2026-11-16T08:00:10+07:00");
    expect(digests(group)).toEqual([]);
    await h.restart();
    await h.at("2026-12-09T10:00:00+07:00");
    await h.at("2026-12-09T10:01:00+07:00");
    expect(digests(group)).toEqual(["📊 Tổng hợp Đảng ủy Sở Giáo dục và Đào tạo · tháng 11/2026"]);
    expect(await deliveries(h, "digest:2026-11-16")).toEqual([[group.id, "SKIPPED"]]);
    for (const day of ["2026-11-23", "2026-11-30"]) expect(await deliveries(h, `digest:${day}`)).toEqual([]);
    expect(await deliveries(h, "digest:2026-12-07")).toEqual([[group.id, "SENT"]]);
    expect(lateLists(group)).toHaveLength(1);
  });
});

describe("what a message says when it goes out late", () => {
  test("a reminder queued on the due day and still waiting the day after is not sent; nothing says hôm nay after the deadline", async () => {
    const { h, a, b, group } = await committee("2026-12-04T09:00:00+07:00");
    floodNext(h, a.id);
    await h.at("2026-12-05T08:00:10+07:00");
    expect(reminders(h, a)).toEqual([]);
    expect(reminders(h, b)).toEqual(["05/12/2026 (hôm nay)"]);
    // Down overnight; back the day after the deadline.
    await h.restart();
    await h.at("2026-12-06T09:00:00+07:00");
    expect(reminders(h, a)).toEqual([]);
    expect(reminders(h, b)).toEqual(["05/12/2026 (hôm nay)"]);
    expect(await deliveries(h, "reminder:2026-11:d0")).toEqual([
      [a.id, "SKIPPED"],
      [b.id, "SENT"],
    ]);
    expect(lateLists(group)).toHaveLength(1);
  });

  test("a digest queued on Monday 30/11 and sent on 02/12 is about November, the month whose reports are being collected", async () => {
    const { h, group } = await committee("2026-11-30T07:00:00+07:00");
    floodNext(h, group.id);
    await h.at("2026-11-30T08:00:10+07:00");
    expect(digests(group)).toEqual([]);
    await h.restart();
    await h.at("2026-12-02T10:00:00+07:00");
    expect(digests(group)).toEqual(["📊 Tổng hợp Đảng ủy Sở Giáo dục và Đào tạo · tháng 11/2026"]);
  });
});

describe("a catch-up cut short", () => {
  test("the process dies after planning, before it records its tick: on restart each secretary still gets one reminder", async () => {
    const { h, a, b } = await committee("2026-12-01T09:00:00+07:00");
    const lastTick = await h.app.db.setting.findUniqueOrThrow({ where: { key: "scheduler.lastTick" } });
    floodNext(h, b.id);
    await h.at("2026-12-04T10:00:00+07:00");
    expect(reminders(h, a)).toEqual(["05/12/2026 (còn 1 ngày)"]);
    expect(reminders(h, b)).toEqual([]);
    // What a process killed before its last write leaves: the tick before the outage as the last one.
    await h.restart();
    await h.app.db.setting.update({ where: { key: lastTick.key }, data: { value: lastTick.value } });
    await h.at("2026-12-04T10:05:00+07:00");
    await h.at("2026-12-04T10:06:00+07:00");
    for (const u of [a, b]) expect(reminders(h, u)).toEqual(["05/12/2026 (còn 1 ngày)"]);
    expect(await deliveries(h, "reminder:2026-11:d3")).toEqual([]);
  });

  test("a reminder planned in a catch-up and still queued when the next one falls due gives way to it", async () => {
    const { h, a, b } = await committee("2026-12-01T09:00:00+07:00");
    const lastTick = await h.app.db.setting.findUniqueOrThrow({ where: { key: "scheduler.lastTick" } });
    floodNext(h, b.id);
    await h.at("2026-12-04T10:00:00+07:00");
    // Killed before recording the tick, and down until the morning of the due day.
    await h.restart();
    await h.app.db.setting.update({ where: { key: lastTick.key }, data: { value: lastTick.value } });
    await h.at("2026-12-05T09:00:00+07:00");
    await h.at("2026-12-05T09:01:00+07:00");
    expect(reminders(h, a)).toEqual(["05/12/2026 (còn 1 ngày)", "05/12/2026 (hôm nay)"]);
    expect(reminders(h, b)).toEqual(["05/12/2026 (hôm nay)"]);
    expect(await deliveries(h, "reminder:2026-11:d3")).toEqual([]);
    expect(await deliveries(h, "reminder:2026-11:d1")).toEqual([
      [a.id, "SENT"],
      [b.id, "SKIPPED"],
    ]);
  });
});

// Several instances are a PostgreSQL deployment (SQLite serves one).
describe.skipIf(!onPostgres)("two instances coming back together", () => {
  test("both tick the same catch-up at once: each secretary gets one reminder", async () => {
    const { h, a, b } = await committee("2026-12-01T09:00:00+07:00", { webhook: true });
    const other = await h.second();
    started.push(other);
    const at = "2026-12-04T10:00:00+07:00";
    h.clock.set(at);
    other.clock.set(at);
    await Promise.all([h.app.scheduler.tick(), other.app.scheduler.tick()]);
    await Promise.all([h.app.scheduler.tick(), other.app.scheduler.tick()]);
    for (const u of [a, b]) expect(reminders(h, u)).toEqual(["05/12/2026 (còn 1 ngày)"]);
  });
});
