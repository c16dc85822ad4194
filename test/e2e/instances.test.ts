// Two instances of the bot on one database behind a load balancer behave as
// one bot: a form begun on one is finished on the other, an update delivered
// to both is handled once, and a reminder round ticked on both at the same
// minute reaches each secretary once. Several instances are a PostgreSQL
// deployment (SQLite serves one), so this runs in the PostgreSQL pass of npm test.
import { describe, expect, test } from "vitest";
import { onPostgres } from "../support/database.js";
import { type Harness, type TestUser } from "../support/harness.js";
import { twoInstances } from "../support/two-instances.js";
import { fillReport, freshSecretary, TYPICAL_ANSWERS } from "../support/scenario.js";
import { rolesChanged } from "../../src/store/access-version.js";
import { createI18n, translator } from "../../src/i18n.js";

const t = translator(createI18n());

describe.skipIf(!onPostgres)("two instances behind a load balancer", () => {
  let a: Harness;
  let b: Harness;
  twoInstances((x, y) => ((a = x), (b = y)));

  test("a report's answers alternate between the instances and the form goes on as if there were one", async () => {
    const { secretary, branch } = await freshSecretary(a);
    const before = a.outcomes.length;
    const summary = await fillReport(secretary, "Tháng 10/2026", TYPICAL_ANSWERS);
    expect(summary.last.text).toContain("1. Quần chúng ưu tú (nguồn phát triển đảng viên): 12");
    const r = await secretary.press("✅ Gửi báo cáo");
    expect(r.last.text).toContain(`✅ Đã nhận báo cáo tháng 10/2026 của Chi bộ ${branch}`);
    // Both instances took part: the balancer sends updates to each in turn.
    const instances = new Set(a.outcomes.slice(before).map((o) => o.instance));
    expect(instances).toEqual(new Set([1, 2]));
    const unit = await a.app.db.unit.findUniqueOrThrow({ where: { code: branch } });
    expect(await a.app.db.report.count({ where: { unitId: unit.id } })).toBe(1);
  });

  test("the same update delivered to both instances at once is handled by one of them", async () => {
    const { secretary } = await freshSecretary(a);
    const update = {
      update_id: 990_001,
      message: {
        message_id: a.fake.newMessageId(),
        date: Math.floor(Date.now() / 1000),
        from: { id: secretary.id, is_bot: false, first_name: "Lan" },
        chat: { id: secretary.id, type: "private", first_name: "Lan" },
        text: "/tiendo",
        entities: [{ type: "bot_command", offset: 0, length: 7 }],
      },
    };
    const before = a.fake.messagesTo(secretary.id).length;
    const secret = String(a.fake.webhook!.secret_token);
    const [x, y] = await Promise.all(a.fake.webhookTargets.slice(0, 2).map((target) => a.fake.postWebhook(update, secret, target)));
    expect([x!.status, y!.status]).toEqual([200, 200]);
    const outcomes = await a.waitOutcomes(990_001, 2);
    expect(outcomes.sort()).toEqual(["duplicate", "ok"]);
    expect(a.fake.messagesTo(secretary.id).slice(before)).toHaveLength(1);
  });

  test("the same answer of an open form delivered to both instances at once is applied by one of them", async () => {
    const { secretary } = await freshSecretary(a);
    await secretary.say("/baocao");
    await secretary.press("Tháng 10/2026");
    const before = a.fake.messagesTo(secretary.id).length;
    const answer = {
      update_id: 991_001,
      message: { message_id: a.fake.newMessageId(), date: Math.floor(Date.now() / 1000), from: { id: secretary.id, is_bot: false, first_name: "Lan" }, chat: { id: secretary.id, type: "private", first_name: "Lan" }, text: "12" },
    };
    const secret = String(a.fake.webhook!.secret_token);
    const [x, y] = await Promise.all(a.fake.webhookTargets.slice(0, 2).map((target) => a.fake.postWebhook(answer, secret, target)));
    expect([x!.status, y!.status]).toEqual([200, 200]);
    expect((await a.waitOutcomes(991_001, 2)).sort()).toEqual(["duplicate", "ok"]);
    // Applied by both, the form would have asked this question twice, or gone one further.
    expect(a.fake.messagesTo(secretary.id).slice(before).map((m) => m.text)).toEqual(["Số quần chúng học lớp bồi dưỡng nhận thức về Đảng trong tháng?"]);
  });

  test("a person whose role is taken away is refused at once on both instances, though each kept the roles in memory", async () => {
    const { secretary, branch } = await freshSecretary(a);
    // Each instance answers one of these (the balancer takes them in turn) and keeps the roles.
    const removed = t("refuse-removed", { id: String(secretary.id) });
    for (let i = 0; i < 2; i++) expect((await secretary.say("/tiendo")).last.text).not.toBe(removed);
    await a.app.db.membership.deleteMany({ where: { unit: { code: branch }, user: { telegramId: BigInt(secretary.id) } } });
    await rolesChanged(a.app.db);
    const refused = [];
    for (let i = 0; i < 2; i++) refused.push((await secretary.say("/tiendo")).texts);
    expect(refused).toEqual([[removed], [removed]]);
  });

  test("a reminder round ticked on both instances in the same minute reaches each secretary once", async () => {
    const secretaries: TestUser[] = [];
    for (let i = 0; i < 6; i++) secretaries.push((await freshSecretary(a)).secretary);
    const counted = () => secretaries.map((s) => a.fake.messagesTo(s.id).filter((m) => m.text.startsWith("🔔")).length);
    const before = counted();
    // The minute before: the scheduler has been running (a first tick looks back no further than itself).
    await a.at("2026-11-04T07:59:00+07:00");
    const at = "2026-11-04T08:00:10+07:00";
    a.clock.set(at);
    b.clock.set(at);
    await Promise.all([a.app.scheduler.tick(), b.app.scheduler.tick(), a.app.scheduler.tick()]);
    await Promise.all([a.app.scheduler.tick(), b.app.scheduler.tick()]);
    expect(counted().map((n, i) => n - before[i]!)).toEqual(secretaries.map(() => 1));
    expect(await a.app.db.jobRun.count({ where: { occasion: { startsWith: "reminder:2026-10:" } } })).toBe(1);
  });
});
