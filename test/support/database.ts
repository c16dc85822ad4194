// Where a test's database lives: a fresh SQLite file by default, or a fresh
// schema in the PostgreSQL named by TEST_POSTGRES_URL when TEST_DB=postgres
// (npm test runs the suite both ways when that URL is given; see scripts/run-tests.mjs).
import { mkdtempSync, rmSync } from "node:fs";
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
