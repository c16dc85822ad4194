// Applies prisma/migrations at start, recording them in Prisma's own
// _prisma_migrations table so that `prisma migrate status`/`deploy` agree
// with what the bot did.
import { createHash, randomUUID } from "node:crypto";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { providerOf, type Db, type Provider } from "./client.js";
import { hashLegacyInviteCodes, scrubSqliteFile, SECRETS_AT_REST_MIGRATION } from "./legacy-invites.js";

export const MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "prisma", "migrations");
/** PostgreSQL has its own history, from the same models (prisma/schema.prisma). */
export const PG_MIGRATIONS_DIR = join(import.meta.dirname, "..", "..", "prisma", "migrations-postgres");

export function migrationsDirOf(provider: Provider): string {
  return provider === "postgresql" ? PG_MIGRATIONS_DIR : MIGRATIONS_DIR;
}

const CREATE_TABLE_SQLITE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

/** Prisma's own definition for PostgreSQL, so `prisma migrate status` reads it. */
const CREATE_TABLE_PG = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** The key Prisma Migrate itself locks with: instances starting together migrate one at a time. */
const PG_MIGRATION_LOCK = 72707369;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Splits a migration file into statements; Prisma's SQL has one statement per `;` line end. */
export function statements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\r?\n|$)/)
    .map((s) =>
      s
        .split(/\r?\n/)
        .filter((line) => !line.trim().startsWith("--"))
        .join("\n")
        .trim(),
    )
    .filter(Boolean);
}

/** Returns the names of the migrations it applied. */
export async function migrate(db: Db, dir?: string): Promise<string[]> {
  const provider = providerOf(db);
  if (provider === "sqlite") {
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    const { ran, scrub } = await apply(db, provider, dir ?? MIGRATIONS_DIR);
    if (scrub) await scrubSqliteFile(db);
    return ran;
  }
  // One transaction for the whole run, holding a transaction-level lock: instances
  // starting together wait for each other, and a failed run leaves nothing half done.
  // (So a migration cannot use CREATE INDEX CONCURRENTLY.)
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${PG_MIGRATION_LOCK})`);
      return (await apply(tx as unknown as Db, provider, dir ?? PG_MIGRATIONS_DIR, true)).ran;
    },
    { timeout: 120_000, maxWait: 60_000 },
  );
}

/** `scrub`: values that must not stay readable were just deleted or overwritten. */
async function apply(db: Db, provider: Provider, dir: string, inTransaction = false): Promise<{ ran: string[]; scrub: boolean }> {
  await db.$executeRawUnsafe(provider === "sqlite" ? CREATE_TABLE_SQLITE : CREATE_TABLE_PG);
  const done = await db.$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
    `SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  const applied = new Map(done.map((r) => [r.migration_name, r.checksum]));
  const ran: string[] = [];
  const insert =
    provider === "sqlite"
      ? `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`
      : `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3::timestamptz, $4, $5::timestamptz, 1)`;
  for (const m of readMigrations(dir)) {
    const seen = applied.get(m.name);
    if (seen !== undefined) {
      if (seen !== m.checksum) throw new Error(`Migration ${m.name} was changed after it was applied`);
      continue;
    }
    const startedAt = new Date().toISOString();
    const run = async (tx: Db) => {
      for (const statement of statements(m.sql)) await tx.$executeRawUnsafe(statement);
      await tx.$executeRawUnsafe(insert, randomUUID(), m.checksum, new Date().toISOString(), m.name, startedAt);
    };
    // On PostgreSQL the caller's transaction already holds the lock and rolls back as a whole.
    if (inTransaction) await run(db);
    else await db.$transaction(async (tx) => run(tx as unknown as Db));
    ran.push(m.name);
  }
  // A step in JavaScript after its migration's SQL, at every start rather than
  // once: a migration applied by `prisma migrate deploy` has not had its step.
  let hashed = 0;
  if (applied.has(SECRETS_AT_REST_MIGRATION) || ran.includes(SECRETS_AT_REST_MIGRATION)) {
    hashed = inTransaction ? await hashLegacyInviteCodes(db) : await db.$transaction(async (tx) => hashLegacyInviteCodes(tx as unknown as Db));
  }
  return { ran, scrub: hashed > 0 || ran.includes(SECRETS_AT_REST_MIGRATION) };
}
