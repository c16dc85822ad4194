// Part "updates against anchors" (issue 13): the real bot and two anchors (bench/anchors.ts) in
// processes of their own, one fake Bot API, the same 14-step /baocao. After a warm-up of each,
// rounds take them in turn (the order rotating), so that the machine's other load falls on all
// alike; then each gets an open loop at half its own saturation rate. With BENCH_BEFORE_TREE=<a
// checkout of the code before the change> its bot runs as a fourth target, in the same rounds.
// Statements per step are counted in the real bots (bench/instance.ts), one secretary stepping alone.
import { join } from "node:path";
import { createDb } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import type { AnchorKind } from "./anchors.js";
import { FAKE_TOKEN, FakeApi } from "./fake-api.js";
import { isWrite, type InstanceSample } from "./instance.js";
import { benchDb, inChild, percentile, type BenchDb, type DbKind } from "./support.js";
import { loadGenerator, seedSecretaries, STEPS, UPDATES_PER_REPORT, type Secretary } from "./updates.js";

export interface TargetFigures {
  name: string;
  updates: number;
  perSecond: number;
  p50: number;
  p99: number;
  cpuMsPerUpdate: number;
  apiCallsPerUpdate: number;
  /** The measured rounds' Bot API calls per update, by method. */
  apiMethods: Record<string, number>;
  /** `slowest`: the steps of the slowest 1% of the open loop's updates, by label, to say what the p99 is made of. */
  open: { rate: number; p50: number; p99: number; updates: number; slowest: Record<string, number> };
  /** Real bots: statements (and writes among them) per step of one form, the step's label first. */
  /** `statements`: until the step's answer; `after`: what it left for after (digest rows, review cards). */
  steps?: { label: string; statements: number; writes: number; after: number; texts: string[]; afterTexts: string[]; stateBytes: number }[];
  errors: string[];
}

interface Target {
  name: string;
  real: boolean;
  first: number;
  port: number;
  send: (m: unknown) => void;
  samples: InstanceSample[];
  done: Promise<InstanceSample>;
  load: ReturnType<typeof loadGenerator>;
  next: number;
  lat: number[];
  seconds: number;
  cpuMs: number;
  apiCalls: number;
  methods: Map<string, number>;
  database?: BenchDb;
}

const label = (s: string | { press: string }) => (typeof s === "string" ? s : `[${s.press}]`);

export async function anchorBench(kind: DbKind, opts: { concurrency: number; rounds: number; openSeconds: number }): Promise<TargetFigures[]> {
  const fake = await new FakeApi().start();
  const targets: Target[] = [];
  const perTarget = opts.concurrency * (opts.rounds + 1) + 1 + Math.ceil((opts.openSeconds * 2000) / UPDATES_PER_REPORT);
  const before = process.env.BENCH_BEFORE_TREE;
  const specs: { name: string; real?: "after" | "before"; anchor?: AnchorKind }[] = [
    { name: "real bot", real: "after" },
    ...(before ? [{ name: "real bot, before", real: "before" as const }] : []),
    { name: "conversations, in memory", anchor: "conversations" },
    { name: "bare grammY", anchor: "bare" },
  ];
  try {
    for (const [i, spec] of specs.entries()) {
      const first = 2_000_000 + i * 1_000_000;
      const database = spec.real ? await benchDb(kind, `anchor${i}`) : undefined;
      if (database && spec.real === "after") {
        const db = createDb(database.url);
        await migrate(db);
        await db.$disconnect();
      }
      const samples: InstanceSample[] = [];
      let ready!: (v: { port: number; send: (m: unknown) => void }) => void;
      const started = new Promise<{ port: number; send: (m: unknown) => void }>((r) => (ready = r));
      const args = spec.real ? [database!.url, fake.apiRoot, FAKE_TOKEN] : [spec.anchor, fake.apiRoot, FAKE_TOKEN];
      const done = inChild<InstanceSample>(spec.real ? "instance" : "anchor", args, {
        timeoutMs: 600_000,
        ...(spec.real === "before" ? { benchDir: join(before!, "bench") } : {}),
        // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each target, as in part 2.
        ...(process.env.BENCH_CPU_PROF ? { execArgv: ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] } : {}),
        onMessage: (m, send) => {
          const e = m as { port?: number; sample?: InstanceSample };
          if (e.port) ready({ port: e.port, send });
          if (e.sample) samples.push(e.sample);
        },
      });
      const { port, send } = await Promise.race([started, done.then(() => Promise.reject(new Error(`${spec.name} ended early`)))]);
      // Seeded once the bot has migrated its database (the older code migrates with its own history).
      if (database) {
        const db = createDb(database.url);
        await seedSecretaries(db, perTarget, first);
        await db.$disconnect();
      }
      targets.push({ name: spec.name, real: Boolean(spec.real), first, port, send, samples, done, load: loadGenerator(fake, [port]), next: first, lat: [], seconds: 0, cpuMs: 0, apiCalls: 0, methods: new Map(), ...(database ? { database } : {}) });
    }
    const sample = async (t: Target) => {
      const n = t.samples.length;
      t.send({ cmd: "sample" });
      while (t.samples.length === n) await new Promise((r) => setTimeout(r, 2));
      return t.samples.at(-1)!;
    };
    /** `n` secretaries at once, each through the whole form; latencies of every update. */
    const closed = async (t: Target, n: number) => {
      const lat: number[] = [];
      await Promise.all(
        Array.from({ length: n }, async () => {
          const s: Secretary = { id: t.next++, step: 0 };
          while (s.step < STEPS.length) {
            const a = performance.now();
            await t.load.step(s).catch((e: unknown) => void t.load.errors.push(String(e)));
            lat.push(performance.now() - a);
          }
        }),
      );
      return lat;
    };

    for (const t of targets) await closed(t, opts.concurrency); // warm-up
    const steps = new Map<Target, TargetFigures["steps"]>();
    for (const t of targets.filter((x) => x.real)) {
      const s: Secretary = { id: t.next++, step: 0 };
      const list: NonNullable<TargetFigures["steps"]> = [];
      const db = createDb(t.database!.url);
      await sample(t);
      while (s.step < STEPS.length) {
        const what = STEPS[s.step]!;
        await t.load.step(s);
        // What the step left for after its answer is over (on either database) before the sample.
        await new Promise((r) => setTimeout(r, 200));
        const sampled = await sample(t);
        const counted = sampled.statements ?? [];
        const texts = counted.flatMap(([text, c]) => Array<string>(c).fill(text));
        const afterTexts = (sampled.after ?? []).flatMap(([text, c]) => Array<string>(c).fill(text));
        const after = afterTexts.length;
        // The form's stored state after the step (what every later answer reads, parses and replays).
        const row = await db.conversationState.findUnique({ where: { key: String(s.id) }, select: { value: true } });
        list.push({ label: label(what), statements: texts.length, writes: texts.filter(isWrite).length, after, texts, afterTexts, stateBytes: row ? Buffer.byteLength(row.value) : 0 });
      }
      await db.$disconnect();
      steps.set(t, list);
    }
    for (let round = 0; round < opts.rounds; round++) {
      const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
      for (const t of order) {
        await sample(t);
        const calls = fake.calls;
        const methods = new Map(fake.byMethod);
        const t0 = performance.now();
        const lat = await closed(t, opts.concurrency);
        t.seconds += (performance.now() - t0) / 1000;
        t.apiCalls += fake.calls - calls;
        for (const [m, c] of fake.byMethod) t.methods.set(m, (t.methods.get(m) ?? 0) + c - (methods.get(m) ?? 0));
        t.cpuMs += (await sample(t)).cpuMs;
        t.lat.push(...lat);
      }
    }
    const out: TargetFigures[] = [];
    for (const t of targets) {
      const sorted = [...t.lat].sort((a, b) => a - b);
      const perSecond = sorted.length / t.seconds;
      const open = await openLoop(t, Math.max(1, Math.round(perSecond / 2)), opts.openSeconds);
      out.push({
        name: t.name,
        updates: sorted.length,
        perSecond,
        p50: percentile(sorted, 50),
        p99: percentile(sorted, 99),
        cpuMsPerUpdate: t.cpuMs / sorted.length,
        apiCallsPerUpdate: t.apiCalls / sorted.length,
        apiMethods: Object.fromEntries([...t.methods].map(([m, c]) => [m, Math.round((c / sorted.length) * 100) / 100])),
        open,
        ...(steps.has(t) ? { steps: steps.get(t)! } : {}),
        errors: [...(t.load.non200() ? [`${t.load.non200()} webhook answers other than 200`] : []), ...t.load.errors.slice(0, 3)],
      });
    }
    return out;
  } finally {
    for (const t of targets) t.send({ cmd: "stop" });
    await Promise.allSettled(targets.map((t) => t.done));
    await fake.stop();
    for (const t of targets) await t.database?.drop();
  }
}

/** Updates due at `rate`/s for `seconds`, given to secretaries between answers; latency from when each was due. */
async function openLoop(t: Target, rate: number, seconds: number): Promise<TargetFigures["open"]> {
  const total = Math.round(rate * seconds);
  const lat: { ms: number; step: string }[] = [];
  const idle: Secretary[] = [];
  let finished = 0;
  const dispatch = (due: number) => {
    const s = idle.shift() ?? { id: t.next++, step: 0 };
    const step = label(STEPS[s.step]!);
    void t.load.step(s).then(
      () => {
        lat.push({ ms: performance.now() - due, step });
        finished++;
        if (s.step < STEPS.length) idle.push(s);
      },
      (e: unknown) => void (finished++, t.load.errors.push(String(e))),
    );
  };
  const interval = 1000 / rate;
  const t0 = performance.now();
  let issued = 0;
  while (issued < total) {
    const due = Math.min(total, Math.floor((performance.now() - t0) / interval) + 1);
    while (issued < due) dispatch(t0 + interval * issued++);
    await new Promise((r) => setTimeout(r, 1));
  }
  while (finished < total && performance.now() - t0 < seconds * 1000 + 30_000) await new Promise((r) => setTimeout(r, 5));
  lat.sort((a, b) => a.ms - b.ms);
  const sorted = lat.map((l) => l.ms);
  const slowest: Record<string, number> = {};
  for (const l of lat.slice(Math.floor(lat.length * 0.99))) {
    const kind = /^\d+$/.test(l.step) ? "typed" : l.step;
    slowest[kind] = (slowest[kind] ?? 0) + 1;
  }
  return { rate, updates: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99), slowest };
}
