// Why the database could not be opened at start, told by the error's code and,
// for SQLite, by a look at the path: SQLite says "unable to open database file"
// alike for a folder it may not write to and for a path that is a folder.
import { accessSync, constants, existsSync, statSync } from "node:fs";
import { dirname } from "node:path";
import { providerOfUrl, sqlitePath, type Provider } from "../db/client.js";
import { errorDetail, type DatabaseProblem, type StartupProblem } from "./problems.js";
import { databasePlace, passwordsOf } from "./urls.js";

type Found = { problem: DatabaseProblem; place?: string };

export function databaseProblem(err: unknown, url: string): Extract<StartupProblem, { kind: "database" }> {
  const database: Provider = providerOfUrl(url) ?? "sqlite";
  const found = database === "sqlite" ? sqliteProblem(err, sqlitePath(url)) : postgresProblem(err);
  return {
    kind: "database",
    database,
    problem: found.problem,
    place: found.place ?? databasePlace(url),
    // Prisma's own line, kept for the cases with no sentence of ours.
    detail: errorDetail(err, passwordsOf(url)),
  };
}

/** The code of a Node error, of Prisma's error, or of the driver's error under it. */
function codeOf(err: unknown): string | undefined {
  const e = err as { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } } | null;
  const original = e?.meta?.driverAdapterError?.cause?.originalCode;
  if (typeof original === "string") return original;
  return typeof e?.code === "string" ? e.code : undefined;
}

const CANNOT_OPEN = new Set(["SQLITE_CANTOPEN", "SQLITE_READONLY", "SQLITE_READONLY_DIRECTORY", "SQLITE_IOERR", "EACCES", "EPERM", "EROFS", "ENOTDIR", "EISDIR", "EEXIST"]);

function sqliteProblem(err: unknown, path: string): Found {
  const code = codeOf(err);
  if (code === "SQLITE_NOTADB") return { problem: "not-a-database", place: path };
  if (code === undefined || !CANNOT_OPEN.has(code)) return { problem: "other" };
  if (isDirectory(path)) return { problem: "directory", place: path };
  // The nearest part of the path that exists: a file where a folder should be, or a folder not writable.
  let folder = dirname(path);
  while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
  if (!isDirectory(folder)) return { problem: "not-a-folder", place: folder };
  // SQLite writes its -wal and -shm files beside the database: the folder must be writable.
  if (!writable(folder)) return { problem: "not-writable", place: folder };
  if (existsSync(path) && !writable(path)) return { problem: "read-only-file", place: path };
  return { problem: "other" };
}

function postgresProblem(err: unknown): Found {
  const cause = (err as { meta?: { driverAdapterError?: { cause?: { kind?: unknown; host?: unknown; port?: unknown; db?: unknown } } } } | null)?.meta
    ?.driverAdapterError?.cause;
  switch (cause?.kind) {
    case "DatabaseNotReachable":
    case "SocketTimeout":
    case "ConnectionClosed":
      return typeof cause.host === "string"
        ? { problem: "unreachable", place: cause.port === undefined ? cause.host : `${cause.host}:${String(cause.port)}` }
        : { problem: "unreachable" };
    case "DatabaseDoesNotExist":
      return typeof cause.db === "string" ? { problem: "no-database", place: cause.db } : { problem: "no-database" };
    case "AuthenticationFailed":
      return { problem: "auth" };
    default:
      return { problem: "other" };
  }
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

