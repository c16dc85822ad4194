// The form state store through the driver (src/store/form-state.ts, update-claims.ts):
// the same JSON as @grammyjs/storage-prisma (forms open across the upgrade carry on),
// rows Prisma still reads, the claim on an open form's row, and on SQLite no statement
// slipped into a Prisma transaction that happens to be open on the one connection.
import { PrismaAdapter } from "@grammyjs/storage-prisma";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";
import { FormStateConflict, FormStateStore, FormUpdateTaken } from "../../src/store/form-state.js";
import { InstancePresence } from "../../src/store/instance-presence.js";
import type { Logger } from "../../src/log.js";
import { PROCESSED_UPDATE_RETENTION_MS } from "../../src/store/update-claims.js";
import { newTestDatabase, type TestDatabase } from "../support/database.js";

let store: TestDatabase;
let db: Db;
let now = new Date("2026-12-03T01:00:00Z");
let forms: FormStateStore<{ version: [number, number]; state: { log: string[] } }>;
const state = (...log: string[]) => ({ version: [1, 3] as [number, number], state: { log } });

beforeAll(async () => {
  store = await newTestDatabase();
  db = createDb(store.url);
  await migrate(db);
  forms = new FormStateStore(db, () => now);
});
afterAll(async () => {
  await db?.$disconnect();
  await store?.drop();
});

describe("the form state store", () => {
  it("reads a form left open by the previous version (storage-prisma) as it was, and writes what that adapter reads back", async () => {
    const old = new PrismaAdapter<ReturnType<typeof state>>(db.conversationState);
    await old.write("5001", state("a", "b"));
    expect(await forms.adapter.read("5001")).toEqual(state("a", "b"));
    await forms.adapter.write("5001", state("a", "b", "c"));
    expect(await old.read("5001")).toEqual(state("a", "b", "c"));
    const row = await db.conversationState.findUniqueOrThrow({ where: { key: "5001" } });
    expect(row.updatedAt).toEqual(now);
    await forms.adapter.delete("5001");
    expect(await old.read("5001")).toBeUndefined();
    expect(await forms.adapter.read("5001")).toBeUndefined();
  });

  it("claims an update of an open form on the form's row, handing over its state; the same update again is refused", async () => {
    await forms.adapter.write("5002", state("x"));
    const first = await forms.claim(7001, "5002");
    expect(first).toMatchObject({ taken: true, form: true });
    // The plugin's read is served from the claim.
    expect(await forms.adapter.read("5002")).toEqual(state("x"));
    await forms.adapter.write("5002", state("x", "y"));
    await forms.release("5002");
    expect(await forms.claim(7001, "5002")).toEqual({ taken: false });
    expect(await db.processedUpdate.count({ where: { updateId: 7001n } })).toBe(0);
    expect(await forms.claim(7002, "5002")).toMatchObject({ taken: true, form: true });
    await forms.release("5002");
  });

  it("an update id below the row's after more than the retention without updates is new (Telegram starts ids afresh after a week)", async () => {
    await forms.adapter.write("5003", state("x"));
    expect(await forms.claim(9000, "5003")).toMatchObject({ taken: true });
    await forms.release("5003");
    expect(await forms.claim(100, "5003")).toEqual({ taken: false });
    now = new Date(now.getTime() + PROCESSED_UPDATE_RETENTION_MS + 60_000);
    expect(await forms.claim(100, "5003")).toMatchObject({ taken: true, form: true });
    await forms.release("5003");
  });

  it("a chat without a form is claimed with a ProcessedUpdate row, once", async () => {
    expect(await forms.claim(8001, "5004")).toMatchObject({ taken: true, form: false, noForm: true });
    await forms.release("5004");
    expect(await forms.claim(8001, "5004")).toEqual({ taken: false });
    expect(await forms.claim(8002, undefined)).toMatchObject({ taken: true, form: false });
    expect(await forms.claim(8002, undefined)).toEqual({ taken: false });
  });

  it("a write while a Prisma transaction is open does not join it: the transaction's rollback leaves the write in place", async () => {
    let written: Promise<void> | undefined;
    await expect(
      db.$transaction(async (tx) => {
        await tx.setting.create({ data: { key: "form-state-test", value: "x", updatedBy: 0n, updatedAt: now } });
        written = forms.adapter.write("5005", state("kept"));
        await new Promise((r) => setTimeout(r, 20));
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await written;
    expect(await db.setting.count({ where: { key: "form-state-test" } })).toBe(0);
    expect(await forms.adapter.read("5005")).toEqual(state("kept"));
  });
});

// Two instances on one database are two stores: each knows the version it read.
describe("the conditional write of form state", () => {
  const other = () => new FormStateStore<ReturnType<typeof state>>(db, () => now);

  it("of two instances that read the same version, the second to write is refused and the row keeps the first one's state", async () => {
    const a = other();
    const b = other();
    await forms.adapter.write("5101", state("q1"));
    expect(await a.adapter.read("5101")).toEqual(state("q1"));
    expect(await b.adapter.read("5101")).toEqual(state("q1"));
    await b.adapter.write("5101", state("q1", "b"));
    await expect(a.adapter.write("5101", state("q1", "a"))).rejects.toBeInstanceOf(FormStateConflict);
    expect(await other().adapter.read("5101")).toEqual(state("q1", "b"));
    // Run again on the state as it is now, the refused one's answer goes in after the other's.
    a.reread("5101", 1);
    expect(await a.adapter.read("5101")).toEqual(state("q1", "b"));
    await a.adapter.write("5101", state("q1", "b", "a"));
    expect(await other().adapter.read("5101")).toEqual(state("q1", "b", "a"));
  });

  it("a form opened on two instances at once is opened once: the second opening is refused", async () => {
    const a = other();
    const b = other();
    expect(await a.adapter.read("5102")).toBeUndefined();
    expect(await b.adapter.read("5102")).toBeUndefined();
    await a.adapter.write("5102", state("a"));
    await expect(b.adapter.write("5102", state("b"))).rejects.toBeInstanceOf(FormStateConflict);
    expect(await other().adapter.read("5102")).toEqual(state("a"));
  });

  it("a form ended on a version another instance has since moved on is not deleted", async () => {
    const a = other();
    const b = other();
    await forms.adapter.write("5103", state("q1"));
    await a.adapter.read("5103");
    await b.adapter.read("5103");
    await b.adapter.write("5103", state("q1", "b"));
    await expect(a.adapter.delete("5103")).rejects.toBeInstanceOf(FormStateConflict);
    expect(await other().adapter.read("5103")).toEqual(state("q1", "b"));
  });

  it("the next update of a chat claimed on another instance waits for the first one's write, and gets its state", async () => {
    const a = other();
    const b = other();
    await forms.adapter.write("5104", state("q1"));
    expect(await a.claim(7101, "5104")).toMatchObject({ taken: true, form: true });
    await a.adapter.read("5104");
    let claimedAt = 0;
    const second = b.claim(7102, "5104").then((c) => ((claimedAt = performance.now()), c));
    await new Promise((r) => setTimeout(r, 150));
    const wroteAt = performance.now();
    await a.adapter.write("5104", state("q1", "a"));
    await a.release("5104");
    expect(await second).toMatchObject({ taken: true, form: true });
    expect(claimedAt).toBeGreaterThanOrEqual(wroteAt);
    expect(await b.adapter.read("5104")).toEqual(state("q1", "a"));
    await b.adapter.write("5104", state("q1", "a", "b"));
    await b.release("5104");
  });

  it("a holder that never writes (its instance died) is waited for no longer than the hold", async () => {
    const a = new FormStateStore<ReturnType<typeof state>>(db, () => now, 100);
    await forms.adapter.write("5105", state("q1"));
    expect(await a.claim(7201, "5105")).toMatchObject({ taken: true, form: true });
    const started = performance.now();
    expect(await other().claim(7202, "5105")).toMatchObject({ taken: true, form: true });
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

// One instance on the database (src/store/instance-presence.ts): the answer's write is its one write.
describe("the claim of an instance alone on the database", () => {
  const alone = () => new FormStateStore<ReturnType<typeof state>>(db, () => now, undefined, () => true);
  const row = (key: string) => db.conversationState.findUniqueOrThrow({ where: { key } });

  it("reads the form's row and leaves it as it was; the answer's write takes the update on, and the same update again is refused", async () => {
    await forms.adapter.write("5201", state("q1"));
    const before = await row("5201");
    const a = alone();
    expect(await a.claim(7301, "5201")).toMatchObject({ taken: true, form: true });
    expect(await row("5201")).toEqual(before);
    expect(await a.adapter.read("5201")).toEqual(state("q1"));
    await a.adapter.write("5201", state("q1", "a"));
    await a.release("5201");
    expect((await row("5201")).lastUpdateId).toBe(7301n);
    expect(await alone().claim(7301, "5201")).toEqual({ taken: false });
    expect(await db.processedUpdate.count({ where: { updateId: 7301n } })).toBe(0);
  });

  it("an update the form let pass without a write is still taken on when it ends", async () => {
    await forms.adapter.write("5202", state("q1"));
    const a = alone();
    expect(await a.claim(7311, "5202")).toMatchObject({ taken: true, form: true });
    await a.release("5202");
    expect(await alone().claim(7311, "5202")).toEqual({ taken: false });
  });

  it("the same update handled meanwhile by another instance: the refused write's update is not run again", async () => {
    await forms.adapter.write("5203", state("q1"));
    const a = alone();
    const b = alone();
    await a.claim(7321, "5203");
    await a.adapter.read("5203");
    await b.claim(7321, "5203");
    await b.adapter.read("5203");
    await b.adapter.write("5203", state("q1", "b"));
    await b.release("5203");
    await expect(a.adapter.write("5203", state("q1", "a"))).rejects.toBeInstanceOf(FormStateConflict);
    a.reread("5203", 7321);
    await expect(a.adapter.read("5203")).rejects.toBeInstanceOf(FormUpdateTaken);
    expect(await other().adapter.read("5203")).toEqual(state("q1", "b"));
  });

  it("a later update handled meanwhile by another instance: the refused one runs again on its state, and the row's last update stays the later one", async () => {
    await forms.adapter.write("5204", state("q1"));
    const a = alone();
    const b = alone();
    await a.claim(7331, "5204");
    await a.adapter.read("5204");
    await b.claim(7332, "5204");
    await b.adapter.read("5204");
    await b.adapter.write("5204", state("q1", "b"));
    await b.release("5204");
    await expect(a.adapter.write("5204", state("q1", "a"))).rejects.toBeInstanceOf(FormStateConflict);
    a.reread("5204", 7331);
    expect(await a.adapter.read("5204")).toEqual(state("q1", "b"));
    await a.adapter.write("5204", state("q1", "b", "a"));
    await a.release("5204");
    expect((await row("5204")).lastUpdateId).toBe(7332n);
    expect(await alone().claim(7332, "5204")).toEqual({ taken: false });
  });

  function other() {
    return new FormStateStore<ReturnType<typeof state>>(db, () => now);
  }
});

describe("which instances share the database", () => {
  it("two instances see each other; when one stops, the other is alone at its next look", async () => {
    const silent = { info: () => undefined, warn: () => undefined } as unknown as Logger;
    const a = new InstancePresence(db, silent);
    const b = new InstancePresence(db, silent);
    await a.start();
    expect(a.alone).toBe(true);
    await b.start();
    await a.look();
    expect([a.alone, b.alone]).toEqual([false, false]);
    await b.stop();
    await a.look();
    expect(a.alone).toBe(true);
    await a.stop();
    expect(a.alone).toBe(false);
  });
});
