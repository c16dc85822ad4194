// `npm run backup [path]`: a consistent copy of the SQLite database, taken
// while the bot runs, with SQLite's online backup API (better-sqlite3's
// db.backup). Prints the path of the copy. See README, "Sao lưu và khôi phục".
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, extname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import Database from "better-sqlite3";
import { ConfigError, loadDatabaseUrl, loadDotEnv } from "../config.js";
import { sqlitePath } from "../db/client.js";
import { createI18n, translator } from "../i18n.js";

/** A problem the operator can fix; printed as one line, exit code 1. */
const t = translator(createI18n());

/** A failure the operator can act on, told in one Vietnamese line from locales/vi.ftl. */
export class BackupError extends Error {}

/** ./backups/<name>-<UTC time>.db, e.g. backups/tro-ly-chi-bo-20261123T031500Z.db */
export function defaultBackupPath(databasePath: string, now: Date, dir = "backups"): string {
  const name = basename(databasePath, extname(databasePath));
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "");
  return resolve(dir, `${name}-${stamp}Z.db`);
}

/** Where the copy goes: the argument (a file, or a directory to put the default name in) or ./backups. */
export function backupTarget(databasePath: string, arg: string | undefined, now: Date): string {
  if (arg === undefined || arg === "") return defaultBackupPath(databasePath, now);
  if (arg.endsWith("/") || (existsSync(arg) && statSync(arg).isDirectory())) return defaultBackupPath(databasePath, now, arg);
  return resolve(arg);
}

/**
 * Copies the database at `source` to `dest` (which must not exist yet). The
 * copy is written next to `dest` first and renamed when complete and checked,
 * so `dest` is never a half-written file.
 */
export async function backupSqlite(source: string, dest: string): Promise<void> {
  if (!existsSync(source)) throw new BackupError(t("backup-no-source", { path: source }));
  if (existsSync(dest)) throw new BackupError(t("backup-exists", { path: dest }));
  mkdirSync(dirname(dest), { recursive: true });
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  try {
    // Only read from; not opened read-only so that, when the bot is stopped,
    // closing this last connection tidies the -wal/-shm files away as usual.
    const db = new Database(source, { fileMustExist: true, timeout: 10_000 });
    try {
      // All pages in one step, under one read transaction: a consistent
      // snapshot. In WAL mode the bot keeps writing meanwhile; copying in small
      // steps instead would restart whenever it writes between two of them.
      await db.backup(partial, { progress: () => 0x7fffffff });
    } finally {
      db.close();
    }
    const copy = new Database(partial);
    try {
      // A single self-contained file (no -wal/-shm beside it); the bot turns WAL on again at start.
      copy.pragma("journal_mode = DELETE");
      const check = copy.pragma("quick_check", { simple: true });
      if (check !== "ok") throw new BackupError(t("backup-check-failed", { result: String(check) }));
    } finally {
      copy.close();
    }
    renameSync(partial, dest);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
}

async function main(): Promise<void> {
  loadDotEnv();
  let url: string;
  try {
    url = loadDatabaseUrl();
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    throw new BackupError(t("backup-bad-url"));
  }
  if (!url.startsWith("file:")) {
    throw new BackupError(t("backup-postgres"));
  }
  const source = sqlitePath(url);
  const dest = backupTarget(source, process.argv[2], new Date());
  await backupSqlite(source, dest);
  process.stdout.write(`${dest}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  main().catch((e: unknown) => {
    const line = e instanceof BackupError ? e.message : e instanceof Error ? e.message.split("\n")[0] : String(e);
    process.stderr.write(`${t("backup-failed", { reason: line ?? "" })}\n`);
    process.exit(1);
  });
}
