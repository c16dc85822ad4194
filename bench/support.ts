// Shared pieces of the benchmarks: a temp database, the app started as main.ts
// starts it (but against a fake Bot API), memory and percentile helpers.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { startApp, type App } from "../src/app.js";
import { loadConfig, loadServerConfig } from "../src/config.js";

export const SECRET = "bench-webhook-secret";
export const WEBHOOK_PATH = "/telegram/webhook";
/** The clock of the bot in the fan-out and update benchmarks: October's reports are due on 5 November. */
export const BENCH_NOW = new Date("2026-11-03T09:00:00+07:00");

export function tempDb(name: string): { url: string; path: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `chibo-bench-${name}-`));
  const path = join(dir, "bench.db");
  return { url: `file:${path}`, path, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** The real start-up in webhook mode, without the minute cron (the benchmark ticks the scheduler itself). */
export function startBenchApp(opts: { dbUrl: string; apiRoot: string; token: string }): Promise<App> {
  const config = loadConfig({ BOT_TOKEN: opts.token, ADMIN_IDS: "900001", DATABASE_URL: opts.dbUrl, TELEGRAM_API_ROOT: opts.apiRoot, LOG_LEVEL: "silent" });
  const server = loadServerConfig({ WEBHOOK_URL: `https://bench.example.test${WEBHOOK_PATH}`, WEBHOOK_SECRET: SECRET, PORT: "0" });
  return startApp(config, { clock: () => BENCH_NOW, cron: false, server });
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
  return () => {
    clearInterval(timer);
    return Math.max(peak, process.memoryUsage.rss());
  };
}

/**
 * An HTTP proxy in front of the fake Bot API that lets through at most
 * `perSecond` sends in any sliding second and answers the rest with 429 and
 * retry_after, as Telegram does. Everything else passes unchanged.
 */
export async function startRateLimiter(target: string, perSecond: number) {
  const window: number[] = [];
  const accepted: number[] = [];
  let rejected = 0;
  const server = createServer((req, res) => {
    if (/\/send(Message|Photo|Document)$/.test(req.url ?? "")) {
      const now = performance.now();
      while (window.length && window[0]! <= now - 1000) window.shift();
      if (window.length >= perSecond) {
        rejected++;
        req.resume();
        res.writeHead(429, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: false, error_code: 429, description: "Too Many Requests: retry after 1", parameters: { retry_after: 1 } }));
        return;
      }
      window.push(now);
      accepted.push(now);
    }
    const upstream = request(target + req.url, { method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode ?? 502, r.headers);
      r.pipe(res);
    });
    upstream.on("error", () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    accepted,
    rejected: () => rejected,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
