// 3. A reminder round to N secretaries, sent by the app's Scheduler through a Bot API limited to 30 sends a second,
// with two instances on one database ticking at once (issue 13): one drains (the sender lease), the other waits.
// Both run in one process of their own (bench/child.ts): with the lease only one sends at a time anyway.
// BENCH_FANOUT_HANDOVER=1: the instance draining is stopped half-way, and the other takes the round over.
import { FakeTelegram } from "../test/support/fake-telegram.js";
import type { App } from "../src/app.js";
import { BENCH_NOW, startBenchApp, startRateLimiter } from "./support.js";

const LIMIT = 30;
/** October's reminder three days before the 5 November deadline, the latest one due at BENCH_NOW. */
const REMINDER_DUE = new Date("2026-11-02T08:00:00+07:00");

export interface FanoutFigures {
  reminders: number;
  seconds: number;
  sent: number;
  rate: number;
  /** Sends per second between the first and the last accepted send. */
  steadyRate: number;
  /** When each send was let through, in ms since the epoch: the parent splits the rate by what else ran. */
  acceptedAt: number[];
  rejected429: number;
  duplicates: number;
  missing: number;
  result: string;
  instances: number;
  /** Sends accepted from each instance, in the order they were started. */
  sentBy: number[];
  /** With a handover: the longest time between two accepted sends, in ms (the gap the lease left). */
  longestGapMs: number;
  handover: boolean;
  /** CPU time of the whole fan-out process (bot, fake Bot API, limiter), to judge what it takes from parts run alongside. */
  cpuSeconds: number;
}

/** `dbUrl`: a fresh database the caller made and drops afterwards. */
export async function fanoutBench(n: number, dbUrl: string, instances = 2): Promise<FanoutFigures> {
  const fake = await new FakeTelegram().start();
  const limiter = await startRateLimiter(fake.apiRoot, LIMIT);
  const apps: App[] = [];
  const handover = process.env.BENCH_FANOUT_HANDOVER === "1";
  try {
    // One after the other: the first one migrates the database.
    for (let k = 1; k <= instances; k++) apps.push(await startBenchApp({ dbUrl, apiRoot: limiter.apiRootOf(k), token: fake.token }));
    const app = apps[0]!;
    // N branches with no October report, and a reminder round planned for them as the planner would.
    const { db } = app;
    const root = await db.unit.create({ data: { code: "DU", name: "Đảng ủy (bench)", kind: "COMMITTEE", createdBy: 0n } });
    for (let i = 0; i < n; i += 1000) {
      const count = Math.min(1000, n - i);
      await db.unit.createMany({ data: Array.from({ length: count }, (_, k) => ({ code: `CB${i + k}`, name: `Chi bộ ${i + k}`, kind: "BRANCH", parentId: root.id, createdBy: 0n })) });
    }
    const branches = await db.unit.findMany({ where: { kind: "BRANCH" }, select: { id: true }, orderBy: { id: "asc" } });
    // Each branch's secretary: a reminder goes only to someone who still files for the branch.
    for (let i = 0; i < n; i += 1000) {
      await db.user.createMany({ data: branches.slice(i, i + 1000).map((_, k) => ({ telegramId: BigInt(100_000 + i + k), firstName: `Bí thư ${i + k}` })) });
    }
    const users = await db.user.findMany({ where: { telegramId: { gte: 100_000n } }, select: { id: true }, orderBy: { telegramId: "asc" } });
    for (let i = 0; i < n; i += 1000) {
      await db.membership.createMany({ data: branches.slice(i, i + 1000).map((b, k) => ({ userId: users[i + k]!.id, unitId: b.id, role: "SECRETARY" })) });
    }
    const occasion = "reminder:2026-10:d3";
    await db.jobRun.create({ data: { occasion, kind: "reminder", payload: JSON.stringify({ period: { year: 2026, month: 10 } }), dueAt: REMINDER_DUE, plannedAt: BENCH_NOW } });
    for (let i = 0; i < n; i += 1000) {
      await db.delivery.createMany({
        data: branches.slice(i, i + 1000).map((b, k) => ({
          occasion,
          chatId: BigInt(100_000 + i + k),
          payload: JSON.stringify({ unitIds: [b.id] }),
          status: "PENDING",
          attempts: 0,
          sentParts: 0,
          updatedAt: new Date(),
        })),
      });
    }

    const t0 = performance.now();
    const ticks = apps.map((a) => a.scheduler.tick());
    if (handover) {
      // Half-way, the instance sending is stopped as a deploy stops it; the other takes over.
      while (limiter.accepted.length < n / 2) await new Promise((r) => setTimeout(r, 50));
      const holder = limiter.acceptedBy.at(-1)!;
      await apps[holder - 1]!.scheduler.stop();
    }
    const results = await Promise.all(ticks);
    const seconds = (performance.now() - t0) / 1000;
    const result = results.map((r) => JSON.stringify(r)).join(" ");

    const perChat = new Map<number, number>();
    for (const m of fake.messages) if (m.text.startsWith("🔔")) perChat.set(m.chat_id, (perChat.get(m.chat_id) ?? 0) + 1);
    const sent = [...perChat.values()].reduce((a, b) => a + b, 0);
    const stamps = limiter.accepted;
    const span = stamps.length > 1 ? (stamps.at(-1)! - stamps[0]!) / 1000 : NaN;
    return {
      reminders: n,
      seconds,
      sent,
      rate: sent / seconds,
      steadyRate: (stamps.length - 1) / span,
      acceptedAt: stamps.map((t) => Math.round(performance.timeOrigin + t)),
      rejected429: limiter.rejected(),
      duplicates: [...perChat.values()].reduce((a, c) => a + Math.max(0, c - 1), 0),
      missing: n - perChat.size,
      result,
      instances,
      sentBy: apps.map((_, k) => limiter.acceptedBy.filter((i) => i === k + 1).length),
      longestGapMs: Math.round(Math.max(0, ...stamps.slice(1).map((t, i) => t - stamps[i]!))),
      handover,
      cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    };
  } finally {
    for (const a of apps) await a.stop();
    await limiter.stop();
    await fake.stop();
  }
}

export const FANOUT_LIMIT = LIMIT;
