// What the try-out keeps between runs, beside its database: the bot's clock and
// the chats as the stand-in holds them (Telegram keeps chat histories; the bot
// does not), and whether the sample was built to the end.
import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Json } from "./bot-api/server.js";

const VERSION = 1;

export interface Saved {
  clock: string;
  telegram: Json;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, "thu-nghiem.db");
}

function savedPath(dataDir: string): string {
  return join(dataDir, "thu-nghiem.json");
}

/** The saved state, or undefined when there is none to trust (then the sample is built anew). */
export function loadSaved(dataDir: string): Saved | undefined {
  const path = savedPath(dataDir);
  if (!existsSync(path) || !existsSync(databasePath(dataDir))) return undefined;
  try {
    const s = JSON.parse(readFileSync(path, "utf8")) as Saved & { version: number };
    return s.version === VERSION && typeof s.clock === "string" && s.telegram ? s : undefined;
  } catch {
    return undefined;
  }
}

export function save(dataDir: string, s: Saved): void {
  const path = savedPath(dataDir);
  // Written aside, then renamed: a stop in the middle never leaves half a file.
  writeFileSync(`${path}.tmp`, JSON.stringify({ version: VERSION, ...s }));
  renameSync(`${path}.tmp`, path);
}

/** The database and the saved chats go: what reset does before building the sample again. */
export function wipe(dataDir: string): void {
  const db = databasePath(dataDir);
  for (const path of [savedPath(dataDir), db, `${db}-wal`, `${db}-shm`, `${db}-journal`]) rmSync(path, { force: true });
}
