// 6. The submit step of /baocao (issue 13, point 4), one secretary at a time so that
// every statement is the submit's: the statements sent to the database by the final
// "Gửi báo cáo" press until its webhook request is answered (and of them, those of the
// transaction that stores the report), its latency, and what follows after the answer
// (the owed digest rows, the review card). Also the Bot API requests of a whole /baocao
// and how many answers went back in webhook replies (point 5).
//
// Runs in a process of its own per code tree (BENCH_BEFORE_TREE: another checkout, whose
// src/ is imported instead of this one's, to measure "before" in the same run), the bot,
// the fake Bot API and the load generator together.
import { ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { App } from "../src/app.js";
import { FAKE_TOKEN, FakeApi } from "./fake-api.js";
import { benchDb, BENCH_NOW, inChild, percentile, SECRET, WEBHOOK_PATH, type DbKind } from "./support.js";
import { FIRST_SECRETARY, loadGenerator, seedSecretaries, STEPS, type Secretary } from "./updates.js";

interface Sent {
  text: string;
  /** The connection it went through (a pool's client on PostgreSQL): a transaction's statements share one. */
  conn: unknown;
}

export interface SubmitFigures {
  tree: string;
  db: DbKind;
  submits: number;
  /** Per submit step: all statements until the bot answered the webhook request, writes among them, and the transaction's. */
  statements: number;
  writes: number;
  transaction: number;
  transactionWrites: number;
  /** Statements after the answer (owed digest rows, the review card's drain), per submit. */
  after: number;
  p50: number;
  p99: number;
  /** Bot API requests of one whole /baocao (its secretary's chat), and answers sent as webhook replies. */
  apiRequests: number;
  webhookReplies: number;
}

const isWrite = (text: string) => /^\s*(WITH\b.*\b)?(INSERT|UPDATE|DELETE)\b/is.test(text);

/** Counts every statement the tree's drivers send (its own copies of pg and better-sqlite3). */
function countStatements(tree: string): Sent[] {
  const sent: Sent[] = [];
  const require = createRequire(join(tree, "package.json"));
  const pg = require("pg") as typeof import("pg");
  const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
    const q = a[0] as string | { text?: string };
    sent.push({ text: typeof q === "string" ? q : (q?.text ?? "?"), conn: this });
    return query.apply(this, a);
  } as typeof pg.Client.prototype.query;
  const Database = require("better-sqlite3") as typeof import("better-sqlite3");
  const prepare = Database.prototype.prepare;
  let patched = false;
  Database.prototype.prepare = function (this: InstanceType<typeof Database>, source: string) {
    const stmt = prepare.call(this, source);
    if (!patched) {
      patched = true;
      const proto = Object.getPrototypeOf(stmt) as Record<string, (...a: unknown[]) => unknown>;
      for (const m of ["run", "get", "all", "iterate"]) {
        const original = proto[m]!;
        proto[m] = function (this: { source: string }, ...a: unknown[]) {
          sent.push({ text: this.source, conn: "sqlite" });
          return original.apply(this, a);
        };
      }
    }
    return stmt;
  } as typeof Database.prototype.prepare;
  return sent;
}

/**
 * When the bot answers a webhook request, by the count of statements sent until then: the
 * boundary between an update and what it left for afterwards (the load generator, in this
 * process too, sees the answer only once the event loop gets to it).
 */
function watchAnswers(sent: Sent[]): { statements: number; at: number }[] {
  const answers: { statements: number; at: number }[] = [];
  const end = ServerResponse.prototype.end as (...a: unknown[]) => ServerResponse;
  ServerResponse.prototype.end = function (this: ServerResponse, ...a: unknown[]) {
    if (this.req?.url === WEBHOOK_PATH) answers.push({ statements: sent.length, at: performance.now() });
    return end.apply(this, a);
  } as typeof ServerResponse.prototype.end;
  return answers;
}

/** The child: `tree` is the checkout whose bot is measured. */
export async function submitMeasure(kind: DbKind, tree: string, submits: number, warmup: number): Promise<SubmitFigures> {
  const sent = countStatements(tree);
  const answers = watchAnswers(sent);
  const { startApp } = (await import(join(tree, "src/app.ts"))) as typeof import("../src/app.js");
  const { loadConfig, loadServerConfig } = (await import(join(tree, "src/config.ts"))) as typeof import("../src/config.js");
  const database = await benchDb(kind, `submit${process.pid}`);
  const fake = await new FakeApi().start();
  let app: App | undefined;
  try {
    const config = loadConfig({ BOT_TOKEN: FAKE_TOKEN, ADMIN_IDS: "900001", DATABASE_URL: database.url, TELEGRAM_API_ROOT: fake.apiRoot, LOG_LEVEL: "silent" });
    const server = loadServerConfig({ WEBHOOK_URL: `https://bench.example.test${WEBHOOK_PATH}`, WEBHOOK_SECRET: SECRET, PORT: "0" });
    app = await startApp(config, { clock: () => BENCH_NOW, cron: false, server });
    const db = app.db;
    const total = warmup + submits;
    await seedSecretaries(db, total);
    // One committee member above every branch: each report queues a review card.
    const root = await db.unit.findFirstOrThrow({ where: { code: `DU${FIRST_SECRETARY}` } });
    const reviewer = await db.user.create({ data: { telegramId: 800_000n, firstName: "Cấp ủy" } });
    await db.membership.create({ data: { userId: reviewer.id, unitId: root.id, role: "COMMITTEE" } });
    const load = loadGenerator(fake, [app.http!.port]);
    const idle = async () => {
      // Nothing sent for 100 ms: the after-step (and anything it kicked) is over.
      for (;;) {
        const n = sent.length;
        await new Promise((r) => setTimeout(r, 100));
        if (sent.length === n) return;
      }
    };
    const latencies: number[] = [];
    let statements = 0;
    let writes = 0;
    let transaction = 0;
    let transactionWrites = 0;
    let after = 0;
    let apiRequests = 0;
    let webhookReplies = 0;
    for (let i = 0; i < total; i++) {
      const s: Secretary = { id: FIRST_SECRETARY + i, step: 0 };
      const calls0 = fake.calls;
      const replies0 = load.webhookReplies();
      while (s.step < STEPS.length - 1) await load.step(s);
      await idle();
      const from = sent.length;
      const a = performance.now();
      await load.step(s);
      const { statements: answered, at } = answers.at(-1)!;
      // Until the bot answered the press (the receipt sent, the update done), as Telegram would see it.
      const ms = at - a;
      await idle();
      if (load.errors.length) throw new Error(load.errors.join("; "));
      if (i < warmup) continue;
      latencies.push(ms);
      const step = sent.slice(from, answered).map((x) => ({ ...x, text: x.text.trim() }));
      statements += step.length;
      writes += step.filter((x) => isWrite(x.text)).length;
      // The transaction that stores the report: on its connection, from the BEGIN before its INSERT INTO "Report" to the COMMIT after.
      const conn = step.find((x) => /^INSERT INTO \S*[`"]Report[`"]/i.test(x.text))?.conn;
      const own = step.filter((x) => x.conn === conn).map((x) => x.text);
      const insert = own.findIndex((t) => /^INSERT INTO \S*[`"]Report[`"]/i.test(t));
      const begin = own.slice(0, insert).map((t) => /^BEGIN/i.test(t)).lastIndexOf(true);
      const commit = insert + own.slice(insert).findIndex((t) => /^COMMIT/i.test(t));
      const tx = insert < 0 ? [] : own.slice(begin, commit + 1);
      transaction += tx.length;
      transactionWrites += tx.filter(isWrite).length;
      if (process.env.BENCH_SQL_LIST && i === total - 1) {
        const tidy = (t: string) => t.replace(/\s+/g, " ").replace(/"bench_[^"]*"\.|`main`\./g, "").slice(0, 100);
        console.log(`${kind} ${tree}: the submit step\n  ${step.map((x) => tidy(x.text)).join("\n  ")}\n after the answer\n  ${sent.slice(answered).map((x) => tidy(x.text)).join("\n  ")}`);
      }
      after += sent.length - answered;
      // The secretary's requests: all of the run's but the review card sent to the committee member.
      apiRequests += fake.calls - calls0 - 1;
      webhookReplies += load.webhookReplies() - replies0;
    }
    load.destroy();
    const sorted = [...latencies].sort((x, y) => x - y);
    const per = (n: number) => Math.round((n / submits) * 10) / 10;
    return {
      tree,
      db: kind,
      submits,
      statements: per(statements),
      writes: per(writes),
      transaction: per(transaction),
      transactionWrites: per(transactionWrites),
      after: per(after),
      p50: percentile(sorted, 50),
      p99: percentile(sorted, 99),
      apiRequests: per(apiRequests),
      webhookReplies: per(webhookReplies),
    };
  } finally {
    await app?.stop();
    await fake.stop();
    await database.drop();
  }
}

/** The parent: the trees taken in turn, `rounds` times each, on each database. */
export async function submitBench(kinds: DbKind[], trees: { label: string; root: string }[], opts: { submits: number; warmup: number; rounds: number }) {
  const out: (SubmitFigures & { label: string; round: number })[] = [];
  for (const kind of kinds) {
    for (let round = 1; round <= opts.rounds; round++) {
      for (const t of trees) {
        const f = await inChild<SubmitFigures>("submit", [kind, t.root, opts.submits, opts.warmup], { timeoutMs: 300_000 });
        out.push({ ...f, label: t.label, round });
      }
    }
  }
  return out;
}
