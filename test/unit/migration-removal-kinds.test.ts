// Migration 20261203030000_removal_kinds on a database that already holds reports: a report sent
// before the split said one number ("xóa tên hoặc khai trừ"); it is kept, whole, as the unclassified
// count, the four kinds start at 0, the reason stays, and the digest rows are rebuilt at the next start.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { createDb } from "../../src/db/client.js";
import { migrate, MIGRATIONS_DIR } from "../../src/db/migrate.js";

const SPLIT = "20261203030000_removal_kinds";
const dir = mkdtempSync(join(tmpdir(), "chibo-removal-kinds-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every NOT NULL column without a default gets a value of its type, so that a row can be written by hand. */
function insertRow(db: BetterSqlite3.Database, table: string, values: Record<string, unknown>): void {
  const columns = db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string; notnull: number; dflt_value: unknown; pk: number }[];
  const row: Record<string, unknown> = {};
  for (const c of columns) {
    if (c.name in values) row[c.name] = values[c.name];
    else if (c.notnull && c.dflt_value === null && !c.pk) row[c.name] = /INT|REAL|BOOL/i.test(c.type) ? 0 : /DATE/i.test(c.type) ? "2026-10-03T02:00:00.000Z" : "x";
  }
  const names = Object.keys(row);
  db.prepare(`INSERT INTO "${table}" (${names.map((n) => `"${n}"`).join(", ")}) VALUES (${names.map(() => "?").join(", ")})`).run(...names.map((n) => row[n]));
}

it("keeps an older report's single removal count as unclassified, the kinds at 0, its reason, and asks for the digest rows to be rebuilt", async () => {
  const before = join(dir, "before");
  cpSync(MIGRATIONS_DIR, before, { recursive: true, filter: (src) => !src.includes(SPLIT) });
  const path = join(dir, "old.db");
  const first = createDb(`file:${path}`);
  const applied = await migrate(first, before);
  await first.$disconnect();
  expect(applied).not.toContain(SPLIT);

  const old = new BetterSqlite3(path);
  old.pragma("foreign_keys = OFF");
  insertRow(old, "Report", { id: 1, unitId: 1, year: 2026, month: 9, version: 1, removed: 2, removedReason: "Bỏ sinh hoạt đảng" });
  insertRow(old, "BranchMonth", { unitId: 1, year: 2026, month: 9, allRemoved: 2, okRemoved: 2 });
  insertRow(old, "Setting", { key: "branchMonths.built", value: "1" });
  old.close();

  const db = createDb(`file:${path}`);
  expect(await migrate(db)).toEqual([SPLIT]);
  await db.$disconnect();

  const after = new BetterSqlite3(path, { readonly: true });
  expect(after.prepare(`SELECT "removedStruckOff", "removedExpelled", "removedResigned", "removedDied", "removedUnclassified", "removedReason" FROM "Report" WHERE "id" = 1`).get()).toEqual({
    removedStruckOff: 0,
    removedExpelled: 0,
    removedResigned: 0,
    removedDied: 0,
    removedUnclassified: 2,
    removedReason: "Bỏ sinh hoạt đảng",
  });
  // The digest rows lost their single column; forgetting they were built makes the next start rebuild them.
  expect(after.prepare(`SELECT COUNT(*) AS n FROM "Setting" WHERE "key" = 'branchMonths.built'`).get()).toEqual({ n: 0 });
  const columns = (after.prepare(`PRAGMA table_info("BranchMonth")`).all() as { name: string }[]).map((c) => c.name);
  expect(columns).not.toContain("allRemoved");
  expect(columns).toEqual(expect.arrayContaining(["allRemovedStruckOff", "okRemovedDied", "allRemovedUnclassified"]));
  after.close();
});
