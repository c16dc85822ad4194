// Where a test's database lives: a fresh SQLite file by default, or a fresh
// schema in the PostgreSQL named by TEST_POSTGRES_URL when TEST_DB=postgres
// (npm test runs the suite both ways when that URL is given; see scripts/run-tests.mjs).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

export const TEST_DB: "sqlite" | "postgresql" = process.env.TEST_DB === "postgres" ? "postgresql" : "sqlite";
export const onPostgres = TEST_DB === "postgresql";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

let counter = 0;

export async function newTestDatabase(): Promise<TestDatabase> {
  if (!onPostgres) {
    const dir = mkdtempSync(join(tmpdir(), "chibo-db-"));
    return { url: `file:${join(dir, "bot.db")}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const base = process.env.TEST_POSTGRES_URL;
  if (!base) throw new Error("TEST_DB=postgres needs TEST_POSTGRES_URL");
  const schema = `t_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  await admin(base, `CREATE SCHEMA "${schema}"`);
  const url = new URL(base);
  url.searchParams.set("schema", schema);
  return { url: url.toString(), drop: () => admin(base, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`) };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Whether a copy of the database would show this text: on SQLite, anywhere in
 * the file and the files beside it (free pages and the WAL included, as a
 * backup copies them); on PostgreSQL, in any row of any table of the schema.
 */
export async function databaseHolds(url: string, needle: string): Promise<boolean> {
  if (url.startsWith("file:")) {
    const path = url.replace(/^file:/, "");
    const bytes = Buffer.from(needle, "utf8");
    return ["", "-wal", "-shm", "-journal"].some((suffix) => existsSync(path + suffix) && readFileSync(path + suffix).includes(bytes));
  }
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? "public";
  u.searchParams.delete("schema");
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = $1`, [schema]);
    for (const { name } of tables.rows) {
      const found = await client.query(`SELECT 1 FROM "${schema}"."${name}" t WHERE strpos(t::text, $1) > 0 LIMIT 1`, [needle]);
      if (found.rowCount) return true;
    }
    return false;
  } finally {
    await client.end();
  }
}
