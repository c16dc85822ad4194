// What can stop the bot at start or stop its polling, and the one Vietnamese
// line (locales/vi.ftl, startup-*) an operator reads for each.
import type { Provider } from "../db/client.js";
import type { Translate } from "../i18n.js";
import { hideCredentials } from "./urls.js";

/** Why Telegram could not be reached: the last failure of the last attempt. */
export type NetProblem = "dns" | "refused" | "timeout" | "reset" | "status" | "not-bot-api" | "other";

/** Why the database could not be opened; "other" carries the error's own line. */
export type DatabaseProblem =
  | "not-writable"
  | "directory"
  | "not-a-folder"
  | "read-only-file"
  | "not-a-database"
  | "unreachable"
  | "no-database"
  | "auth"
  | "other";

export type StartupProblem =
  /** `detail`: the HTTP status or the error code of the last failure. */
  | { kind: "telegram-unreachable"; root: string; seconds: number; problem: NetProblem; detail: string }
  | { kind: "token-refused" }
  /** Telegram (or whatever answers at TELEGRAM_API_ROOT) refused getMe for another reason than the token. */
  | { kind: "telegram-refused"; root: string; status: number; description: string }
  | { kind: "database"; database: Provider; problem: DatabaseProblem; place: string; detail: string }
  /** Long polling asked for while Telegram sends this bot's updates to a webhook (at `host`). */
  | { kind: "webhook-set"; host: string }
  | { kind: "other"; detail: string };

/** Why long polling stopped on its own (the runner gives up on 401 and 409 at once). */
export type PollingProblem = { kind: "conflict" } | { kind: "token-refused" } | { kind: "failed"; detail: string };

/** Thrown by startApp; main.ts prints its line. */
export class StartupError extends Error {
  constructor(readonly problem: StartupProblem) {
    super(`start-up failed: ${problem.kind}`);
  }
}

export function startupLine(t: Translate, p: StartupProblem): string {
  switch (p.kind) {
    case "telegram-unreachable":
      return t("startup-telegram-unreachable", { root: p.root, seconds: String(p.seconds), problem: p.problem, detail: p.detail });
    case "token-refused":
      return t("startup-token-refused");
    case "telegram-refused":
      return t("startup-telegram-refused", { root: p.root, status: String(p.status), description: p.description });
    case "database":
      return t("startup-db-failed", { database: p.database, problem: p.problem, place: p.place, detail: p.detail });
    case "webhook-set":
      return t("startup-webhook-set", { host: p.host });
    case "other":
      return t("startup-failed", { detail: p.detail });
  }
}

export function pollingLine(t: Translate, p: PollingProblem): string {
  switch (p.kind) {
    case "conflict":
      return t("polling-conflict");
    case "token-refused":
      return t("polling-token-refused");
    case "failed":
      return t("polling-failed", { detail: p.detail });
  }
}

export interface Running {
  username: string;
  mode: "polling" | "webhook";
  database: Provider;
  place: string;
}

export function runningLine(t: Translate, r: Running): string {
  return t("startup-running", { username: r.username, mode: r.mode, database: r.database, place: r.place });
}

/**
 * The one line of an error worth showing. Prisma's messages open with an empty
 * line and an "Invalid `prisma.x()` invocation:" header and end with the
 * reason; other errors say it on their first line.
 */
export function meaningfulLine(message: string): string {
  const lines = message
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const prisma = lines[0]?.startsWith("Invalid `") ?? false;
  return (prisma ? lines.at(-1) : lines[0]) ?? "";
}

/** An error's line, safe to print: no URL credentials, none of the given secrets, at most 200 characters. */
export function errorDetail(err: unknown, secrets: readonly string[] = []): string {
  const message = err instanceof Error ? err.message : String(err);
  let line = hideCredentials(meaningfulLine(message));
  for (const s of secrets) if (s) line = line.split(s).join("***");
  return line.slice(0, 200) || (err instanceof Error ? err.name : "?");
}
