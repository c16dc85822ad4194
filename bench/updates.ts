// 3. Secretaries complete /baocao through the webhook, each update POSTed as Telegram would,
// to one or two bot instances (separate processes, one database) taken in turn like a load balancer.
//   closed loop: C secretaries at once, each sending its next answer as soon as the last is answered
//                -> throughput at saturation (latency there is mostly queueing, C / throughput);
//   open loop:   updates arrive at a fixed rate whatever happens -> latency at that load, measured
//                from when each update was due, so a backlog counts in full.
import { Agent, request } from "node:http";
import { createDb } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { FAKE_TOKEN, FakeApi } from "./fake-api.js";
import type { InstanceSample } from "./instance.js";
import { benchDb, inChild, percentile, pgServerCpuMs, SECRET, WEBHOOK_PATH, type DbKind } from "./support.js";

/** TYPICAL_ANSWERS of test/support/scenario.ts (not imported: that file needs vitest's runner). */
const ANSWERS: (string | { press: string })[] = ["12", "3", "2", "3", "1", "2", "1", "0", "0", "1", { press: "Bỏ qua" }];
export const STEPS: (string | { press: string })[] = ["/baocao", { press: "Tháng 10/2026" }, ...ANSWERS, { press: "✅ Gửi báo cáo" }];
export const UPDATES_PER_REPORT = STEPS.length;
export const FIRST_SECRETARY = 700_000;

export interface Latencies {
  updates: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  max: number;
}

export interface UpdateFigures {
  db: DbKind;
  instances: number;
  closed: Latencies & { concurrency: number };
  open: Latencies & { offered: number };
  non200: number;
  errors: string[];
  reportsSaved: number;
  reportsStarted: number;
  /** Per instance. */
  peakRssMb: number[];
  /** CPU time per update: the bot instances together, the PostgreSQL server, this process (load generator and fake Bot API). */
  cpuMsPerUpdate: { bot: number; postgres: number; driver: number };
}

export interface Secretary {
  id: number;
  step: number;
}

/**
 * `rate`: the open loop's offered load, or how to pick it from the closed loop's throughput;
 * `maxRate` bounds it (secretaries enough for it are seeded up front).
 */
export async function updatesBench(
  kind: DbKind,
  instances: number,
  opts: { concurrency: number; rate: (saturation: number) => number; maxRate: number; seconds: number },
): Promise<UpdateFigures> {
  const openPool = Math.ceil((opts.maxRate * opts.seconds) / UPDATES_PER_REPORT) + 200;
  const database = await benchDb(kind, `upd${instances}`);
  const fake = await new FakeApi().start();
  const db = createDb(database.url);
  const children: { port: number; send: (m: unknown) => void; done: Promise<InstanceSample>; samples: InstanceSample[] }[] = [];
  try {
    await migrate(db);
    await seedSecretaries(db, opts.concurrency + openPool);
    for (let i = 0; i < instances; i++) {
      let ready!: (v: { port: number; send: (m: unknown) => void }) => void;
      const started = new Promise<{ port: number; send: (m: unknown) => void }>((r) => (ready = r));
      const samples: InstanceSample[] = [];
      const done = inChild<InstanceSample>("instance", [database.url, fake.apiRoot, FAKE_TOKEN], {
        timeoutMs: 300_000,
        // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each instance, for finding where an update's time goes.
        execArgv: process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
        onMessage: (m, send) => {
          const e = m as { port?: number; sample?: InstanceSample };
          if (e.port) ready({ port: e.port, send });
          if (e.sample) samples.push(e.sample);
        },
      });
      const first = await Promise.race([started, done.then(() => Promise.reject(new Error("instance ended early")))]);
      children.push({ ...first, done, samples });
    }

    const load = loadGenerator(fake, children.map((c) => c.port));
    const { step, errors } = load;
    const sample = async () => {
      const before = children.map((c) => c.samples.length);
      for (const c of children) c.send({ cmd: "sample" });
      while (children.some((c, i) => c.samples.length === before[i])) await new Promise((r) => setTimeout(r, 5));
      return children.map((c) => c.samples.at(-1)!);
    };

    // Closed loop.
    await sample();
    const pgCpu0 = pgServerCpuMs();
    const ownCpu0 = process.cpuUsage();
    const closedLat: number[] = [];
    let t0 = performance.now();
    await Promise.all(
      Array.from({ length: opts.concurrency }, async (_, i) => {
        const s: Secretary = { id: FIRST_SECRETARY + i, step: 0 };
        while (s.step < STEPS.length) {
          const a = performance.now();
          const ok = await step(s).then(
            () => true,
            (e: unknown) => void errors.push(String(e)),
          );
          if (!ok) return;
          closedLat.push(performance.now() - a);
        }
      }),
    );
    const closed = { ...summary(closedLat, (performance.now() - t0) / 1000), concurrency: opts.concurrency };
    const closedSamples = await sample();
    const rate = Math.max(1, Math.min(opts.maxRate, Math.round(opts.rate(closed.perSecond))));
    const openTotal = Math.round(rate * opts.seconds);
    if (process.env.BENCH_SQL_COUNT) console.log(`statements per update (closed loop, ${closed.updates} updates):`, closedSamples[0]!.statements?.map(([t, n]) => `${(n / closed.updates).toFixed(2)} ${t}`));

    // Open loop: arrivals every 1/rate s; each goes to a secretary who is between answers,
    // one already in a form first (people finish what they started), waiting if none is.
    const openLat: number[] = [];
    const inForm: Secretary[] = [];
    const fresh: Secretary[] = Array.from({ length: openPool }, (_, i) => ({ id: FIRST_SECRETARY + opts.concurrency + i, step: 0 }));
    const backlog: number[] = [];
    let finished = 0;
    const dispatch = (dueAt: number) => {
      const s = inForm.shift() ?? fresh.shift();
      if (!s) return void backlog.push(dueAt);
      void step(s).then(
        () => {
          openLat.push(performance.now() - dueAt);
          finished++;
          if (s.step < STEPS.length) inForm.push(s);
          const waiting = backlog.shift();
          if (waiting !== undefined) dispatch(waiting);
        },
        (e: unknown) => errors.push(String(e)),
      );
    };
    const interval = 1000 / rate;
    t0 = performance.now();
    let issued = 0;
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const due = Math.min(openTotal, Math.floor((performance.now() - t0) / interval) + 1);
        while (issued < due) dispatch(t0 + interval * issued++);
        if (issued === openTotal) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    while (finished + errors.length < openTotal && performance.now() - t0 < opts.seconds * 1000 + 60_000) await new Promise((r) => setTimeout(r, 10));
    const open = { ...summary(openLat, (performance.now() - t0) / 1000), offered: rate };
    const openSamples = await sample();
    const ownCpu = process.cpuUsage(ownCpu0);
    const pgCpu = pgServerCpuMs() - pgCpu0;
    load.destroy();

    const cpuMs = [...closedSamples, ...openSamples].reduce((a, s) => a + s.cpuMs, 0);
    return {
      db: kind,
      instances,
      closed,
      open,
      non200: load.non200(),
      errors,
      reportsSaved: await db.report.count({ where: { year: 2026, month: 10 } }),
      reportsStarted: opts.concurrency + openPool - fresh.length,
      peakRssMb: children.map((_, i) => Math.max(closedSamples[i]!.peakRssMb, openSamples[i]!.peakRssMb)),
      cpuMsPerUpdate: {
        bot: cpuMs / (closed.updates + open.updates),
        postgres: kind === "postgresql" ? pgCpu / (closed.updates + open.updates) : NaN,
        driver: (ownCpu.user + ownCpu.system) / 1000 / (closed.updates + open.updates),
      },
    };
  } finally {
    for (const c of children) c.send({ cmd: "stop" });
    await Promise.allSettled(children.map((c) => c.done));
    await db.$disconnect();
    await fake.stop();
    await database.drop();
  }
}

export function summary(latencies: number[], seconds: number): Latencies {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { updates: sorted.length, seconds, perSecond: sorted.length / seconds, p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1) ?? NaN };
}

/** N branches under one committee, each with a secretary who has already joined (what /moi + /start leave behind). */
export async function seedSecretaries(db: ReturnType<typeof createDb>, n: number, first = FIRST_SECRETARY): Promise<void> {
  const root = await db.unit.create({ data: { code: `DU${first}`, name: "Đảng ủy (bench)", kind: "COMMITTEE", createdBy: 0n } });
  const ids = Array.from({ length: n }, (_, i) => i);
  for (let i = 0; i < n; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    await db.unit.createMany({ data: chunk.map((k) => ({ code: `CB${first + k}`, name: `Chi bộ ${first + k}`, kind: "BRANCH", parentId: root.id, createdBy: 0n })) });
    await db.user.createMany({ data: chunk.map((k) => ({ telegramId: BigInt(first + k), firstName: `Bí thư ${k}` })) });
  }
  const units = new Map((await db.unit.findMany({ where: { kind: "BRANCH", parentId: root.id }, select: { id: true, code: true } })).map((u) => [u.code, u.id]));
  const users = await db.user.findMany({ where: { telegramId: { gte: BigInt(first), lt: BigInt(first + n) } }, select: { id: true, telegramId: true } });
  const memberships = users.map((u) => ({ userId: u.id, unitId: units.get(`CB${Number(u.telegramId)}`)!, role: "SECRETARY" }));
  for (let i = 0; i < memberships.length; i += 1000) await db.membership.createMany({ data: memberships.slice(i, i + 1000) });
}


/**
 * Posts secretaries' updates to the webhooks at `ports` (taken in turn, like a load balancer),
 * pressing the buttons the fake Bot API last showed each of them.
 */
export function loadGenerator(fake: FakeApi, ports: number[]) {
  const agent = new Agent({ keepAlive: true, maxSockets: 1024 });
  let nextUpdate = 1;
  let turn = 0;
  let non200 = 0;
  let webhookReplies = 0;
  const errors: string[] = [];
  const post = (body: Record<string, unknown>) => {
    const port = ports[turn++ % ports.length]!;
    const payload = JSON.stringify({ update_id: nextUpdate++, ...body });
    const send = (retry: boolean): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        const req = request(
          { host: "127.0.0.1", port, path: WEBHOOK_PATH, method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), "X-Telegram-Bot-Api-Secret-Token": SECRET } },
          (res) => {
            if (res.statusCode !== 200) non200++;
            // A body is a Bot API call made as the webhook's reply (a press answered, src/bot/middleware/update-end.ts).
            let body = 0;
            res.on("data", (c: Buffer) => (body += c.length));
            res.on("end", () => {
              if (body > 0) webhookReplies++;
              resolve();
            });
          },
        );
        // A kept-alive socket the server closed as it was reused: sent again, as Node's docs advise
        // (a duplicate would be skipped by update_id anyway).
        req.on("error", (e: NodeJS.ErrnoException) => (retry && req.reusedSocket && e.code === "ECONNRESET" ? send(false).then(resolve, reject) : reject(e)));
        req.end(payload);
      });
    return send(true);
  };
  const person = (id: number) => ({ id, is_bot: false, first_name: `Bí thư ${id}`, language_code: "vi" });
  const chat = (id: number) => ({ id, type: "private", first_name: `Bí thư ${id}` });
  /** Sends the secretary's next update; resolves when the webhook has answered it. */
  const step = (s: Secretary): Promise<void> => {
    const what = STEPS[s.step++]!;
    const date = Math.floor(Date.now() / 1000);
    if (typeof what === "string") {
      const entities = what.startsWith("/") ? [{ type: "bot_command", offset: 0, length: what.length }] : undefined;
      return post({ message: { message_id: nextUpdate, date, from: person(s.id), chat: chat(s.id), text: what, ...(entities ? { entities } : {}) } });
    }
    const message = fake.lastWithButtons(s.id);
    const button = message?.buttons.flat().find((b) => b.text === what.press);
    if (!message || !button?.callback_data) {
      if (errors.length < 5) errors.push(`secretary ${s.id} step ${s.step}: no button "${what.press}" under "${message?.text.slice(0, 60)}"`);
      s.step = STEPS.length; // gives up: the rest of its form cannot be played
      return Promise.resolve();
    }
    return post({
      callback_query: { id: `cb${nextUpdate}`, from: person(s.id), chat_instance: `ci${s.id}`, data: button.callback_data, message: { message_id: message.id, date, chat: chat(s.id), text: message.text } },
    });
  };
  return { step, errors, non200: () => non200, webhookReplies: () => webhookReplies, destroy: () => agent.destroy() };
}
