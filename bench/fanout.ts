// 2. A reminder round to N secretaries, sent by the app's Scheduler through a Bot API limited to 30 sends a second.
// Run in a process of its own (bench/child.ts) alongside the digest part: it mostly waits on the limit.
import { FakeTelegram } from "../test/support/fake-telegram.js";
import { BENCH_NOW, startBenchApp, startRateLimiter } from "./support.js";

const LIMIT = 30;

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
  /** CPU time of the whole fan-out process (bot, fake Bot API, limiter), to judge what it takes from parts run alongside. */
  cpuSeconds: number;
}

/** `dbUrl`: a fresh database the caller made and drops afterwards. */
export async function fanoutBench(n: number, dbUrl: string): Promise<FanoutFigures> {
  const fake = await new FakeTelegram().start();
  const limiter = await startRateLimiter(fake.apiRoot, LIMIT);
  const app = await startBenchApp({ dbUrl, apiRoot: limiter.apiRoot, token: fake.token });
  try {
    // N branches with no October report, and a reminder round planned for them as the planner would.
    const { db } = app;
    const root = await db.unit.create({ data: { code: "DU", name: "Đảng ủy (bench)", kind: "COMMITTEE", createdBy: 0n } });
    for (let i = 0; i < n; i += 1000) {
      const count = Math.min(1000, n - i);
      await db.unit.createMany({ data: Array.from({ length: count }, (_, k) => ({ code: `CB${i + k}`, name: `Chi bộ ${i + k}`, kind: "BRANCH", parentId: root.id, createdBy: 0n })) });
    }
    const branches = await db.unit.findMany({ where: { kind: "BRANCH" }, select: { id: true }, orderBy: { id: "asc" } });
    const occasion = "reminder:2026-10:d2";
    await db.jobRun.create({ data: { occasion, kind: "reminder", payload: JSON.stringify({ period: { year: 2026, month: 10 } }), dueAt: BENCH_NOW, plannedAt: BENCH_NOW } });
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
    const result = await app.scheduler.tick();
    const seconds = (performance.now() - t0) / 1000;

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
      result: JSON.stringify(result),
      cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
    };
  } finally {
    await app.stop();
    await limiter.stop();
    await fake.stop();
  }
}

export const FANOUT_LIMIT = LIMIT;
