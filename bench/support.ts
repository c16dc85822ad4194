// Shared pieces of the benchmarks: a fresh database (SQLite file or PostgreSQL
// schema), the app started as main.ts starts it (but against a fake Bot API),
// parts run in child processes, memory and percentile helpers.
import { fork } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import pg from "pg";
import { startApp, type App } from "../src/app.js";
import { loadConfig, loadServerConfig } from "../src/config.js";

export const SECRET = "bench-webhook-secret";
export const WEBHOOK_PATH = "/telegram/webhook";
/** The clock of the bot in the fan-out and update benchmarks: October's reports are due on 5 November. */
export const BENCH_NOW = new Date("2026-11-03T09:00:00+07:00");

export type DbKind = "sqlite" | "postgresql";
export const PG_URL = process.env.BENCH_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/test";

export interface BenchDb {
  kind: DbKind;
  url: string;
  /** The SQLite file (undefined on PostgreSQL). */
  path?: string;
  /** The PostgreSQL schema (undefined on SQLite). */
  schema?: string;
  drop(): Promise<void>;
}

/** A SQLite file in a temporary directory, or a schema of its own in BENCH_POSTGRES_URL. */
export async function benchDb(kind: DbKind, name: string): Promise<BenchDb> {
  if (kind === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), `chibo-bench-${name}-`));
    const path = join(dir, "bench.db");
    return { kind, url: `file:${path}`, path, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const schema = `bench_${name}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  await pgAdmin(`CREATE SCHEMA "${schema}"`);
  const url = new URL(PG_URL);
  url.searchParams.set("schema", schema);
  return { kind, url: url.toString(), schema, drop: () => pgAdmin(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`) };
}

export async function pgAdmin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function pgReachable(): Promise<boolean> {
  return pgAdmin("SELECT 1").then(
    () => true,
    () => false,
  );
}

/** The real start-up in webhook mode, without the minute cron (the benchmark ticks the scheduler itself). */
export function startBenchApp(opts: { dbUrl: string; apiRoot: string; token: string }): Promise<App> {
  const config = loadConfig({ BOT_TOKEN: opts.token, ADMIN_IDS: "900001", DATABASE_URL: opts.dbUrl, TELEGRAM_API_ROOT: opts.apiRoot, LOG_LEVEL: "silent" });
  const server = loadServerConfig({ WEBHOOK_URL: `https://bench.example.test${WEBHOOK_PATH}`, WEBHOOK_SECRET: SECRET, PORT: "0" });
  return startApp(config, { clock: () => BENCH_NOW, cron: false, server });
}

/**
 * A module of bench/ run in a process of its own (bench/child.ts): its own event
 * loop, CPU and memory figures, and a hard time limit. `onMessage` sees what the
 * child sends before its result; `send` talks to it.
 */
export function inChild<T>(
  part: string,
  args: unknown[],
  opts: { timeoutMs: number; onMessage?: (m: unknown, send: (m: unknown) => void) => void; execArgv?: string[]; benchDir?: string },
): Promise<T> {
  // benchDir: another checkout's bench/ (BENCH_BEFORE_TREE), to run its code beside this one's.
  const child = fork(join(opts.benchDir ?? import.meta.dirname, "child.ts"), [part, JSON.stringify(args)], {
    execArgv: [...process.execArgv, ...(opts.execArgv ?? [])],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`timed out after ${Math.round(opts.timeoutMs / 1000)} s`));
    }, opts.timeoutMs);
    child.on("message", (m: { result?: T; error?: string; event?: unknown }) => {
      if ("event" in m) return opts.onMessage?.(m.event, (x) => child.send(x as never));
      clearTimeout(timer);
      if (m.error !== undefined) reject(new Error(m.error));
      else resolve(m.result as T);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`child ${part} exited (${signal ?? code})`));
    });
  });
}

setFlagsFromString("--expose-gc");
/** A full garbage collection (the script runs without --expose-gc, so it is fetched this way). */
export const gc = runInNewContext("gc") as () => void;

export const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function median(xs: number[]): number {
  return percentile([...xs].sort((a, b) => a - b), 50);
}

/** Samples RSS every 25 ms until stopped; returns the highest seen. */
export function rssPeak(): () => number {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  timer.unref();
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

/**
 * CPU and peak RSS of this process since the last call, sampled as the parent asks: the
 * measurement every benchmarked process (the bot, each anchor) takes in the same way.
 */
export function usageSampler(): { sample(): { cpuMs: number; peakRssMb: number }; stop(): void } {
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  let cpu = process.cpuUsage();
  return {
    sample() {
      const used = process.cpuUsage(cpu);
      cpu = process.cpuUsage();
      const s = { cpuMs: (used.user + used.system) / 1000, peakRssMb: mb(Math.max(peak, process.memoryUsage.rss())) };
      peak = process.memoryUsage.rss();
      return s;
    },
    stop: () => clearInterval(timer),
  };
}

/** Tells the parent the port, then answers its "sample" requests with `sample()` until it says "stop". */
export function serveSamples(port: number, sample: () => unknown): Promise<void> {
  process.send!({ event: { port } });
  return new Promise<void>((resolve) =>
    process.on("message", (m: { cmd: string }) => {
      if (m.cmd === "sample") process.send!({ event: { sample: sample() } });
      else if (m.cmd === "stop") resolve();
    }),
  );
}

/**
 * An HTTP proxy in front of the fake Bot API that lets through at most
 * `perSecond` sends in any sliding second and answers the rest with 429 and
 * retry_after, as Telegram does. Everything else passes unchanged.
 */
export async function startRateLimiter(target: string, perSecond: number) {
  const window: number[] = [];
  const accepted: number[] = [];
  /** Which instance made each accepted send (a root of `apiRootOf(k)`), 0 for the plain root. */
  const acceptedBy: number[] = [];
  let rejected = 0;
  const server = createServer((req, res) => {
    // Several instances share one limit, as they share Telegram's: /i<k>/ in front names the instance.
    const prefix = /^\/i(\d+)(?=\/)/.exec(req.url ?? "");
    if (prefix) req.url = req.url!.slice(prefix[0].length);
    if (/\/send(Message|Photo|Document)$/.test(req.url ?? "")) {
      const now = performance.now();
      while (window.length && window[0]! <= now - 1000) window.shift();
      if (window.length >= perSecond) {
        rejected++;
        if (process.env.BENCH_DEBUG) console.log("429 from", prefix?.[1], "at", Math.round(now), "window", window.map((t) => Math.round(now - t)).join(","), "by", acceptedBy.slice(-30).join(""));
        req.resume();
        res.writeHead(429, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }));
        return;
      }
      window.push(now);
      accepted.push(now);
      acceptedBy.push(prefix ? Number(prefix[1]) : 0);
    }
    const upstream = request(target + req.url, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    apiRoot,
    /** The Bot API root of instance k: its sends are counted as its own. */
    apiRootOf: (k: number) => `${apiRoot}/i${k}`,
    accepted,
    acceptedBy,
    rejected: () => rejected,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * CPU time used so far by every PostgreSQL server process on this machine (Linux /proc;
 * NaN elsewhere). Other clients of the same server count too.
 */
export function pgServerCpuMs(): number {
  try {
    let ticks = 0;
    for (const pid of readdirSync("/proc")) {
      if (!/^\d+$/.test(pid)) continue;
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
        const close = stat.lastIndexOf(")");
        if (!stat.slice(stat.indexOf("(") + 1, close).startsWith("postgres")) continue;
        const f = stat.slice(close + 2).split(" ");
        ticks += Number(f[11]) + Number(f[12]); // utime, stime
      } catch {
        /* the process ended meanwhile */
      }
    }
    return ticks * 10; // USER_HZ is 100 on Linux
  } catch {
    return NaN;
  }
}
