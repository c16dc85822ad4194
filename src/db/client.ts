// Prisma client over a driver adapter, so no native query engine is needed.
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "./generated/client.js";

export type Db = PrismaClient;

export function sqlitePath(url: string): string {
  return resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

export function createDb(url: string): Db {
  if (!url.startsWith("file:")) {
    throw new Error("Only SQLite (file:...) DATABASE_URLs are supported in this version");
  }
  const path = sqlitePath(url);
  mkdirSync(dirname(path), { recursive: true });
  // WAL lets the bot read while a long write (or a backup) is under way.
  const adapter = new PrismaBetterSqlite3({ url: path, timeout: 10_000 });
  return new PrismaClient({ adapter });
}
