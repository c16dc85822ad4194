// A copy of the database (or a backup) holds no key: invite codes are kept as
// hashes only, the webhook's secret is derived from the bot token, and what an
// older version stored in plain text is gone after the upgrade, invites still working.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, test } from "vitest";
import { createDb, providerOf } from "../../src/db/client.js";
import { migrate, migrationsDirOf } from "../../src/db/migrate.js";
import { Harness } from "../support/harness.js";
import { databaseHolds, newTestDatabase, onPostgres, type TestDatabase } from "../support/database.js";
import { buildTree, inviteLink } from "../support/scenario.js";

/** The migrations the version before this change had: a database it made has exactly these. */
const PREVIOUS_VERSION_UP_TO = "20261201";

/** Two codes as the previous version made them (16 random bytes, base64url) and the secret it stored. */
const OLD_CODE = "Qm9vay1vZi1vbGQtY29kZQ";
const OLD_USED_CODE = "VXNlZC1vbGQtY29kZS0xMg";
const OLD_SECRET = "b2xkLXJhbmRvbS13ZWJob29rLXNlY3JldC1vZi0zMi1ieXRlcw";

const harnesses: Harness[] = [];
/** Databases of the previous version, handed to a harness, which leaves them to the test. */
const databases: TestDatabase[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.stop();
  for (const d of databases.splice(0)) await d.drop();
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A database as the previous version left it: its migrations only, a branch, two invites and the webhook secret. */
async function previousVersionDatabase(): Promise<TestDatabase> {
  const database = await newTestDatabase();
  databases.push(database);
  const db = createDb(database.url);
  const source = migrationsDirOf(providerOf(db));
  const dir = mkdtempSync(join(tmpdir(), "chibo-previous-migrations-"));
  dirs.push(dir);
  for (const name of readdirSync(source)) {
    if (name.endsWith(".toml") || name < PREVIOUS_VERSION_UP_TO) cpSync(join(source, name), join(dir, name), { recursive: true });
  }
  await migrate(db, dir);
  const unit = await db.unit.create({ data: { code: "CB-CU", name: "Chi bộ Trường cũ", kind: "BRANCH", createdBy: 1n } });
  const insert = onPostgres
    ? `INSERT INTO "Invite" ("code", "unitId", "role", "createdBy", "createdAt", "expiresAt", "usedAt", "usedBy") VALUES ($1, $2, 'SECRETARY', 1, $3::timestamp(3), $4::timestamp(3), $5::timestamp(3), $6::bigint)`
    : `INSERT INTO "Invite" ("code", "unitId", "role", "createdBy", "createdAt", "expiresAt", "usedAt", "usedBy") VALUES (?, ?, 'SECRETARY', 1, ?, ?, ?, ?)`;
  const at = (iso: string) => (onPostgres ? iso.replace(/\+00:00$/, "") : iso);
  await db.$executeRawUnsafe(insert, OLD_CODE, unit.id, at("2026-11-02T02:00:00.000+00:00"), at("2026-11-09T02:00:00.000+00:00"), null, null);
  await db.$executeRawUnsafe(insert, OLD_USED_CODE, unit.id, at("2026-11-01T02:00:00.000+00:00"), at("2026-11-08T02:00:00.000+00:00"), at("2026-11-01T03:00:00.000+00:00"), 7777);
  await db.setting.create({ data: { key: "webhook.secretToken", value: JSON.stringify(OLD_SECRET), updatedBy: 0n, updatedAt: new Date() } });
  await db.$disconnect();
  return database;
}

async function start(options: Parameters<typeof Harness.start>[0]): Promise<Harness> {
  const h = await Harness.start(options);
  harnesses.push(h);
  return h;
}

describe("invite codes", () => {
  test("the code is in the link the administrator gets and opens the invite, but is not in the database", async () => {
    const h = await start({});
    await buildTree(h);
    const code = await inviteLink(h.admin(), "CB-QT");
    expect(await databaseHolds(h.dbUrl, code)).toBe(false);
    const r = await h.user(5301, "Hạnh", "Vũ").say(`/start ${code}`);
    expect(r.last.text).toContain("Đồng chí đã được ghi nhận là bí thư Chi bộ Trường THPT Quang Trung");
    expect((await h.user(5302, "Khác").say(`/start ${code}`)).last.text).toContain("Mã mời này đã được dùng");
    expect(await databaseHolds(h.dbUrl, code)).toBe(false);
  });

  test("an invite made by the previous version still opens after the upgrade, and no code it stored is left in the database", async () => {
    const database = await previousVersionDatabase();
    expect(await databaseHolds(database.url, OLD_CODE)).toBe(true);
    const h = await start({ database });
    for (const code of [OLD_CODE, OLD_USED_CODE]) expect(await databaseHolds(h.dbUrl, code)).toBe(false);
    const r = await h.user(5311, "Tâm", "Đỗ").say(`/start ${OLD_CODE}`);
    expect(r.last.text).toContain("Đồng chí đã được ghi nhận là bí thư Chi bộ Trường cũ");
    // The one already used is still known as used, not as an unknown code.
    expect((await h.user(5312, "Khác").say(`/start ${OLD_USED_CODE}`)).last.text).toContain("Mã mời này đã được dùng");
    expect((await h.user(5313, "Khác nữa").say(`/start ${OLD_CODE}`)).last.text).toContain("Mã mời này đã được dùng");
    await h.restart();
    for (const code of [OLD_CODE, OLD_USED_CODE]) expect(await databaseHolds(h.dbUrl, code)).toBe(false);
  });
});

describe("the webhook's secret", () => {
  test("is not kept in the database, and a restart registers the same one", async () => {
    const h = await start({ webhook: true });
    const secret = String(h.fake.webhook!.secret_token);
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(await databaseHolds(h.dbUrl, secret)).toBe(false);
    await h.restart();
    expect(h.fake.callsOf("setWebhook").map((c) => c.params.secret_token)).toEqual([secret, secret]);
    expect(await databaseHolds(h.dbUrl, secret)).toBe(false);
  });

  test("the one the previous version stored is removed at the upgrade and no longer accepted", async () => {
    const database = await previousVersionDatabase();
    expect(await databaseHolds(database.url, OLD_SECRET)).toBe(true);
    const h = await start({ webhook: true, database });
    expect(await h.app.db.setting.count({ where: { key: "webhook.secretToken" } })).toBe(0);
    expect(await databaseHolds(h.dbUrl, OLD_SECRET)).toBe(false);
    const secret = String(h.fake.webhook!.secret_token);
    expect(secret).not.toBe(OLD_SECRET);
    const update = (id: number) => ({
      update_id: id,
      message: { message_id: id, date: 0, from: { id: 900001, is_bot: false, first_name: "A" }, chat: { id: 900001, type: "private", first_name: "A" }, text: "/donvi", entities: [{ type: "bot_command", offset: 0, length: 6 }] },
    });
    expect((await h.fake.postWebhook(update(880_001), OLD_SECRET)).status).toBe(401);
    expect((await h.fake.postWebhook(update(880_002), secret)).status).toBe(200);
  });
});
