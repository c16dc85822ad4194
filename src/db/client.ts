// Prisma client over a driver adapter, so no native query engine is needed:
// better-sqlite3 for a file: URL (the default, one machine), pg for a
// postgresql:// URL (several instances sharing one database).
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import type BetterSqlite3 from "better-sqlite3";
import type pg from "pg";
import { PrismaClient } from "./generated/client.js";
import { PrismaClient as PgPrismaClient } from "./generated-pg/client/client.js";

/**
 * Both generated clients have the same models and methods (they come from the
 * same schema); the SQLite one's type stands for both.
 */
export type Db = PrismaClient;
export type Provider = "sqlite" | "postgresql";

const providers = new WeakMap<object, Provider>();

/**
 * The driver connection under a client's Prisma adapter, for the few statements on
 * every update that are worth sending without Prisma (a Prisma statement costs the
 * bot several times a prepared one, GRAMMY-NOTES.md). The same connection, not a
 * second one: a second SQLite connection could lock against the first.
 */
export type Driver = { kind: "sqlite"; sqlite: BetterSqlite3.Database } | { kind: "postgresql"; pool: pg.Pool };
const drivers = new WeakMap<object, Driver>();

/** Captures the connection each time Prisma connects its adapter (again after $disconnect). */
function capturing<F extends { connect(): Promise<object> }>(factory: F, db: () => object, kind: Provider): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = (await connect()) as { client?: BetterSqlite3.Database; underlyingDriver?: () => pg.Pool };
    drivers.set(db(), kind === "sqlite" ? { kind, sqlite: adapter.client! } : { kind, pool: adapter.underlyingDriver!() });
    return adapter;
  };
  return factory;
}

/** The client's driver connection, connecting first if Prisma has not yet. */
export async function driverOf(db: Db): Promise<Driver> {
  const known = drivers.get(db);
  if (known) return known;
  await db.$connect();
  const driver = drivers.get(db);
  if (!driver) throw new Error("The database adapter did not expose its driver connection");
  return driver;
}

export function providerOf(db: Db): Provider {
  return providers.get(db) ?? "sqlite";
}

export function providerOfUrl(url: string): Provider | undefined {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  return undefined;
}

export function sqlitePath(url: string): string {
  return resolve(url.replace(/^file:/, "").replace(/\?.*$/, ""));
}

/** Connections per instance; PostgreSQL's default max_connections (100) leaves room for several instances. */
const PG_POOL_SIZE = 10;

export function createDb(url: string): Db {
  const provider = providerOfUrl(url);
  if (provider === "postgresql") {
    const { connectionString, schema } = splitSchema(url);
    let db: Db | undefined;
    const adapter = capturing(
      new PrismaPg(
      {
        connectionString,
        max: PG_POOL_SIZE,
        connectionTimeoutMillis: 5_000,
        // Every connection works in the chosen schema, raw SQL (migrations) included.
        ...(schema ? { options: `-c search_path="${schema}"` } : {}),
      },
      schema ? { schema } : undefined,
      ),
      () => db!,
      provider,
    );
    db = new PgPrismaClient({ adapter }) as unknown as Db;
    providers.set(db, provider);
    return db;
  }
  if (provider !== "sqlite") throw new Error("DATABASE_URL must start with file: (SQLite) or postgresql:// (PostgreSQL)");
  const path = sqlitePath(url);
  mkdirSync(dirname(path), { recursive: true });
  // WAL lets the bot read while a long write (or a backup) is under way.
  let db: Db | undefined;
  const adapter = capturing(new PrismaBetterSqlite3({ url: path, timeout: 10_000 }), () => db!, provider);
  db = new PrismaClient({ adapter });
  providers.set(db, provider);
  return db;
}

/** Prisma's `?schema=` is not a PostgreSQL connection parameter: it is taken out and applied per connection. */
function splitSchema(url: string): { connectionString: string; schema?: string } {
  const u = new URL(url);
  const schema = u.searchParams.get("schema") ?? undefined;
  u.searchParams.delete("schema");
  if (schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(schema)) throw new Error("The schema in DATABASE_URL must be letters, digits and _");
  return { connectionString: u.toString(), ...(schema ? { schema } : {}) };
}
