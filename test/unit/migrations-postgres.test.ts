// Drift between prisma/schema.prisma and the PostgreSQL migrations written by
// hand (prisma/migrations-postgres): migrate a fresh schema, compare every
// model with what the catalog reports, and write and read every model through
// the PostgreSQL client. Runs whenever TEST_POSTGRES_URL names a server, on
// both passes of `npm test`: the PostgreSQL history must hold even when the
// rest of the suite runs on SQLite.
import { createHash } from "node:crypto";
import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, providerOf, type Db } from "../../src/db/client.js";
import { migrate, migrationsDirOf, PG_MIGRATIONS_DIR } from "../../src/db/migrate.js";
import { Prisma as PgPrisma } from "../../src/db/generated-pg/client/client.js";
import { clientRoundTripTests } from "./helpers/client-roundtrip.js";
import { migrationNames, parsePrismaSchema, SCHEMA_TEXT, withLine } from "./helpers/prisma-schema.js";
import { schemaDriftPg, type Query } from "./helpers/prisma-schema-pg.js";

const PG_URL = process.env.TEST_POSTGRES_URL;
const MIGRATION_NAMES = migrationNames(PG_MIGRATIONS_DIR);

describe.skipIf(!PG_URL)("PostgreSQL", () => {
  let admin: pg.Client;
  let q: Query;
  const schemas: string[] = [];
  const clients: Db[] = [];
  let dir: string;
  let schemaName: string;
  let db: Db;
  let firstRun: string[];
  let secondRun: string[];

  /** A new, empty schema and a client working in it, both cleaned up after the file. */
  async function freshSchema(): Promise<{ name: string; client: Db }> {
    const name = `mig_${process.pid}_${schemas.length}_${Math.random().toString(36).slice(2, 8)}`;
    await admin.query(`CREATE SCHEMA "${name}"`);
    schemas.push(name);
    const url = new URL(PG_URL!);
    url.searchParams.set("schema", name);
    const client = createDb(url.toString());
    clients.push(client);
    return { name, client };
  }

  beforeAll(async () => {
    admin = new pg.Client({ connectionString: PG_URL });
    await admin.connect();
    q = async (sql, params) => (await admin.query(sql, params)).rows as Record<string, unknown>[];
    dir = mkdtempSync(join(tmpdir(), "chibo-migrations-pg-"));
    ({ name: schemaName, client: db } = await freshSchema());
    firstRun = await migrate(db);
    secondRun = await migrate(db);
  });

  afterAll(async () => {
    await Promise.all(clients.map((c) => c.$disconnect()));
    if (admin) {
      for (const s of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
      await admin.end();
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const migrations = (schema: string) =>
    q(`SELECT migration_name, checksum, started_at, finished_at, rolled_back_at, applied_steps_count FROM "${schema}"."_prisma_migrations" ORDER BY migration_name`);

  describe("the migrations", () => {
    it("are the PostgreSQL history, picked for a postgresql:// database", () => {
      expect(providerOf(db)).toBe("postgresql");
      expect(migrationsDirOf("postgresql")).toBe(PG_MIGRATIONS_DIR);
    });

    it("are all applied to an empty schema, in order", () => {
      expect(MIGRATION_NAMES.length).toBeGreaterThan(0);
      expect(firstRun).toEqual(MIGRATION_NAMES);
    });

    it("apply nothing the second time", async () => {
      expect(secondRun).toEqual([]);
      expect(await migrations(schemaName)).toHaveLength(MIGRATION_NAMES.length);
    });

    it("are recorded the way `prisma migrate` records them, with the sha256 of the file", async () => {
      const rows = await migrations(schemaName);
      expect(rows.map((r) => r.migration_name)).toEqual(MIGRATION_NAMES);
      for (const r of rows) {
        const bytes = readFileSync(join(PG_MIGRATIONS_DIR, String(r.migration_name), "migration.sql"));
        expect(r.checksum).toBe(createHash("sha256").update(bytes).digest("hex"));
        expect(r.finished_at).toBeInstanceOf(Date);
        expect((r.finished_at as Date).getTime()).toBeGreaterThanOrEqual((r.started_at as Date).getTime());
        expect(r.rolled_back_at).toBeNull();
        expect(r.applied_steps_count).toBe(1);
      }
    });

    it("are for PostgreSQL, and the PostgreSQL client has the schema's models", () => {
      const lock = readFileSync(join(PG_MIGRATIONS_DIR, "migration_lock.toml"), "utf8");
      expect(lock).toMatch(/^provider\s*=\s*"postgresql"\s*$/m);
      expect(Object.values(PgPrisma.ModelName).sort()).toEqual(parsePrismaSchema(SCHEMA_TEXT).models.map((m) => m.name).sort());
    });

    it("refuse to run when an applied migration file was changed", async () => {
      const copy = mkdtempSync(join(dir, "changed-"));
      cpSync(PG_MIGRATIONS_DIR, copy, { recursive: true });
      appendFileSync(join(copy, MIGRATION_NAMES[0]!, "migration.sql"), "\n-- edited after the fact\n");
      await expect(migrate(db, copy)).rejects.toThrow(/changed after it was applied/);
      expect(await migrations(schemaName)).toHaveLength(MIGRATION_NAMES.length);
    });

    it("run once when two instances start together on an empty schema (the advisory lock)", async () => {
      const { name, client: first } = await freshSchema();
      const url = new URL(PG_URL!);
      url.searchParams.set("schema", name);
      const second = createDb(url.toString());
      clients.push(second);

      const [a, b] = await Promise.all([migrate(first), migrate(second)]);
      expect([a, b].sort((x, y) => y.length - x.length)).toEqual([MIGRATION_NAMES, []]);
      expect((await migrations(name)).map((r) => r.migration_name)).toEqual(MIGRATION_NAMES);
      expect(await schemaDriftPg(parsePrismaSchema(SCHEMA_TEXT), q, name)).toEqual([]);
    });
  });

  describe("schema.prisma against the migrated schema", () => {
    it("has exactly the tables, columns, types, nullability, defaults, keys, indexes and foreign keys of the migrations", async () => {
      expect(await schemaDriftPg(parsePrismaSchema(SCHEMA_TEXT), q, schemaName)).toEqual([]);
    });
  });

  describe("the drift check itself", () => {
    const drift = (text: string) => schemaDriftPg(parsePrismaSchema(text), q, schemaName);

    it("notices a field added to the schema without a migration", async () => {
      expect(await drift(withLine(SCHEMA_TEXT, "User", "nickname String?"))).toEqual(["User.nickname: no column User.nickname in the database"]);
    });

    it("notices a model added without a migration", async () => {
      expect(await drift(`${SCHEMA_TEXT}\nmodel DriftProbe {\n  id Int @id @default(autoincrement())\n}\n`)).toEqual([
        "model DriftProbe: no table DriftProbe in the database",
      ]);
    });

    it("notices a changed type, nullability or default", async () => {
      expect(await drift(SCHEMA_TEXT.replace(/(\n\s+year\s+)Int/, "$1String"))).toEqual(["Report.year: column type integer, expected text"]);
      expect(await drift(SCHEMA_TEXT.replace(/(\n\s+telegramId\s+)BigInt/, "$1Int"))).toEqual([
        "User.telegramId: column type bigint, expected integer",
      ]);
      expect(await drift(SCHEMA_TEXT.replace(/(\n\s+firstName\s+String)/, "$1?"))).toEqual([
        "User.firstName: column is NOT NULL, field is optional",
      ]);
      expect(await drift(SCHEMA_TEXT.replace(/(\n\s+late\s+Boolean)/, "$1 @default(false)"))).toEqual([
        "Report.late: column default none, expected false",
      ]);
      expect(await drift(SCHEMA_TEXT.replace(/(reviewState\s+String\s+)@default\("PENDING"\)/, '$1@default("NEW")'))).toEqual([
        "Report.reviewState: column default 'PENDING'::text, expected 'NEW'::text",
      ]);
      expect(await drift(SCHEMA_TEXT.replace(/(model AuditEntry \{\n\s+id\s+Int\s+@id) @default\(autoincrement\(\)\)/, "$1"))).toEqual([
        `AuditEntry.id: column default nextval('"AuditEntry_id_seq"'::regclass), expected none`,
      ]);
    });

    it("notices an index or a unique constraint added without a migration", async () => {
      expect(await drift(withLine(SCHEMA_TEXT, "Report", "@@index([submittedById])"))).toEqual([
        "Report: INDEX Report_submittedById_idx (submittedById) missing from the database",
      ]);
      expect(await drift(SCHEMA_TEXT.replace(/(\n\s+username\s+String\?)/, "$1 @unique"))).toEqual([
        "User: UNIQUE INDEX User_username_key (username) missing from the database",
      ]);
    });

    it("notices a relation added without a foreign key", async () => {
      const text = withLine(SCHEMA_TEXT, "Invite", "usedByUser User? @relation(fields: [usedByUserId], references: [id])\n  usedByUserId Int?");
      const fixedUser = text.replace(/(\n\s+reports\s+Report\[\])/, "$1\n  invitesUsed Invite[]");
      expect(await drift(fixedUser)).toEqual([
        "Invite.usedByUserId: no column Invite.usedByUserId in the database",
        "Invite: FOREIGN KEY Invite_usedByUserId_fkey (usedByUserId) REFERENCES User (id) ON DELETE SET NULL ON UPDATE CASCADE missing from the database",
      ]);
    });

    it("notices what a migration made differently from the schema", async () => {
      const { name, client } = await freshSchema();
      await migrate(client);
      const s = `"${name}"`;
      for (const sql of [
        `ALTER TABLE ${s}."User" ADD COLUMN "phone" TEXT`,
        `CREATE INDEX "User_firstName_idx" ON ${s}."User"("firstName")`,
        `CREATE TABLE ${s}."Orphan" ("id" INTEGER NOT NULL PRIMARY KEY)`,
        `ALTER TABLE ${s}."Invite" ALTER COLUMN "usedAt" TYPE TIMESTAMP(6)`,
        `ALTER TABLE ${s}."Membership" DROP CONSTRAINT "Membership_unitId_fkey"`,
        `ALTER TABLE ${s}."Membership" ADD CONSTRAINT "Membership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES ${s}."Unit" ("id") ON DELETE CASCADE ON UPDATE CASCADE`,
        `ALTER TABLE ${s}."Quota" DROP CONSTRAINT "Quota_pkey"`,
        `ALTER TABLE ${s}."Quota" ADD CONSTRAINT "Quota_id_pk" PRIMARY KEY ("id")`,
        `ALTER SEQUENCE ${s}."GroupChat_id_seq" OWNED BY NONE`,
        `DROP INDEX ${s}."AuditEntry_at_idx"`,
        `CREATE INDEX "AuditEntry_at_idx" ON ${s}."AuditEntry"("at" DESC)`,
        `CREATE INDEX "Delivery_payload_idx" ON ${s}."Delivery" USING hash ("payload") WHERE "status" = 'FAILED'`,
      ])
        await admin.query(sql);
      expect((await schemaDriftPg(parsePrismaSchema(SCHEMA_TEXT), q, name)).sort()).toEqual(
        [
          "table Orphan: in the database but not a model",
          "User: column User.phone in the database but not a field",
          "User: INDEX User_firstName_idx (firstName) in the database but not in the schema",
          "Invite.usedAt: column type timestamp(6) without time zone, expected timestamp(3) without time zone",
          "Membership: FOREIGN KEY Membership_unitId_fkey (unitId) REFERENCES Unit (id) ON DELETE RESTRICT ON UPDATE CASCADE missing from the database",
          "Membership: FOREIGN KEY Membership_unitId_fkey (unitId) REFERENCES Unit (id) ON DELETE CASCADE ON UPDATE CASCADE in the database but not in the schema",
          "Quota: primary key Quota_id_pk (id), expected Quota_pkey (id)",
          "AuditEntry: INDEX AuditEntry_at_idx (at) missing from the database",
          "AuditEntry: INDEX AuditEntry_at_idx (at) with a DESC column in the database but not in the schema",
          `Delivery: INDEX Delivery_payload_idx (payload) USING hash WHERE (status = 'FAILED'::text) in the database but not in the schema`,
          `GroupChat.id: column default nextval('"GroupChat_id_seq"'::regclass) (sequence not owned by the column), expected nextval('"GroupChat_id_seq"'::regclass)`,
        ].sort(),
      );
    });
  });

  describe("every model through the generated client", () => {
    clientRoundTripTests(() => db, SCHEMA_TEXT);
  });
});
