// Drift between prisma/schema.prisma (the source of truth) and the SQL
// migrations written by hand: migrate an empty database, then compare every
// model with what SQLite reports, and write and read every model through the
// generated client.
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/db/client.js";
import { migrate, MIGRATIONS_DIR } from "../../src/db/migrate.js";
import { Prisma } from "../../src/db/generated/client.js";
import { clientRoundTripTests } from "./helpers/client-roundtrip.js";
import { migrationNames, parsePrismaSchema, schemaDrift, SCHEMA_TEXT, withLine } from "./helpers/prisma-schema.js";

const MIGRATION_NAMES = migrationNames(MIGRATIONS_DIR);

let dir: string;
let dbPath: string;
let db: Db;
let sqlite: BetterSqlite3.Database;
let firstRun: string[];
let secondRun: string[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "chibo-migrations-"));
  dbPath = join(dir, "drift.db");
  db = createDb(`file:${dbPath}`);
  firstRun = await migrate(db);
  secondRun = await migrate(db);
  sqlite = new BetterSqlite3(dbPath, { readonly: true });
});

afterAll(async () => {
  sqlite?.close();
  await db?.$disconnect();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A fresh, migrated database for a test that changes it. */
async function scratchDatabase(): Promise<string> {
  const path = join(dir, `scratch-${Math.random().toString(36).slice(2)}.db`);
  const scratch = createDb(`file:${path}`);
  await migrate(scratch);
  await scratch.$disconnect();
  return path;
}

describe("the migrations", () => {
  it("are all applied to an empty database, in order", () => {
    expect(MIGRATION_NAMES.length).toBeGreaterThan(0);
    expect(firstRun).toEqual(MIGRATION_NAMES);
  });

  it("apply nothing the second time", () => {
    expect(secondRun).toEqual([]);
    const count = sqlite.prepare(`SELECT COUNT(*) AS n FROM "_prisma_migrations"`).get() as { n: number };
    expect(count.n).toBe(MIGRATION_NAMES.length);
  });

  it("are recorded the way `prisma migrate` records them, with the sha256 of the file", () => {
    const rows = sqlite
      .prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`)
      .all() as { migration_name: string; checksum: string; finished_at: string | null; rolled_back_at: string | null; applied_steps_count: number }[];
    expect(rows.map((r) => r.migration_name)).toEqual(MIGRATION_NAMES);
    for (const r of rows) {
      const bytes = readFileSync(join(MIGRATIONS_DIR, r.migration_name, "migration.sql"));
      expect(r.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(r.finished_at).not.toBeNull();
      expect(r.rolled_back_at).toBeNull();
      expect(r.applied_steps_count).toBe(1);
    }
  });

  it("are for the schema's provider", () => {
    const lock = readFileSync(join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8");
    const schema = parsePrismaSchema(SCHEMA_TEXT);
    expect(schema.provider).toBe("sqlite");
    expect(lock).toMatch(/^provider\s*=\s*"sqlite"\s*$/m);
  });

  it("refuse to run when an applied migration file was changed", async () => {
    const copy = mkdtempSync(join(dir, "changed-"));
    cpSync(MIGRATIONS_DIR, copy, { recursive: true });
    appendFileSync(join(copy, MIGRATION_NAMES[0]!, "migration.sql"), "\n-- edited after the fact\n");
    await expect(migrate(db, copy)).rejects.toThrow(/changed after it was applied/);
  });
});

describe("schema.prisma against the migrated database", () => {
  const schema = parsePrismaSchema(SCHEMA_TEXT);

  it("has models to compare (the reader found them)", () => {
    expect(schema.models.map((m) => m.name)).toEqual(
      expect.arrayContaining(["ConversationState", "Invite", "Membership", "Report", "Unit", "User"]),
    );
    const report = schema.models.find((m) => m.name === "Report")!;
    expect(report.scalars.find((f) => f.name === "supersededAt")).toMatchObject({ type: "DateTime", optional: true });
    expect(report.uniques).toEqual([{ fields: ["unitId", "year", "month", "version"], map: undefined }]);
    expect(report.indexes).toEqual([{ fields: ["year", "month", "supersededAt"], map: undefined }]);
    expect(report.relations.map((r) => r.name)).toEqual(["unit", "submittedBy", "reviewedBy"]);
  });

  it("matches the generated client (run `node scripts/prisma-generate.mjs` if not)", () => {
    expect(Object.values(Prisma.ModelName).sort()).toEqual(schema.models.map((m) => m.name).sort());
  });

  it("has exactly the tables, columns, types, nullability, defaults, keys, indexes and foreign keys of the migrations", () => {
    expect(schemaDrift(schema, sqlite)).toEqual([]);
  });
});

describe("the drift check itself", () => {
  const drift = (text: string) => schemaDrift(parsePrismaSchema(text), sqlite);

  it("notices a field added to the schema without a migration", () => {
    expect(drift(withLine(SCHEMA_TEXT, "User", "nickname String?"))).toEqual(["User.nickname: no column User.nickname in the database"]);
  });

  it("notices a model added without a migration", () => {
    expect(drift(`${SCHEMA_TEXT}\nmodel DriftProbe {\n  id Int @id @default(autoincrement())\n}\n`)).toEqual([
      "model DriftProbe: no table DriftProbe in the database",
    ]);
  });

  it("notices a changed type, nullability or default", () => {
    expect(drift(SCHEMA_TEXT.replace(/(\n\s+year\s+)Int/, "$1String"))).toEqual(["Report.year: column type INTEGER, expected TEXT"]);
    expect(drift(SCHEMA_TEXT.replace(/(\n\s+firstName\s+String)/, "$1?"))).toEqual([
      "User.firstName: column is NOT NULL, field is optional",
    ]);
    expect(drift(SCHEMA_TEXT.replace(/(\n\s+late\s+Boolean)/, "$1 @default(false)"))).toEqual([
      "Report.late: column default none, expected false",
    ]);
  });

  it("notices an index or a unique constraint added without a migration", () => {
    expect(drift(withLine(SCHEMA_TEXT, "Report", "@@index([submittedById])"))).toEqual([
      "Report: INDEX Report_submittedById_idx (submittedById) missing from the database",
    ]);
    expect(drift(SCHEMA_TEXT.replace(/(\n\s+username\s+String\?)/, "$1 @unique"))).toEqual([
      "User: UNIQUE INDEX User_username_key (username) missing from the database",
    ]);
  });

  it("notices a relation added without a foreign key", () => {
    const text = withLine(SCHEMA_TEXT, "Invite", "usedByUser User? @relation(fields: [usedByUserId], references: [id])\n  usedByUserId Int?");
    const fixedUser = text.replace(/(\n\s+reports\s+Report\[\])/, "$1\n  invitesUsed Invite[]");
    expect(drift(fixedUser)).toEqual([
      "Invite.usedByUserId: no column Invite.usedByUserId in the database",
      'Invite: FOREIGN KEY (usedByUserId) REFERENCES User (id) ON DELETE SET NULL ON UPDATE CASCADE missing from the database',
    ]);
  });

  it("notices a column, index or table a migration made that the schema lacks", async () => {
    const raw = new BetterSqlite3(await scratchDatabase());
    try {
      raw.exec(`ALTER TABLE "User" ADD COLUMN "phone" TEXT`);
      raw.exec(`CREATE INDEX "User_firstName_idx" ON "User"("firstName")`);
      raw.exec(`CREATE TABLE "Orphan" ("id" INTEGER NOT NULL PRIMARY KEY)`);
      expect(schemaDrift(parsePrismaSchema(SCHEMA_TEXT), raw).sort()).toEqual(
        [
          "table Orphan: in the database but not a model",
          "User: column User.phone in the database but not a field",
          "User: INDEX User_firstName_idx (firstName) in the database but not in the schema",
        ].sort(),
      );
    } finally {
      raw.close();
    }
  });

  it("refuses schema constructs it does not understand instead of ignoring them", () => {
    expect(() => parsePrismaSchema(`${SCHEMA_TEXT}\nenum Kind {\n  A\n}\n`)).toThrow(/does not understand/);
    expect(() => parsePrismaSchema(withLine(SCHEMA_TEXT, "User", "score Float"))).toThrow(/does not understand type Float/);
    expect(() => parsePrismaSchema(withLine(SCHEMA_TEXT, "User", "bio String @db.Text"))).toThrow(/does not understand @db.Text/);
  });
});

describe("every model through the generated client", () => {
  clientRoundTripTests(() => db, SCHEMA_TEXT);
});
