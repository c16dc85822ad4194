// npm run bench: the measurements of issue 6 that fit this version (SQLite, one instance).
// Figures are printed, not asserted. Sizes: BENCH_DIGEST_BRANCHES (default "5000"; "5000,50000" adds
// about 3 minutes: one 50,000-branch digest takes ~26 s),
// BENCH_FANOUT (default 1000 reminders; 10,000 takes about 6 minutes at 30/s), BENCH_SECRETARIES (default 200).
import { cpus } from "node:os";
import { digestBench, type DigestFigures } from "./digest.js";
import { FANOUT_LIMIT, fanoutBench, type FanoutFigures } from "./fanout.js";
import { updatesBench, type UpdateFigures } from "./updates.js";
import { mb } from "./support.js";

const sizes = (process.env.BENCH_DIGEST_BRANCHES ?? "5000").split(",").map(Number).filter((n) => n > 0);
const fanout = Number(process.env.BENCH_FANOUT ?? 1000);
const secretaries = Number(process.env.BENCH_SECRETARIES ?? 200);
const r1 = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : NaN);
const started = performance.now();

console.log(`Trợ lý Chi bộ benchmarks — node ${process.version}, ${cpus().length} cores, SQLite (better-sqlite3 adapter), one process\n`);

console.log("1. Digest of one committee (period 12/2026: 12 months of reports, 2 meetings a month per branch)");
const digests: DigestFigures[] = [];
for (const n of sizes) {
  const d = await digestBench(n);
  digests.push(d);
  console.log(`   ${n.toLocaleString("en")} branches: seeded ${d.rows.reports.toLocaleString("en")} reports + ${d.rows.meetings.toLocaleString("en")} meetings in ${r1(d.seedSeconds)} s (${d.dbMb} MB)`);
  if (d.error) console.log(`     FAILED: ${d.error}`);
  else
    console.log(
      `     digest median of 5 (after 1 warm-up): ${r1(d.totalMs)} ms = load ${r1(d.loadMs)} ms + buildDigest ${r1(d.buildMs)} ms; ` +
        `rows loaded into JS: ${d.loaded.reports.toLocaleString("en")} reports, ${d.loaded.meetings.toLocaleString("en")} meetings; ` +
        `growth during one run: heap ${d.heapGrowthMb} MB, RSS ${d.rssGrowthMb} MB`,
    );
}
console.log("   250,000 branches: not run — the goal is for PostgreSQL, which this version does not support.\n");

console.log(`2. Reminder fan-out: ${fanout.toLocaleString("en")} reminders, fake Bot API allowing ${FANOUT_LIMIT} sends in any sliding second (429 + retry_after: 1 above)`);
const f: FanoutFigures = await fanoutBench(fanout);
console.log(
  `   drained in ${r1(f.seconds)} s: ${f.sent} sent, ${r1(f.rate)}/s overall (${Math.round((f.rate / FANOUT_LIMIT) * 100) / 100} of the limit), ` +
    `${r1(f.steadyRate)}/s first-to-last send (${Math.round((f.steadyRate / FANOUT_LIMIT) * 100) / 100}); ` +
    `429s: ${f.rejected429}; duplicates: ${f.duplicates}; not reached: ${f.missing}; scheduler result ${f.result}\n`,
);

console.log(`3. Updates through the webhook: ${secretaries} secretaries filing /baocao at once (14 updates each)`);
const u: UpdateFigures = await updatesBench(secretaries);
console.log(
  `   ${u.updates} updates in ${r1(u.seconds)} s = ${r1(u.perSecond)} updates/s; latency p50 ${r1(u.p50)} ms, p99 ${r1(u.p99)} ms, max ${r1(u.max)} ms; ` +
    `non-200 answers: ${u.non200}; reports saved: ${u.reportsSaved}/${secretaries}; peak RSS ${u.peakRssMb} MB, ${u.startRssMb} MB at the start (bot, fake Bot API and clients in one process)\n`,
);

const rows: [string, string, string][] = [
  ...digests.map((d): [string, string, string] => [
    `Digest, ${d.branches.toLocaleString("en")} branches`,
    d.error ? "FAILED (see above)" : `${r1(d.totalMs)} ms, heap +${d.heapGrowthMb} MB`,
    d.branches <= 5000 ? "province < 200 ms" : "(no SQLite goal)",
  ]),
  ["Digest, 250,000 branches", "not run", "country < 2 s on PostgreSQL"],
  [`Fan-out, ${fanout.toLocaleString("en")} reminders`, `${Math.round((f.rate / FANOUT_LIMIT) * 100) / 100} of 30/s, ${f.rejected429} × 429, ${f.duplicates} dup`, ">= 0.95, no 429, no dup"],
  [`Updates, ${secretaries} secretaries`, `${r1(u.perSecond)}/s, p50 ${r1(u.p50)} ms, p99 ${r1(u.p99)} ms, RSS ${u.peakRssMb} MB`, "700/s, p99 < 50 ms (PostgreSQL)"],
  ["Updates, PostgreSQL / 2 instances", "not run", "no PostgreSQL support yet"],
];
const w = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i]!.length), ["Measure", "Result", "Goal (issue 6)"][i]!.length));
const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(w[i]!)).join(" | ")} |`;
console.log("Summary");
console.log(line(["Measure", "Result", "Goal (issue 6)"]));
console.log(`|${w.map((n) => "-".repeat(n + 2)).join("|")}|`);
for (const r of rows) console.log(line(r));
console.log(`\nTotal time ${r1((performance.now() - started) / 1000)} s, final RSS ${mb(process.memoryUsage.rss())} MB`);
