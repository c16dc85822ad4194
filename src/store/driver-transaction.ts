// A transaction of prepared statements sent through the driver (src/db/client.ts driverOf)
// rather than Prisma's interactive transaction: for a write on the hot path (a report's
// submission), whose receipt waits for it. Its body is a generator that yields each
// statement and is handed its rows back, so that the same steps, rules included, run
//  - on SQLite synchronously inside one better-sqlite3 transaction (BEGIN IMMEDIATE): the
//    connection is Prisma's too, and with no await in between no other statement of the
//    process can slip into the transaction or start one of its own;
//  - on PostgreSQL on one pooled connection between BEGIN and COMMIT, as named statements.
import type BetterSqlite3 from "better-sqlite3";
import type { Driver } from "../db/client.js";
import { sql, sqliteStatement } from "./update-claims.js";

export type Row = Record<string, unknown>;

/** One statement: `?` placeholders (numbered for PostgreSQL), `name` naming its prepared form there. */
export interface Statement {
  name: string;
  text: string;
  args: unknown[];
}

/** A transaction's body: yields statements, gets each one's rows back, returns its outcome. */
export type Steps<T> = Generator<Statement, T, Row[]>;

/** A flag as each database binds it (better-sqlite3 takes no booleans; Prisma stores them as 0/1 there). */
export function flag(driver: Driver, b: boolean): boolean | number {
  return driver.kind === "sqlite" ? (b ? 1 : 0) : b;
}

function sqliteRows(db: BetterSqlite3.Database, s: Statement): Row[] {
  const stmt = sqliteStatement(db, s.text);
  if (stmt.reader) return stmt.all(...s.args) as Row[];
  stmt.run(...s.args);
  return [];
}

/** Runs `steps` in one transaction; a throw rolls it back. */
export async function inDriverTransaction<T>(driver: Driver, steps: () => Steps<T>): Promise<T> {
  if (driver.kind === "sqlite") {
    const db = driver.sqlite;
    // A Prisma interactive transaction open on the connection: this one would join it (see run()).
    while (db.inTransaction) await new Promise((r) => setTimeout(r, 1));
    return db
      .transaction(() => {
        const it = steps();
        for (let next = it.next(); ; ) {
          if (next.done) return next.value;
          next = it.next(sqliteRows(db, next.value));
        }
      })
      .immediate();
  }
  const client = await driver.pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const it = steps();
    let next = it.next();
    while (!next.done) {
      const s = next.value;
      const values = s.args.map((a) => (typeof a === "bigint" ? a.toString() : a));
      const r = await client.query({ name: s.name, text: sql(driver, s.text), values });
      next = it.next(r.rows as Row[]);
    }
    await client.query("COMMIT");
    return next.value;
  } catch (e) {
    await client.query("ROLLBACK").catch((rollback: Error) => {
      broken = rollback;
    });
    throw e;
  } finally {
    // A connection that could not roll back is not handed to the next user.
    client.release(broken);
  }
}

/** A unique index refused the write (on either database): two writers took the same key. */
export function isUniqueViolation(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === "23505" || code === "SQLITE_CONSTRAINT_UNIQUE" || code === "SQLITE_CONSTRAINT_PRIMARYKEY";
}
