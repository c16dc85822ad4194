// Reminders of a request (issue 14, point 4), through the queue of the monthly reminders: to
// the branches that have not answered, 3 days and 1 day before the due day and on the day, at
// 08:00; the late list the day after to the requester and the unit's group. Each once, across
// a restart and a second instance; a branch that answered is not reminded; a closed request
// sends nothing.
//
// The request is due on 15/12/2026: reminders on 12, 14 and 15 December, the late list on the 16th.
import { afterEach, describe, expect, test } from "vitest";
import { RequestStatus } from "../../src/domain/request.js";
import { ADMIN_ID, Harness, type TestGroup, type TestUser } from "../support/harness.js";
import { branchWithSecretary, buildTree } from "../support/scenario.js";
import { EVERY_KIND, pressAnswer, sendRequest } from "../support/request-setup.js";

const started: Harness[] = [];
afterEach(async () => {
  for (const h of started.splice(0).reverse()) await h.stop();
});

interface Setting {
  h: Harness;
  a: TestUser;
  b: TestUser;
  group: TestGroup;
  id: number;
}

/** Two branches asked by DU-SGD, their secretaries and the committee's group; the scheduler last ticked at `lastTick`. */
async function requested(lastTick = "2026-12-02T09:00:00+07:00"): Promise<Setting> {
  const h = await Harness.start({ now: "2026-12-02T09:00:00+07:00" });
  started.push(h);
  const admin = await buildTree(h, [
    { code: "CB-A", name: "Chi bộ A" },
    { code: "CB-B", name: "Chi bộ B" },
  ]);
  const a = await branchWithSecretary(h, 7901, "An", "CB-A");
  const b = await branchWithSecretary(h, 7902, "Bình", "CB-B");
  const group = h.group(-4101, "Cấp ủy Sở");
  expect((await group.say(admin, "/dangkynhom DU-SGD")).last.text).toContain("Đảng ủy Sở Giáo dục và Đào tạo");
  const id = await sendRequest(h, { targets: ["CB-A", "CB-B"], questions: [EVERY_KIND[0]!] });
  await h.at(lastTick);
  return { h, a, b, group, id };
}

/** What each request reminder a secretary received says of the deadline: "15/12/2026 (còn 3 ngày)". */
const reminders = (h: Harness, u: TestUser) =>
  h.fake
    .messagesTo(u.id)
    .filter((m) => m.text.startsWith("🔔 Nhắc hạn: yêu cầu báo cáo"))
    .map((m) => m.text.match(/hạn trả lời (.*?)\.\n/)?.[1]);
const lateLists = (h: Harness, chatId: number) => h.fake.messagesTo(chatId).filter((m) => m.text.startsWith("⏰ Yêu cầu báo cáo")).map((m) => m.text);

describe("reminders of a request", () => {
  test("3 days and 1 day before and on the day, only to the branches that have not answered, each once across a restart and a second instance", async () => {
    const { h, a, b, id } = await requested();
    await h.at("2026-12-12T08:00:10+07:00");
    for (const u of [a, b]) expect(reminders(h, u)).toEqual(["15/12/2026 (còn 3 ngày)"]);
    const reminder = h.fake.messagesTo(a.id).at(-1)!;
    expect(reminder.text).toBe(
      '🔔 Nhắc hạn: yêu cầu báo cáo "Báo cáo chuyên đề tạo nguồn phát triển đảng viên" của Đảng ủy Sở Giáo dục và Đào tạo gửi Chi bộ A, hạn trả lời 15/12/2026 (còn 3 ngày).\nChi bộ chưa trả lời. Bấm nút bên dưới để trả lời.',
    );
    // A answers from the reminder's own button.
    let r = await a.press("✍️ Trả lời", reminder);
    expect(r.last.text).toContain("Câu 1/1");
    await a.say("25");
    r = await a.press("✅ Gửi trả lời");
    expect(r.last.text).toContain("(bản số 1)");

    await h.at("2026-12-14T08:00:10+07:00");
    expect(reminders(h, a)).toEqual(["15/12/2026 (còn 3 ngày)"]);
    expect(reminders(h, b)).toEqual(["15/12/2026 (còn 3 ngày)", "15/12/2026 (còn 1 ngày)"]);
    // A restart and a second instance ticking the same minute plan nothing again.
    await h.restart();
    await h.at("2026-12-14T08:01:00+07:00");
    const h2 = await h.second();
    started.push(h2);
    await h2.at("2026-12-14T08:01:00+07:00");
    expect(reminders(h, b)).toEqual(["15/12/2026 (còn 3 ngày)", "15/12/2026 (còn 1 ngày)"]);
    expect(await h.app.db.delivery.count({ where: { occasion: `request-reminder:${id}:d1` } })).toBe(1);

    await h.at("2026-12-15T08:00:10+07:00");
    await h2.at("2026-12-15T08:00:20+07:00");
    expect(reminders(h, b)).toEqual(["15/12/2026 (còn 3 ngày)", "15/12/2026 (còn 1 ngày)", "15/12/2026 (hôm nay)"]);
    expect(reminders(h, a)).toHaveLength(1);
  });

  test("the late list the day after, once, to the requester and the unit's group, naming the branches without an answer", async () => {
    const { h, a, group, id } = await requested("2026-12-15T09:00:00+07:00");
    expect((await opened(h, a, id)).text).toContain("Câu 1/1");
    await a.say("25");
    expect((await a.press("✅ Gửi trả lời")).last.text).toContain("(bản số 1)");
    await h.at("2026-12-16T08:00:10+07:00");
    await h.at("2026-12-16T08:01:00+07:00");
    await h.restart();
    await h.at("2026-12-16T09:00:00+07:00");
    const expected = '⏰ Yêu cầu báo cáo "Báo cáo chuyên đề tạo nguồn phát triển đảng viên" đã quá hạn (hạn 15/12/2026). Chi bộ chưa trả lời (1/2):\n  • CB-B: Chi bộ B';
    expect(lateLists(h, ADMIN_ID)).toEqual([expected]);
    expect(lateLists(h, group.id)).toEqual([expected]);
  });

  test("after downtime across two reminders: one reminder, saying what is true that day; the earlier one recorded as skipped", async () => {
    const { h, a, b, id } = await requested("2026-12-11T09:00:00+07:00");
    await h.at("2026-12-14T10:00:00+07:00");
    for (const u of [a, b]) expect(reminders(h, u)).toEqual(["15/12/2026 (còn 1 ngày)"]);
    expect(await h.app.db.delivery.count({ where: { occasion: `request-reminder:${id}:d3` } })).toBe(0);
    expect(await h.app.db.jobRun.findUnique({ where: { occasion: `request-reminder:${id}:d3` } })).not.toBeNull();
  });

  test("a branch that answers after the reminder was planned, before it goes out, is not reminded", async () => {
    const { h, a, b, id } = await requested();
    // Telegram holds back A's reminder; A answers meanwhile from the request.
    h.fake.failNext({ method: "sendMessage", chatId: a.id, status: 429, body: { ok: false, error_code: 429, description: "Too Many Requests: retry after 600", parameters: { retry_after: 600 } } });
    await h.at("2026-12-12T08:00:10+07:00");
    expect(reminders(h, a)).toEqual([]);
    const r = await opened(h, a, id);
    expect(r.text).toContain("Câu 1/1");
    await a.say("25");
    await a.press("✅ Gửi trả lời");
    await h.at("2026-12-12T08:30:00+07:00");
    expect(reminders(h, a)).toEqual([]);
    expect(reminders(h, b)).toEqual(["15/12/2026 (còn 3 ngày)"]);
  });

  test("a closed request sends nothing: no reminder, no late list", async () => {
    const { h, a, b, group, id } = await requested();
    await h.app.db.infoRequest.update({ where: { id }, data: { status: RequestStatus.CLOSED, closedAt: h.clock.now() } });
    for (const at of ["2026-12-12T08:00:10+07:00", "2026-12-15T08:00:10+07:00", "2026-12-16T08:00:10+07:00"]) await h.at(at);
    for (const u of [a, b]) expect(reminders(h, u)).toEqual([]);
    expect([...lateLists(h, ADMIN_ID), ...lateLists(h, group.id)]).toEqual([]);
  });
});

/** The answer form opened from the request's button (as delivered by /yeucau): its first question. */
async function opened(h: Harness, u: TestUser, id: number) {
  return (await pressAnswer(h, u, id)).last;
}
