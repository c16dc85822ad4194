// `npm run backup`: a consistent copy of the SQLite database taken while the
// bot is running and writing.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness } from "../support/harness.js";
import { backupTarget, defaultBackupPath } from "../../src/tools/backup.js";
import { onPostgres } from "../support/database.js";

const ROOT = join(import.meta.dirname, "..", "..");
const TSX_LOADER = pathToFileURL(join(ROOT, "node_modules", "tsx", "dist", "esm", "index.mjs")).href;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command without blocking this process (the bot under test keeps working meanwhile). */
function runCommand(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (c: Buffer) => (stdout += c.toString("utf8")));
    child.stderr.on("data", (c: Buffer) => (stderr += c.toString("utf8")));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

/** The tool itself, as `npm run backup` starts it, from any directory. */
const backupTool = (cwd: string, env: Record<string, string>, args: string[] = []) =>
  runCommand(process.execPath, ["--import", TSX_LOADER, join(ROOT, "src", "tools", "backup.ts"), ...args], cwd, env);

// SQLite only: a PostgreSQL deployment backs up with pg_dump (README); the tool says so, tested below on SQLite runs.
describe.skipIf(onPostgres)("npm run backup", () => {
  let h: Harness;
  let out: string;
  beforeAll(async () => {
    h = await Harness.start();
    out = mkdtempSync(join(tmpdir(), "chibo-backup-"));
  });
  afterAll(async () => {
    await h?.stop();
    rmSync(out, { recursive: true, force: true });
  });

  test("copies the database while the bot writes to it: the copy opens, passes the integrity check and has the rows", async () => {
    // Some bulk first (a few MB), written through a second connection as another process would.
    const file = h.dbUrl.replace(/^file:/, "");
    const side = new BetterSqlite3(file);
    const insert = side.prepare(`INSERT INTO "AuditEntry" (at, actorId, action, subject, details) VALUES (?, 1, 'bulk', ?, ?)`);
    side.transaction(() => {
      for (let i = 0; i < 20_000; i++) insert.run(Date.now(), `s${i}`, "x".repeat(150));
    })();
    side.close();
    // The bot's latest writes stay in the -wal file, as between two checkpoints
    // of a busy bot: a plain copy of the .db file would miss them.
    await h.app.db.$queryRawUnsafe("PRAGMA wal_autocheckpoint = 0");
    // Through the bot, a unit added the way an administrator does it.
    expect((await h.admin().say("/themdonvi BK-1 - Đảng ủy Sao lưu")).last.text).toContain("Đã thêm");

    // Then the bot's client keeps writing pairs of rows, each pair in one transaction, until the backup is done.
    let pairs = 0;
    let done = false;
    const writer = (async () => {
      while (!done) {
        const at = new Date();
        await h.app.db.$transaction([
          h.app.db.auditEntry.create({ data: { at, actorId: 2n, action: "pair", subject: `p${pairs}`, details: "a" } }),
          h.app.db.auditEntry.create({ data: { at, actorId: 2n, action: "pair", subject: `p${pairs}`, details: "b" } }),
        ]);
        pairs++;
        // Let the event loop run (the child process's exit, timers): Prisma's promises alone never yield to it.
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (pairs < 20) await new Promise((r) => setTimeout(r, 5));
    const pairsBefore = pairs;
    const dest = join(out, "copy.db");
    const run = await runCommand("npm", ["run", "--silent", "backup", "--", dest], ROOT, { DATABASE_URL: h.dbUrl });
    const pairsAfter = pairs;
    done = true;
    await writer;

    expect(run.stderr.split("\n").filter((l) => l && !l.startsWith("npm warn"))).toEqual([]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`${dest}\n`);
    expect(pairsAfter - pairsBefore, "the bot kept writing while the backup ran").toBeGreaterThan(0);
    expect(readdirSync(out)).toEqual(["copy.db"]);

    const copy = new BetterSqlite3(dest, { readonly: true, fileMustExist: true });
    try {
      expect(copy.pragma("integrity_check", { simple: true })).toBe("ok");
      expect(copy.pragma("journal_mode", { simple: true })).toBe("delete");
      const count = (action: string) => (copy.prepare(`SELECT COUNT(*) AS n FROM "AuditEntry" WHERE action = ?`).get(action) as { n: number }).n;
      expect(count("bulk")).toBe(20_000);
      expect(copy.prepare(`SELECT name FROM "Unit" WHERE code = 'BK-1'`).get()).toEqual({ name: "Đảng ủy Sao lưu" });
      // A snapshot at one moment: every pair whole, none written after the copy ended.
      const copied = count("pair");
      expect(copied % 2).toBe(0);
      expect(copied / 2).toBeGreaterThanOrEqual(pairsBefore);
      expect(copied / 2).toBeLessThanOrEqual(pairsAfter);
      const migrations = copy.prepare(`SELECT COUNT(*) AS n FROM "_prisma_migrations"`).get() as { n: number };
      expect(migrations.n).toBeGreaterThan(0);
    } finally {
      copy.close();
    }

    // The bot is unaffected.
    expect((await h.admin().say("/donvi")).last.text).toContain("BK-1");
  });

  test("without an argument, writes ./backups/<name>-<time>.db and prints its path", async () => {
    const cwd = mkdtempSync(join(out, "cwd-"));
    const run = await backupTool(cwd, { DATABASE_URL: h.dbUrl });
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const path = run.stdout.trim();
    expect(path).toMatch(new RegExp(`^${cwd.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/backups/bot-\\d{8}T\\d{6}Z\\.db$`));
    expect(existsSync(path)).toBe(true);
    const copy = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    expect(copy.prepare(`SELECT COUNT(*) AS n FROM "Unit" WHERE code = 'BK-1'`).get()).toEqual({ n: 1 });
    copy.close();
  });

  test("reads DATABASE_URL from .env as the bot does", async () => {
    const cwd = mkdtempSync(join(out, "env-"));
    writeFileSync(join(cwd, ".env"), `DATABASE_URL=${h.dbUrl}\n`);
    const run = await backupTool(cwd, {}, ["copy.db"]);
    expect(run.stderr).toBe("");
    expect(run.stdout.trim()).toBe(join(cwd, "copy.db"));
  });

  test.each([
    ["an existing file as the target", (dir: string) => ({ args: [join(dir, "taken.db")], before: () => writeFileSync(join(dir, "taken.db"), "mine") }), /tệp .*taken\.db đã có/],
    ["a database file that does not exist", (dir: string) => ({ env: { DATABASE_URL: `file:${join(dir, "none.db")}` } }), /không thấy tệp cơ sở dữ liệu/],
    ["a PostgreSQL database", () => ({ env: { DATABASE_URL: "postgresql://bot@127.0.0.1:5432/chibo" } }), /pg_dump/],
    ["an invalid DATABASE_URL", () => ({ env: { DATABASE_URL: "mysql://x" } }), /DATABASE_URL không hợp lệ/],
  ])("refuses %s with one line and exit code 1", async (_, setup, message) => {
    const cwd = mkdtempSync(join(out, "bad-"));
    const s = setup(cwd) as { args?: string[]; env?: Record<string, string>; before?: () => void };
    s.before?.();
    const run = await backupTool(cwd, { DATABASE_URL: h.dbUrl, ...s.env }, s.args);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Sao lưu không thành công: /);
    expect(lines[0]).toMatch(message);
    // Nothing half-written is left behind.
    expect(readdirSync(cwd).filter((f) => f.endsWith(".partial"))).toEqual([]);
  });
});

describe("backup paths", () => {
  const now = new Date("2026-11-23T03:15:09.250Z");

  test("the default name is the database's, with the UTC time", () => {
    expect(defaultBackupPath("/srv/bot/data/tro-ly-chi-bo.db", now, "/srv/bot/backups")).toBe("/srv/bot/backups/tro-ly-chi-bo-20261123T031509Z.db");
  });

  test("an argument is a file, or a directory (existing, or ending in /) to put the default name in", () => {
    const dir = mkdtempSync(join(tmpdir(), "chibo-target-"));
    try {
      expect(backupTarget("/d/bot.db", join(dir, "x.db"), now)).toBe(join(dir, "x.db"));
      expect(backupTarget("/d/bot.db", dir, now)).toBe(join(dir, "bot-20261123T031509Z.db"));
      expect(backupTarget("/d/bot.db", join(dir, "new") + "/", now)).toBe(join(dir, "new", "bot-20261123T031509Z.db"));
      expect(backupTarget("/d/bot.db", undefined, now)).toBe(join(process.cwd(), "backups", "bot-20261123T031509Z.db"));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
