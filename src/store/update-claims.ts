// The statements every update makes, sent through the driver's prepared statements
// rather than the Prisma client (a Prisma statement costs the bot several times as
// much CPU, GRAMMY-NOTES.md): taking the update on (de-duplication), the open form's
// state, and the version of everyone's roles that the actor cache checks.
//
// An update in a private chat with an open form is claimed on the form's own row:
// one UPDATE moves the row's lastUpdateId forward only if it is behind, and returns
// the form's state (which the conversations plugin reads next) and the roles' version.
// A redelivered answer finds lastUpdateId already at its id and is skipped, on any
// instance, even while the first delivery still runs. Any other update is claimed
// with a ProcessedUpdate row, as before.
//
// The claim also holds the row (heldUntil) until the update's write: after a webhook
// timed out, Telegram may hand the chat's next update to another instance while the
// first still runs, and that one then waits for the first one's state instead of
// answering from the state before it (which would ask the same question twice). A
// holder that died is waited out no longer than the hold; if it was only slow, its
// write then finds the version moved on and runs again (src/store/form-state.ts).
import type BetterSqlite3 from "better-sqlite3";
import type { Driver } from "../db/client.js";

/**
 * Telegram keeps an undelivered update for 24 hours at most, so a duplicate
 * cannot come later than that; two days leaves a margin and keeps the table
 * small. Shorter than a week on purpose: after a week without updates Telegram
 * picks the next update id at random, and old ids should be gone by then.
 */
export const PROCESSED_UPDATE_RETENTION_MS = 2 * 86_400_000;

/**
 * `form`: claimed on the open form's row, whose state is `value`. `noForm`: the chat was
 * seen to have no form open (the plugin's read then needs no statement).
 */
export type Claim =
  | { taken: false }
  | {
      taken: true;
      form: boolean;
      noForm: boolean;
      value: string | undefined;
      accessVersion: number;
      /** The form row's version (with `form`). */
      version?: number;
      /** With `form`: the row was only read, and the state's write moves its last update id (an instance alone, see instance-presence.ts). */
      byWrite?: boolean;
    };

/**
 * How long a claim holds an open form's row for its update (wall clock). Longer than a
 * slow answer takes, short enough that a chat whose instance died waits only this long.
 */
export const FORM_HOLD_MS = 15_000;
/** How often a claim looks again at a row another instance holds. */
const HOLD_POLL_MS = 20;

const ACCESS = `(SELECT "version" FROM "AccessVersion" WHERE "id" = 1)`;

/** Both databases' placeholders: `?` on SQLite, `$n` on PostgreSQL, numbered in order of appearance. */
export function sql(driver: Driver, text: string): string {
  if (driver.kind === "sqlite") return text;
  let n = 0;
  return text.replace(/\?/g, () => `$${++n}`);
}

/** A date as Prisma stores it, so that Prisma's own reads and comparisons still hold. */
export function stamp(driver: Driver, at: Date): string {
  return driver.kind === "sqlite" ? at.toISOString().replace("Z", "+00:00") : at.toISOString();
}

/** A DateTime as an ISO string: PostgreSQL's TIMESTAMP(3) holds UTC without a zone, which pg would read as local time. */
export function isoColumn(driver: Driver, column: string): string {
  return driver.kind === "postgresql" ? `to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')` : column;
}

export function isoOf(value: unknown): string {
  return new Date(typeof value === "bigint" ? Number(value) : (value as string | number)).toISOString();
}

const prepared = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

export function sqliteStatement(db: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let cache = prepared.get(db);
  if (!cache) prepared.set(db, (cache = new Map()));
  let stmt = cache.get(text);
  if (!stmt) cache.set(text, (stmt = db.prepare(text)));
  return stmt;
}

/** One prepared statement: a cached one on SQLite (waiting out a Prisma transaction open on the connection), a named one on PostgreSQL. */
export async function run(driver: Driver, name: string, text: string, args: unknown[]): Promise<Record<string, unknown>[]> {
  if (driver.kind === "postgresql") {
    const values = args.map((a) => (typeof a === "bigint" ? a.toString() : a));
    const r = await driver.pool.query({ name, text: sql(driver, text), values });
    return r.rows as Record<string, unknown>[];
  }
  // better-sqlite3 has one connection, and a statement sent while Prisma's interactive
  // transaction is open on it would join that transaction (and go with its rollback).
  while (driver.sqlite.inTransaction) await new Promise((r) => setTimeout(r, 1));
  const stmt = sqliteStatement(driver.sqlite, text);
  if (stmt.reader) return stmt.all(...args) as Record<string, unknown>[];
  stmt.run(...args);
  return [];
}

/**
 * Takes the update on. `formKey`: the conversations plugin's key of a private chat
 * (its chat id), undefined for other chats. `{ taken: false }`: seen already.
 */
export async function claimUpdate(driver: Driver, updateId: number, formKey: string | undefined, now: Date, holdMs = FORM_HOLD_MS, alone = false): Promise<Claim> {
  const id = BigInt(updateId);
  // A row untouched for longer than the retention is not trusted to say what is a
  // duplicate: after a week without updates Telegram starts update ids afresh.
  const stale = stamp(driver, new Date(now.getTime() - PROCESSED_UPDATE_RETENTION_MS));
  let noForm = false;
  while (alone && formKey !== undefined) {
    // No other instance to race: the row is read, and the answer's write claims the update
    // (form-state.ts). This instance handles one chat's updates one at a time (sequentialize),
    // so a redelivery finds the first delivery's write, or comes after a first that wrote nothing.
    const wall = Date.now();
    const [row] = await run(
      driver,
      "form-look",
      `SELECT "value", "version", "lastUpdateId" AS "last", "heldUntil" AS "held", CASE WHEN "updatedAt" < ? THEN 1 ELSE 0 END AS "stale", ${ACCESS} AS "access" ` +
        `FROM "ConversationState" WHERE "key" = ?`,
      [stale, formKey],
    );
    if (!row) {
      noForm = true;
      break;
    }
    if (Number(row.stale) === 0 && row.last !== null && BigInt(row.last as string | bigint) >= id) return { taken: false };
    // Held by an instance that still took it for having company: its state first.
    if (row.held !== null && Number(row.held) > wall) {
      await new Promise((r) => setTimeout(r, Math.min(HOLD_POLL_MS, Number(row.held) - wall)));
      continue;
    }
    return { taken: true, form: true, noForm: false, value: String(row.value), accessVersion: Number(row.access), version: Number(row.version), byWrite: true };
  }
  for (let opened = 0; formKey !== undefined && !noForm && opened < 3; ) {
    // Wall-clock time, like the outbox's leases: instances' bot clocks may differ (tests, tryout).
    const wall = Date.now();
    const [claimed] = await run(
      driver,
      "form-claim",
      `UPDATE "ConversationState" SET "lastUpdateId" = ?, "updatedAt" = ?, "heldUntil" = ? ` +
        `WHERE "key" = ? AND ("lastUpdateId" IS NULL OR "lastUpdateId" < ? OR "updatedAt" < ?) AND ("heldUntil" IS NULL OR "heldUntil" <= ?) ` +
        `RETURNING "value", "version", ${ACCESS} AS "access"`,
      [id, stamp(driver, now), BigInt(wall + holdMs), formKey, id, stale, BigInt(wall)],
    );
    if (claimed) return { taken: true, form: true, noForm: false, value: String(claimed.value), accessVersion: Number(claimed.access), version: Number(claimed.version) };
    const [row] = await run(driver, "form-peek", `SELECT "lastUpdateId" AS "last", "heldUntil" AS "held" FROM "ConversationState" WHERE "key" = ?`, [formKey]);
    // No form open: claimed below, like any other update.
    if (!row) {
      noForm = true;
      break;
    }
    if (row.last !== null && BigInt(row.last as string | bigint) >= id) return { taken: false };
    // Another instance is handling this chat's previous update: its state first.
    if (row.held !== null && Number(row.held) > wall) {
      await new Promise((r) => setTimeout(r, Math.min(HOLD_POLL_MS, Number(row.held) - wall)));
      continue;
    }
    // A form opened meanwhile by another update of this chat (its first write has no
    // lastUpdateId yet): claimed on that row at the next attempt.
    opened++;
  }
  const [inserted] = await run(
    driver,
    "update-claim",
    `INSERT INTO "ProcessedUpdate" ("updateId", "receivedAt") VALUES (?, ?) ON CONFLICT DO NOTHING RETURNING ${ACCESS} AS "access"`,
    [id, stamp(driver, now)],
  );
  return inserted ? { taken: true, form: false, noForm, value: undefined, accessVersion: Number(inserted.access) } : { taken: false };
}

/** The version of everyone's roles, for an update that came without a claim's answer. */
export async function readAccessVersion(driver: Driver): Promise<number> {
  const [row] = await run(driver, "access-version", `SELECT ${ACCESS} AS "access"`, []);
  return Number(row?.access ?? 0);
}
