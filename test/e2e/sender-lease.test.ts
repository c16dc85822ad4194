// Two instances on one database drain one outbox as one bot: one sends at a time (the
// sender lease, src/outbox/sender-lease.ts), so Telegram never sees more than its ~30
// messages a second from the bot as a whole, and each message goes once. An instance
// that dies while sending is taken over once its lease runs out; what it had sent is
// not sent again.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Db } from "../../src/db/client.js";
import { periodOf } from "../../src/domain/period.js";
import { periodKey } from "../../src/domain/schedule.js";
import { ADMIN_ID, Harness } from "../support/harness.js";
import { twoInstances } from "../support/two-instances.js";
import { BotProcess } from "../support/process.js";

/** Telegram's bulk limit, which the fake Bot API does not enforce itself: counted here. */
const LIMIT = 30;

/** `n` branches, each with its secretary (chat ids from `firstChat`), and a reminder round to them waiting in the outbox. */
async function queueReminders(db: Db, n: number, firstChat: number, period: { year: number; month: number }, dueAt: Date, tag: string) {
  const root = await db.unit.create({ data: { code: `DU-${tag}`, name: `Đảng ủy ${tag}`, kind: "COMMITTEE", createdBy: 0n } });
  await db.unit.createMany({ data: Array.from({ length: n }, (_, i) => ({ code: `CB-${tag}-${i}`, name: `Chi bộ ${tag} ${i}`, kind: "BRANCH", parentId: root.id, createdBy: 0n })) });
  const units = await db.unit.findMany({ where: { parentId: root.id }, orderBy: { id: "asc" } });
  await db.user.createMany({ data: units.map((_, i) => ({ telegramId: BigInt(firstChat + i), firstName: `Bí thư ${i}` })) });
  const users = await db.user.findMany({ where: { telegramId: { gte: BigInt(firstChat), lt: BigInt(firstChat + n) } }, orderBy: { telegramId: "asc" } });
  await db.membership.createMany({ data: units.map((u, i) => ({ userId: users[i]!.id, unitId: u.id, role: "SECRETARY" })) });
  const occasion = `reminder:${periodKey(period)}:d3`;
  await db.jobRun.create({ data: { occasion, kind: "reminder", payload: JSON.stringify({ period }), dueAt, plannedAt: dueAt } });
  await db.delivery.createMany({
    data: units.map((u, i) => ({ occasion, chatId: BigInt(firstChat + i), payload: JSON.stringify({ unitIds: [u.id] }), status: "PENDING", attempts: 0, sentParts: 0, updatedAt: new Date() })),
  });
  return Array.from({ length: n }, (_, i) => firstChat + i);
}

/** The most sends Telegram received within any one second. */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((x, y) => x - y);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i++) {
    while (sorted[i]! - sorted[j]! >= 1000) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe("two instances draining one outbox", () => {
  let a: Harness;
  let b: Harness;
  twoInstances((x, y) => ((a = x), (b = y)));

  test("both ticking at once: no more than Telegram's limit in any second, each reminder once", async () => {
    const chats = await queueReminders(a.app.db, 90, 300_000, { year: 2026, month: 10 }, new Date("2026-11-02T08:00:00+07:00"), "R");
    const from = a.fake.calls.length;
    await Promise.all([a.app.scheduler.tick(), b.app.scheduler.tick()]);
    const sends = a.fake.calls.slice(from).filter((c) => c.method === "sendMessage");
    expect(busiestSecond(sends.map((c) => c.at))).toBeLessThanOrEqual(LIMIT);
    const reminded = chats.map((id) => a.fake.messagesTo(id).filter((m) => m.text.startsWith("🔔")).length);
    expect(reminded).toEqual(chats.map(() => 1));
  });
});

describe("the instance sending dies half-way", () => {
  let h: Harness;
  let dir: string;
  beforeAll(async () => {
    h = await Harness.start({ now: new Date().toISOString() });
    dir = mkdtempSync(join(tmpdir(), "chibo-lease-"));
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test("killed while sending: the other instance takes over when its lease runs out, and nothing goes twice", { timeout: 60_000 }, async () => {
    // The process runs on the real clock: this month's round, whose deadline is still ahead.
    const period = periodOf(new Date(), "Asia/Ho_Chi_Minh");
    const chats = await queueReminders(h.app.db, 24, 310_000, period, new Date(), "K");
    const reminded = () => chats.map((id) => h.fake.messagesTo(id).filter((m) => m.text.startsWith("🔔")).length);
    // The other instance, as `npm start` runs it: it drains at start-up, and is killed at its eighth send.
    let sends = 0;
    h.fake.sendDelayMs = 100;
    let dead!: BotProcess;
    h.fake.onSendMessage = () => {
      if (++sends === 8) dead.kill("SIGKILL");
    };
    dead = new BotProcess({ BOT_TOKEN: h.fake.token, ADMIN_IDS: String(ADMIN_ID), TELEGRAM_API_ROOT: h.fake.apiRoot, DATABASE_URL: h.dbUrl }, dir);
    await dead.exited;
    // The sends that had reached Telegram arrive (the fake answers them after its delay).
    await new Promise((r) => setTimeout(r, 500));
    h.fake.onSendMessage = undefined;
    h.fake.sendDelayMs = 0;
    const lease = await h.app.db.senderLease.findUniqueOrThrow({ where: { name: "outbox" } });
    expect(Number(lease.expiresAt)).toBeGreaterThan(Date.now());
    const sentBefore = reminded().filter((n) => n === 1).length;
    expect(sentBefore).toBeGreaterThanOrEqual(8);
    expect(sentBefore).toBeLessThan(chats.length);

    const started = Date.now();
    await h.app.scheduler.tick();
    // Not before the dead one's lease ran out.
    expect(Date.now()).toBeGreaterThanOrEqual(Number(lease.expiresAt));
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(reminded()).toEqual(chats.map(() => 1));
  });
});
