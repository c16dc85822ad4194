// npm run bench: the measurements of issue 6, on SQLite and PostgreSQL (BENCH_POSTGRES_URL, default
// postgresql://postgres@127.0.0.1:5432/test; each part gets a fresh schema, dropped after).
// Figures are printed, not asserted. The reminder fan-out waits on a 30/s limit for minutes: it runs last, alone,
// two instances in processes of their own; `npm run bench -- fanout` runs only it, on each database.
// Sizes: BENCH_FANOUT (reminders, default 3000 in the whole run, 10000 alone), BENCH_CONCURRENCY (closed-loop secretaries, default 100),
// BENCH_RATE (open-loop updates/s, default: 700, or 80% of the measured saturation throughput if lower),
// BENCH_OPEN_SECONDS (default 6), BENCH_COUNTRY (branches of the country digest, default 250000; 0 skips it).
// Part 0 (issue 13, bench/anchor-bench.ts) runs first, alone: the real bot against its anchors;
// `npm run bench -- updates` runs only it. BENCH_ANCHOR_CONCURRENCY (50), BENCH_ANCHOR_ROUNDS (3), BENCH_ANCHOR_OPEN_SECONDS (3),
// BENCH_BEFORE_TREE (another checkout whose bot joins the same rounds).
// Part 4 (issue 14, bench/requests.ts): a request to BENCH_REQUEST_BRANCHES (5000) branches, its status view and
// exports; `npm run bench -- requests` runs only it.
// Part 5 (issue 13, bench/steps.ts): the CPU of each step of /baocao, real bot against the conversations anchor in
// one process without HTTP; `npm run bench -- steps` runs only it.
// Part 6 (issue 13, bench/submit.ts): the submit step of /baocao, one at a time: its statements, transaction, latency,
// what follows it, and the Bot API requests of a whole /baocao; `npm run bench -- submit` runs only it. BENCH_SUBMITS (100),
// BENCH_SUBMIT_ROUNDS (2); with BENCH_BEFORE_TREE, that checkout's bot is measured too, in turn with this one.
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { anchorBench, type TargetFigures } from "./anchor-bench.js";
import { digestBench, type DigestFigures } from "./digest.js";
import { FANOUT_LIMIT, type FanoutFigures } from "./fanout.js";
import { UPDATES_PER_REPORT, updatesBench, type UpdateFigures } from "./updates.js";
import { requestLines, requestsBench, type RequestFigures } from "./requests.js";
import type { StepFigures } from "./steps.js";
import { benchDb, inChild, mb, pgReachable, type DbKind } from "./support.js";
import { submitBench } from "./submit.js";

const SUBMIT_WARMUP = 20;

const GOAL_RATE = 700;
// The whole run sends fewer (its ten minutes): `npm run bench -- fanout` sends the 10,000 of issue 13 on each database.
const fanoutN = Number(process.env.BENCH_FANOUT ?? (process.argv[2] === "fanout" ? 10_000 : 3_000));
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 100);
const fixedRate = process.env.BENCH_RATE ? Number(process.env.BENCH_RATE) : undefined;
const openSeconds = Number(process.env.BENCH_OPEN_SECONDS ?? 6);
const country = Number(process.env.BENCH_COUNTRY ?? 250_000);
const ANCHOR_ROUNDS = Number(process.env.BENCH_ANCHOR_ROUNDS ?? 3);
// Fewer than part 2's secretaries: the four rounds of three targets on two databases stay within two minutes.
const anchorConcurrency = Number(process.env.BENCH_ANCHOR_CONCURRENCY ?? 50);
const ANCHOR_OPEN_SECONDS = Number(process.env.BENCH_ANCHOR_OPEN_SECONDS ?? 3);
const r1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : NaN);
const n = (x: number) => x.toLocaleString("en");
const started = performance.now();
const load = () => `load average ${loadavg()[0]!.toFixed(1)}`;

const pg = await pgReachable();
console.log(`Trợ lý Chi bộ benchmarks — node ${process.version}, ${cpus().length} cores, ${load()} at the start`);
console.log(pg ? "PostgreSQL: reachable" : "PostgreSQL: not reachable, skipped");
const dbs: DbKind[] = pg ? ["sqlite", "postgresql"] : ["sqlite"];
const label = (k: DbKind) => (k === "sqlite" ? "SQLite" : "PG");

// `npm run bench -- <part>`: only that part (updates, requests, steps, submit, fanout).
const only = process.argv[2];
if (only && !["updates", "requests", "steps", "submit", "fanout"].includes(only)) throw new Error(`unknown part "${only}" (known: updates, requests, steps, submit, fanout)`);
const requestBranches = Number(process.env.BENCH_REQUEST_BRANCHES ?? 5000);
const requestFigures: [DbKind, RequestFigures | Error][] = [];
async function requestsPart() {
  console.log(`\n4. A request to ${n(requestBranches)} branches, nine in ten answered: /yeucau's status view and the .xlsx and .docx exports (in a separate process)`);
  for (const kind of dbs) {
    const f = await requestsBench(kind, requestBranches);
    requestFigures.push([kind, f]);
    for (const l of requestLines(f, label(kind))) console.log(l);
  }
}
async function stepsPart() {
  console.log(`\n5. CPU of each step of /baocao, in one process with no HTTP: the real bot (SQLite, Bot API in memory) and the conversations anchor taken in turn (bench/steps.ts)`);
  const steps = await inChild<StepFigures[]>("steps", [], { timeoutMs: 300_000 });
  const total = (k: "realMs" | "anchorMs") => steps.reduce((a, s) => a + s[k], 0);
  for (const s of steps) console.log(`   ${s.label.padEnd(20)} real ${r2(s.realMs)} ms, anchor ${r2(s.anchorMs)} ms (${r2(s.realMs / s.anchorMs)}×)`);
  console.log(`   whole form: real ${r1(total("realMs"))} ms, anchor ${r1(total("anchorMs"))} ms (${r2(total("realMs") / total("anchorMs"))}×), ${load()}`);
}
async function submitPart() {
  const trees = [
    ...(process.env.BENCH_BEFORE_TREE ? [{ label: "before", root: process.env.BENCH_BEFORE_TREE }] : []),
    { label: process.env.BENCH_BEFORE_TREE ? "after" : "this tree", root: join(import.meta.dirname, "..") },
  ];
  const submits = Number(process.env.BENCH_SUBMITS ?? 100);
  const rounds = Number(process.env.BENCH_SUBMIT_ROUNDS ?? 2);
  console.log(`\n6. The submit step of /baocao: ${submits} secretaries one after another (after ${SUBMIT_WARMUP} to warm up), ${rounds} rounds, the trees in turn; one committee member above every branch (a review card each)`);
  for (const f of await submitBench(dbs, trees, { submits, warmup: SUBMIT_WARMUP, rounds })) {
    console.log(
      `   ${label(f.db)} ${f.label} (round ${f.round}): submit step ${f.statements} statements (${f.writes} writes), its transaction ${f.transaction} (${f.transactionWrites} writes);` +
        ` latency p50 ${r1(f.p50)} ms, p99 ${r1(f.p99)} ms; after the answer ${f.after} statements; one /baocao ${f.apiRequests} Bot API requests + ${f.webhookReplies} webhook replies`,
    );
  }
}
async function fanoutPart(kinds: DbKind[]) {
  console.log(`\n3. Reminder fan-out: ${n(fanoutN)} reminders, two instances on one database ticking at once, fake Bot API allowing ${FANOUT_LIMIT} sends in any sliding second (429 + retry_after: 1 above); nothing else runs meanwhile`);
  for (const kind of kinds) {
    const database = await benchDb(kind, "fanout");
    try {
      const f = await inChild<FanoutFigures>("fanout", [fanoutN, database.url, 2], { timeoutMs: (fanoutN / FANOUT_LIMIT) * 2000 + 120_000 });
      fanoutFigures.push([kind, f]);
      console.log(`   ${label(kind)} (${load()}): ${fanoutLine(f)}`);
    } catch (e) {
      fanoutFigures.push([kind, e as Error]);
      console.log(`   ${label(kind)}: FAILED: ${(e as Error).message.split("\n")[0]}`);
    } finally {
      await database.drop();
    }
  }
}
const fanoutFigures: [DbKind, FanoutFigures | Error][] = [];
// `npm run bench -- <part>` for a part that runs on its own (updates, part 0, is handled below).
const alone: Record<string, () => Promise<void>> = { steps: stepsPart, submit: submitPart, requests: requestsPart, fanout: () => fanoutPart(dbs) };
if (only && alone[only]) {
  await alone[only]();
  console.log(`\nTotal time ${r1((performance.now() - started) / 1000)} s, ${load()}`);
  process.exit(0);
}
const anchorFigures: [DbKind, TargetFigures[]][] = [];
console.log(
  `\n0. The update path against its anchors: the same 14-step /baocao through the real bot, grammY + conversations with state in memory, and bare grammY (bench/anchors.ts), one fake Bot API;` +
    ` after a warm-up, ${ANCHOR_ROUNDS} rounds of ${anchorConcurrency} secretaries at once taking the targets in turn, then an open loop at half each one's own rate for ${ANCHOR_OPEN_SECONDS} s` +
    (process.env.BENCH_BEFORE_TREE ? `; "before" is the code of BENCH_BEFORE_TREE in the same rounds` : ""),
);
for (const kind of dbs) {
  const figures = await anchorBench(kind, { concurrency: anchorConcurrency, rounds: ANCHOR_ROUNDS, openSeconds: ANCHOR_OPEN_SECONDS });
  anchorFigures.push([kind, figures]);
  const conv = figures.find((f) => f.name.startsWith("conversations"))!;
  const bare = figures.find((f) => f.name === "bare grammY")!;
  console.log(`   ${label(kind)} (${load()}):`);
  for (const f of figures) {
    const ratio = f.name.startsWith("real") ? `; real/conversations: CPU ${r2(f.cpuMsPerUpdate / conv.cpuMsPerUpdate)}×, rate ${r2(f.perSecond / conv.perSecond)}×; real/bare: CPU ${r2(f.cpuMsPerUpdate / bare.cpuMsPerUpdate)}×, rate ${r2(f.perSecond / bare.perSecond)}×` : "";
    console.log(
      `     ${f.name.padEnd(24)} ${r1(f.perSecond)}/s closed, p50 ${r1(f.p50)} ms, p99 ${r1(f.p99)} ms; CPU ${r2(f.cpuMsPerUpdate)} ms/update; ${r1(f.apiCallsPerUpdate)} Bot API calls/update (${Object.entries(f.apiMethods)
        .filter(([, c]) => c >= 0.01)
        .map(([m, c]) => `${m} ${c}`)
        .join(", ")}); ` +
        `open at ${f.open.rate}/s: p50 ${r1(f.open.p50)} ms, p99 ${r1(f.open.p99)} ms (slowest 1%: ${Object.entries(f.open.slowest).map(([k, c]) => `${k} ${c}`).join(", ")})${ratio}`,
    );
    for (const e of f.errors) console.log(`       ! ${e}`);
    if (f.steps) {
      const answers = f.steps.filter((s) => /^\d+$/.test(s.label));
      const avg = (xs: number[]) => r2(xs.reduce((a, b) => a + b, 0) / xs.length);
      console.log(
        `       statements per step until its answer (writes)[+ after the answer]: ${f.steps.map((s) => `${s.label} ${s.statements} (${s.writes})${s.after ? ` [+${s.after}]` : ""}`).join(", ")}; typed answers on average ${avg(answers.map((s) => s.statements))} (${avg(answers.map((s) => s.writes))} writes)`,
      );
      const sizes = f.steps.map((s) => s.stateBytes);
      const last = f.steps.findLastIndex((s) => s.stateBytes > 0);
      const firstAnswer = f.steps.findIndex((s) => /^\d+$/.test(s.label));
      console.log(
        `       stored form state after each step (bytes): ${sizes.join(", ")}; about ${r1((sizes[last]! - sizes[firstAnswer]!) / Math.max(1, last - firstAnswer))} B more per step`,
      );
      if (process.env.BENCH_SQL_COUNT)
        for (const s of f.steps) console.log(`         ${s.label}: ${s.texts.join(" | ")}${s.afterTexts.length ? `\n           after the answer: ${s.afterTexts.join(" | ")}` : ""}`);
    }
  }
}
if (only) {
  console.log(`\nTotal time ${r1((performance.now() - started) / 1000)} s, ${load()}`);
  process.exit(0);
}


console.log(`\n1. Digest of one committee, period 12/2026 (12 months of reports, 2 meetings a month per branch; median of up to 5 runs after a warm-up, in a separate process)`);
const digests: DigestFigures[] = [];
const digestRuns: [DigestFigures, DigestFigures["digests"][number] | undefined][] = [];
for (const [kind, branches] of [...dbs.map((k) => [k, 5000] as const), ...(pg && country ? [["postgresql", country] as const] : [])]) {
  // The province first: a country digest that runs out of time then still leaves it measured.
  const d = await digestBench(kind, branches, branches > 5000 ? ["province", "root"] : ["root"], branches > 5000 ? 180_000 : 60_000);
  digests.push(d);
  console.log(`   ${label(kind)}, ${n(branches)} branches: seeded ${n(d.reports)} reports + ${n(d.meetings)} meetings in ${r1(d.seedSeconds)} s, digest rows built in ${r1(d.buildSeconds)} s`);
  if (d.error) console.log(`     FAILED: ${d.error}`);
  for (const run of d.digests) {
    digestRuns.push([d, run]);
    console.log(
      `     ${run.label}: ${r1(run.ms)} ms (${run.cold ? "1 cold run: slower than the 10 s allowed for all" : `${run.runs} runs`}); rows handed to JS ${n(run.rowsInJs)}; one run grew heap ${run.heapGrowthMb} MB, RSS ${run.rssGrowthMb} MB`,
    );
  }
  if (d.error) digestRuns.push([d, undefined]);
}

console.log(`\n2. Updates through the webhook: secretaries filing /baocao (${UPDATES_PER_REPORT} updates each); instances in processes of their own, the load generator and fake Bot API in this one`);
console.log(`   closed loop: ${concurrency} secretaries at once, each answering as soon as it is answered (throughput at saturation)`);
console.log(`   open loop: updates due at a fixed rate for ${openSeconds} s, latency from when each was due to its webhook answer`);
const updates: UpdateFigures[] = [];
for (const [kind, instances] of [...dbs.map((k) => [k, 1] as const), ...(pg ? [["postgresql", 2] as const] : [])]) {
  const note = ` (${load()})`;
  const u = await updatesBench(kind, instances, {
    concurrency,
    rate: (saturation) => fixedRate ?? Math.min(GOAL_RATE, 0.8 * saturation),
    maxRate: fixedRate ?? GOAL_RATE,
    seconds: openSeconds,
  });
  updates.push(u);
  const c = u.closed;
  const o = u.open;
  const why = fixedRate ? "BENCH_RATE" : o.offered >= GOAL_RATE ? "the goal" : "80% of saturation: 700/s is past it";
  console.log(`   ${label(kind)}, ${instances} instance${instances > 1 ? "s" : ""}:${note}`);
  console.log(`     closed: ${n(c.updates)} updates in ${r1(c.seconds)} s = ${r1(c.perSecond)}/s; latency p50 ${r1(c.p50)} ms, p99 ${r1(c.p99)} ms (queueing: ${concurrency} in flight)`);
  console.log(`     open at ${o.offered}/s (${why}): ${n(o.updates)} updates, ${r1(o.perSecond)}/s done; latency p50 ${r1(o.p50)} ms, p99 ${r1(o.p99)} ms, max ${r1(o.max)} ms`);
  console.log(
    `     CPU per update: bot ${r1(u.cpuMsPerUpdate.bot)} ms, PostgreSQL ${r1(u.cpuMsPerUpdate.postgres)} ms, load generator + fake API ${r1(u.cpuMsPerUpdate.driver)} ms; ` +
      `peak RSS per instance ${u.peakRssMb.join(", ")} MB; non-200: ${u.non200}; reports saved ${u.reportsSaved} of ${u.reportsStarted} started`,
  );
  for (const e of u.errors) console.log(`     ! ${e}`);
}

function fanoutLine(f: FanoutFigures): string {
  return (
    `drained in ${r1(f.seconds)} s: ${n(f.sent)} sent, ${r1(f.rate)}/s overall = ${r2(f.rate / FANOUT_LIMIT)} of the limit (${r1(f.steadyRate)}/s first-to-last send = ${r2(f.steadyRate / FANOUT_LIMIT)}); ` +
    `429s: ${f.rejected429}; duplicates: ${f.duplicates}; missing: ${f.missing}; sent by each instance: ${f.sentBy.join(" + ")}` +
    (f.handover ? `; the holder stopped half-way, longest pause between two sends ${f.longestGapMs} ms` : "") +
    `; process CPU ${r1(f.cpuSeconds)} s`
  );
}

function r2(x: number) {
  return Math.round(x * 100) / 100;
}
await requestsPart();
await stepsPart();
// Last, and alone: it spends its minutes waiting on the limit, and nothing else should share the machine with it.
const fanoutDb: DbKind = pg ? "postgresql" : "sqlite";
if (fanoutN > 0) await fanoutPart([fanoutDb]);

const pg1 = updates.find((u) => u.db === "postgresql" && u.instances === 1);
const rows: [string, string, string][] = [
  ...anchorFigures.map(([kind, figures]): [string, string, string] => {
    const real = figures.find((f) => f.name === "real bot")!;
    const conv = figures.find((f) => f.name.startsWith("conversations"))!;
    const answers = (real.steps ?? []).filter((s) => /^\d+$/.test(s.label));
    const avg = (xs: number[]) => r2(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
    return [
      `Update path vs anchor (${label(kind)})`,
      `CPU ${r2(real.cpuMsPerUpdate / conv.cpuMsPerUpdate)}×, rate ${r2(real.perSecond / conv.perSecond)}× conversations; an answer ${avg(answers.map((a) => a.statements))} statements, ${avg(answers.map((a) => a.writes))} writes`,
      "CPU <= 1.5×, rate >= 0.6×; <= 2 statements, <= 1 write (issue 13)",
    ];
  }),
  ...digestRuns.map(([d, run]): [string, string, string] => [
    `Digest ${n(d.branches)} (${label(d.db)})${run?.label.startsWith("one") ? ", one province" : ""}`,
    run ? `${r1(run.ms)} ms, heap +${run.heapGrowthMb} MB, ${n(run.rowsInJs)} rows to JS` : `FAILED: ${d.error}`,
    d.branches <= 5000 ? "< 200 ms, work in SQL" : run?.label.startsWith("one") ? "(none set; shown for scale)" : "< 2 s on PG, work in SQL",
  ]),
  ...fanoutFigures.map(([kind, f]): [string, string, string] => [
    `Fan-out ${n(fanoutN)}, 2 instances (${label(kind)})`,
    f instanceof Error ? "FAILED" : `${r2(f.rate / FANOUT_LIMIT)} of 30/s, ${f.rejected429} × 429, ${f.duplicates} dup`,
    ">= 0.95, no 429, no dup",
  ]),
  ...updates.map((u): [string, string, string] => [
    `Updates, ${label(u.db)} ${u.instances} instance${u.instances > 1 ? "s" : ""}`,
    `${r1(u.closed.perSecond)}/s max; at ${u.open.offered}/s p50 ${r1(u.open.p50)} ms, p99 ${r1(u.open.p99)} ms; RSS ${Math.max(...u.peakRssMb)} MB` +
      (u.instances > 1 && pg1 ? `; ${r2(u.closed.perSecond / pg1.closed.perSecond)} × 1 instance` : ""),
    u.db === "sqlite" ? "(no SQLite goal)" : u.instances === 1 ? ">= 700/s, p99 < 50 ms" : "~2 × 1 instance",
  ]),
  ...requestFigures.map(([kind, f]): [string, string, string] => [
    `Request to ${n(requestBranches)} (${label(kind)})`,
    f instanceof Error ? "FAILED" : `status ${r1(f.statusMs)} ms; xlsx ${r1(f.xlsxMs)} ms, peak ${f.xlsxPeakMb} MB; docx ${r1(f.docxMs)} ms, peak ${f.docxPeakMb} MB`,
    "(figures asked, no goal set; issue 14)",
  ]),
];
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ["Measure", "Result", "Goal (issue 6)"][i]!.length));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(" | ")} |`;
console.log("\nSummary");
console.log(line(["Measure", "Result", "Goal (issue 6)"]));
console.log(`|${w.map((x) => "-".repeat(x + 2)).join("|")}|`);
for (const r of rows) console.log(line(r));
console.log(`\nTotal time ${r1((performance.now() - started) / 1000)} s, final RSS ${mb(process.memoryUsage.rss())} MB, ${load()}`);
