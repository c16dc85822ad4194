// One bot instance in a process of its own (run through bench/child.ts), so that
// its CPU and memory are its own and two instances really run in parallel.
// Tells the parent its webhook port, answers "sample" with its CPU time and peak RSS
// since the last sample, and stops on "stop".
import { ServerResponse } from "node:http";
import { createRequire } from "node:module";
import Database from "better-sqlite3";
import pg from "pg";
import { serveSamples, startBenchApp, usageSampler, WEBHOOK_PATH } from "./support.js";

/**
 * The statements sent to the database, by their first words, reported at each sample: through
 * pg's Client.query on PostgreSQL (Prisma's and the driver's alike), through better-sqlite3's
 * Statement methods on SQLite (a Statement that is run twice counts twice).
 */
const statements = new Map<string, number>();
/**
 * Those sent since the bot last answered a webhook request: added to `statements` at the next
 * answer, or reported as `after` by a sample (what an update left for after its answer, such as
 * a submission's digest rows and review card: SQLite's are done by the time a sample comes,
 * PostgreSQL's not yet, so counting them with the step made SQLite's look twice PostgreSQL's).
 */
const pending = new Map<string, number>();
// Keyed by the text as sent, tidied only when sampled: the counting is inside the measured bot.
const count = (text: string) => pending.set(text, (pending.get(text) ?? 0) + 1);
const end = ServerResponse.prototype.end as (...a: unknown[]) => ServerResponse;
ServerResponse.prototype.end = function (this: ServerResponse, ...a: unknown[]) {
  if (this.req?.url === WEBHOOK_PATH) {
    for (const [text, n] of pending) statements.set(text, (statements.get(text) ?? 0) + n);
    pending.clear();
  }
  return end.apply(this, a);
} as typeof ServerResponse.prototype.end;
const tidy = (counted: Map<string, number>): [string, number][] => {
  const out = new Map<string, number>();
  for (const [text, n] of counted) {
    const key = text.replace(/\s+/g, " ").trim().slice(0, 90);
    out.set(key, (out.get(key) ?? 0) + n);
  }
  return [...out].sort((a, b) => b[1] - a[1]);
};
const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
  const q = a[0] as string | { text?: string };
  count(typeof q === "string" ? q : (q?.text ?? "?"));
  return query.apply(this, a);
} as typeof pg.Client.prototype.query;
const prepare = Database.prototype.prepare;
let patched = false;
Database.prototype.prepare = function (this: Database.Database, source: string) {
  const stmt = prepare.call(this, source);
  if (!patched) {
    patched = true;
    const proto = Object.getPrototypeOf(stmt) as Record<string, (...a: unknown[]) => unknown>;
    for (const m of ["run", "get", "all", "iterate"]) {
      const original = proto[m]!;
      proto[m] = function (this: { source: string }, ...a: unknown[]) {
        count(this.source);
        return original.apply(this, a);
      };
    }
  }
  return stmt;
} as typeof Database.prototype.prepare;

/** A statement that changes rows (BEGIN/COMMIT are counted as statements, not as writes). */
export const isWrite = (text: string) => /^(WITH\b.*\b)?(INSERT|UPDATE|DELETE)\b/i.test(text);

export interface InstanceSample {
  cpuMs: number;
  peakRssMb: number;
  /** Until the bot's last answer to a webhook request. */
  statements?: [string, number][];
  /** Since that answer. */
  after?: [string, number][];
}

/**
 * BENCH_FETCH=node-fetch: the bot's Bot API calls go through node-fetch over node:http with a keep-alive
 * agent instead of Node's fetch (undici), to measure what that change in src/bot/create-bot.ts would save.
 */
async function swapFetch(): Promise<void> {
  if (process.env.BENCH_FETCH !== "node-fetch") return;
  // grammY's own dependency (its fetch on Node), untyped here.
  const nodeFetch = createRequire(import.meta.url)("node-fetch") as (url: string, init?: unknown) => Promise<Response>;
  const { Agent } = await import("node:http");
  const agent = new Agent({ keepAlive: true });
  globalThis.fetch = ((input: unknown, init?: Record<string, unknown>) => nodeFetch(String(input), { ...init, agent })) as typeof fetch;
}

export async function botInstance(dbUrl: string, apiRoot: string, token: string): Promise<InstanceSample> {
  await swapFetch();
  const app = await startBenchApp({ dbUrl, apiRoot, token });
  const usage = usageSampler();
  const sample = (): InstanceSample => {
    const s: InstanceSample = usage.sample();
    if (statements.size) s.statements = tidy(statements);
    if (pending.size) s.after = tidy(pending);
    statements.clear();
    pending.clear();
    return s;
  };
  await serveSamples(app.http!.port, sample);
  usage.stop();
  const last = sample();
  await app.stop();
  return last;
}
