// PostgreSQL going away for a few seconds while the bot runs: /healthz says so,
// updates meanwhile fail cleanly (the person is told), and once the database is
// back the bot works again without a restart. (SQLite's equivalent, a database
// file that cannot be opened, is in webhook.test.ts.)
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { Harness } from "../support/harness.js";
import { newTestDatabase, onPostgres, type TestDatabase } from "../support/database.js";
import { TcpProxy } from "../support/tcp-proxy.js";

async function health(h: Harness): Promise<number> {
  return (await fetch(`http://127.0.0.1:${h.app.http!.port}/healthz`)).status;
}

describe.skipIf(!onPostgres)("PostgreSQL unreachable for a while", () => {
  let h: Harness;
  let proxy: TcpProxy;
  let database: TestDatabase;
  beforeAll(async () => {
    database = await newTestDatabase();
    const url = new URL(database.url);
    proxy = await TcpProxy.start(url.hostname, Number(url.port || 5432));
    url.host = `127.0.0.1:${proxy.port}`;
    h = await Harness.start({ port: 0, database: { url: url.toString(), drop: async () => undefined } });
  });
  afterAll(async () => {
    await h?.stop();
    await proxy?.stop();
    await database?.drop();
  });

  test("updates fail cleanly while it is away and work again when it is back, without a restart", async () => {
    const admin = h.admin();
    expect((await admin.say("/themdonvi DU-A - Đảng ủy A")).last.text).toContain("Đã thêm");
    expect(await health(h)).toBe(200);

    proxy.cut();
    // A few seconds away, with people writing meanwhile.
    for (let i = 0; i < 3; i++) {
      expect(await health(h)).toBe(503);
      const r = await admin.say("/donvi");
      expect(r.texts).toEqual([expect.stringContaining("có lỗi xảy ra")]);
      await new Promise((r) => setTimeout(r, 700));
    }

    proxy.restore();
    const deadline = Date.now() + 10_000;
    while ((await health(h)) !== 200) {
      if (Date.now() > deadline) throw new Error("the database did not come back within 10 s");
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await admin.say("/donvi")).last.text).toContain("DU-A");
    expect((await admin.say("/themdonvi DU-B - Đảng ủy B")).last.text).toContain("Đã thêm");
  });
});
