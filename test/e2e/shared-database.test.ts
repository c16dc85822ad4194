// Two deployments in two schemas of one PostgreSQL database (a test server, a
// province beside another): advisory locks belong to the whole database, so a
// lock of one must never hold back the other. Here one deployment's planning is
// held up (a row it must write is locked) while the other's reminders fall due.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import pg from "pg";
import { onPostgres } from "../support/database.js";
import { Harness, type TestUser } from "../support/harness.js";
import { branchWithSecretary, buildTree } from "../support/scenario.js";

describe.skipIf(!onPostgres)("two deployments sharing one PostgreSQL database", () => {
  let province: Harness;
  let other: Harness;
  let secretary: TestUser;
  beforeAll(async () => {
    province = await Harness.start({ now: "2026-12-01T09:00:00+07:00" });
    other = await Harness.start({ now: "2026-12-01T09:00:00+07:00" });
    await buildTree(province);
    secretary = await branchWithSecretary(province, 8801, "Hà");
    // Each has ticked once, so each keeps its last tick in a row of its own schema.
    await province.at("2026-12-01T09:00:00+07:00");
    await other.at("2026-12-01T09:00:00+07:00");
  });
  afterAll(async () => {
    await other?.stop();
    await province?.stop();
  });

  test("one deployment planning slowly does not make the other skip its reminders", async () => {
    const schema = new URL(other.dbUrl).searchParams.get("schema")!;
    const blocker = new pg.Client({ connectionString: process.env.TEST_POSTGRES_URL });
    await blocker.connect();
    try {
      await blocker.query("BEGIN");
      await blocker.query(`SELECT 1 FROM "${schema}"."Setting" WHERE "key" = 'scheduler.lastTick' FOR UPDATE`);
      // The other deployment takes its planning lock, then waits on the row.
      other.clock.set("2026-12-02T08:00:30+07:00");
      const held = other.app.scheduler.tick();
      await new Promise((r) => setTimeout(r, 500));
      await province.at("2026-12-02T08:00:30+07:00");
      const reminders = province.fake.messagesTo(secretary.id).filter((m) => m.text.startsWith("🔔"));
      expect(reminders).toHaveLength(1);
      expect(reminders[0]!.text).toContain("(còn 3 ngày)");
      await blocker.query("ROLLBACK");
      await held;
    } finally {
      await blocker.end();
    }
  });
});
