// Old update ids are forgotten after the retention; the in-flight counter
// waits for updates that start while it waits.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";
import { PROCESSED_UPDATE_RETENTION_MS, purgeProcessedUpdates } from "../../src/bot/middleware/dedup.js";
import { InFlight } from "../../src/bot/middleware/in-flight.js";
import type { Context } from "grammy";

describe("purgeProcessedUpdates", () => {
  let dir: string;
  let db: Db;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "chibo-dedup-"));
    db = createDb(`file:${join(dir, "d.db")}`);
    await migrate(db);
  });
  afterAll(async () => {
    await db?.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });

  it("keeps two days of update ids, more than the 24 hours Telegram may redeliver within", async () => {
    expect(PROCESSED_UPDATE_RETENTION_MS).toBe(2 * 86_400_000);
    const now = new Date("2026-11-23T12:00:00Z");
    const ago = (ms: number) => new Date(now.getTime() - ms);
    await db.processedUpdate.createMany({
      data: [
        { updateId: 1n, receivedAt: ago(10 * 86_400_000) },
        { updateId: 2n, receivedAt: ago(PROCESSED_UPDATE_RETENTION_MS + 1) },
        { updateId: 3n, receivedAt: ago(PROCESSED_UPDATE_RETENTION_MS) },
        { updateId: 4n, receivedAt: ago(86_400_000) },
        { updateId: 5n, receivedAt: now },
      ],
    });
    expect(await purgeProcessedUpdates(db, now)).toBe(2);
    const left = await db.processedUpdate.findMany({ orderBy: { updateId: "asc" } });
    expect(left.map((r) => r.updateId)).toEqual([3n, 4n, 5n]);
    expect(await purgeProcessedUpdates(db, now)).toBe(0);
  });
});

describe("InFlight", () => {
  it("drains only when every update, including one started meanwhile, has finished", async () => {
    const inFlight = new InFlight();
    const mw = inFlight.middleware();
    const ctx = {} as Context;
    const gates: (() => void)[] = [];
    const handle = () => mw(ctx, () => new Promise<void>((r) => gates.push(r)));
    void handle();
    expect(inFlight.size).toBe(1);
    let drained = false;
    const waiting = inFlight.drained().then(() => (drained = true));
    void handle();
    gates[0]!();
    await new Promise((r) => setTimeout(r, 10));
    expect(drained).toBe(false);
    expect(inFlight.size).toBe(1);
    gates[1]!();
    await waiting;
    expect(inFlight.size).toBe(0);
  });

  it("counts an update that failed as finished", async () => {
    const inFlight = new InFlight();
    await expect(inFlight.middleware()({} as Context, () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(inFlight.size).toBe(0);
    await inFlight.drained();
  });
});
