// The outbox's state machine on a real database: what enqueue writes, who wins
// a claim, when a held delivery may be taken over, how an attempt ends, and when
// a job counts as finished. The sender (jobs/sender.ts) only chains these steps.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDb, type Db } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";
import {
  claim,
  claimable,
  failAttempt,
  finish,
  finishJobs,
  isLastAttempt,
  markPartSent,
  markSending,
  passInterruptedPart,
} from "../../src/outbox/claims.js";
import { enqueue, enqueueOnce, isQueued } from "../../src/outbox/enqueue.js";
import { DeliveryStatus } from "../../src/outbox/status.js";
import { newTestDatabase, type TestDatabase } from "../support/database.js";

const now = new Date("2026-12-03T01:00:00Z");
const LEASE = 60_000;
let store: TestDatabase;
let db: Db;
let n = 0;

beforeAll(async () => {
  store = await newTestDatabase();
  db = createDb(store.url);
  await migrate(db);
});
afterAll(async () => {
  await db?.$disconnect();
  await store?.drop();
});

/** A fresh job with one delivery per chat; returns the deliveries as a sender reads them. */
async function queued(chats: bigint[], kind = "reminder") {
  const occasion = `test:${++n}`;
  await enqueueOnce(db, { occasion, kind, payload: { period: { year: 2026, month: 11 } }, dueAt: now, now }, chats.map((chatId) => ({ chatId, payload: { unitIds: [n] } })));
  const rows = (await claimable(db, 0, LEASE)).filter((d) => d.occasion === occasion);
  return { occasion, rows };
}
const row = (id: number) => db.delivery.findUniqueOrThrow({ where: { id } });
const backdate = (id: number, ms: number) => db.delivery.update({ where: { id }, data: { updatedAt: new Date(Date.now() - ms) } });

describe("enqueue", () => {
  beforeEach(() => db.delivery.deleteMany().then(() => db.jobRun.deleteMany()));

  it("writes the job and one pending delivery per chat, with each chat's payload, and keeps the first of two under one key", async () => {
    const job = { occasion: "reminder:2026-11:d-3", kind: "reminder", payload: { period: { year: 2026, month: 11 } }, dueAt: now, now };
    expect(await isQueued(db, job.occasion)).toBe(false);
    expect(await enqueueOnce(db, job, [{ chatId: 11n, payload: { unitIds: [1, 2] } }, { chatId: 12n }])).toBe(true);
    expect(await isQueued(db, job.occasion)).toBe(true);
    expect(await enqueueOnce(db, { ...job, payload: { period: { year: 2026, month: 10 } } }, [{ chatId: 13n }])).toBe(false);

    const run = await db.jobRun.findUniqueOrThrow({ where: { occasion: job.occasion } });
    expect(run).toMatchObject({ kind: "reminder", payload: '{"period":{"year":2026,"month":11}}', plannedAt: now, finishedAt: null });
    const rows = await db.delivery.findMany({ where: { occasion: job.occasion }, orderBy: { chatId: "asc" } });
    expect(rows.map((d) => [d.chatId, d.payload, d.status, d.attempts, d.sentParts])).toEqual([
      [11n, '{"unitIds":[1,2]}', "PENDING", 0, 0],
      [12n, "{}", "PENDING", 0, 0],
    ]);
  });

  it("records a job decided not to be sent as finished at once, with no deliveries", async () => {
    expect(await enqueueOnce(db, { occasion: "digest:x", kind: "digest", payload: {}, dueAt: now, now, finished: true }, [])).toBe(true);
    expect((await db.jobRun.findUniqueOrThrow({ where: { occasion: "digest:x" } })).finishedAt).toEqual(now);
    expect(await db.delivery.count({ where: { occasion: "digest:x" } })).toBe(0);
  });

  it("inside a caller's transaction, is undone with it", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await enqueue(tx, { occasion: "review:R:1", kind: "review", payload: { record: { kind: "R", id: 1 } }, dueAt: now, now }, [{ chatId: 5n }]);
        throw new Error("the record was refused");
      }),
    ).rejects.toThrow("the record was refused");
    expect(await isQueued(db, "review:R:1")).toBe(false);
    expect(await db.delivery.count()).toBe(0);
  });
});

describe("claims", () => {
  it("of two senders that read the same row, one claims it, and the claim counts an attempt", async () => {
    const { rows } = await queued([21n]);
    const d = rows[0]!;
    expect(d.status).toBe("PENDING");
    expect([await claim(db, d), await claim(db, d)]).toEqual([true, false]);
    expect(await row(d.id)).toMatchObject({ status: "CLAIMED", attempts: 1 });
  });

  it("a held delivery is left alone until its lease runs out, then taken over with the status it was left in", async () => {
    const { rows } = await queued([31n, 32n]);
    const [a, b] = rows as [(typeof rows)[0], (typeof rows)[0]];
    await claim(db, a);
    await claim(db, b);
    await markSending(db, b.id);
    const ids = async () => (await claimable(db, 0, LEASE)).map((d) => d.id).filter((id) => id === a.id || id === b.id);
    expect(await ids()).toEqual([]);

    await backdate(a.id, LEASE + 1_000);
    await backdate(b.id, LEASE + 1_000);
    const taken = (await claimable(db, 0, LEASE)).filter((d) => d.id === a.id || d.id === b.id);
    expect(taken.map((d) => d.status)).toEqual(["CLAIMED", "SENDING"]);
    // A second look at the same stale row loses to the first takeover.
    expect(await claim(db, taken[1]!)).toBe(true);
    expect(await claim(db, taken[1]!)).toBe(false);
    expect(await row(b.id)).toMatchObject({ status: "CLAIMED", attempts: 2 });
  });

  it("lists only ids after the one given, oldest first, with the job's kind and payload", async () => {
    const { rows } = await queued([41n, 42n, 43n], "late-list");
    const after = await claimable(db, rows[0]!.id, LEASE);
    expect(after.map((d) => d.id).filter((id) => rows.some((r) => r.id === id))).toEqual([rows[1]!.id, rows[2]!.id]);
    expect(after.find((d) => d.id === rows[1]!.id)!.job).toMatchObject({ kind: "late-list", payload: '{"period":{"year":2026,"month":11}}', dueAt: now });
  });
});

describe("the end of an attempt", () => {
  it("sending part by part: SENDING during a request, CLAIMED between parts, SENT with every part and the bot's time", async () => {
    const { rows } = await queued([51n]);
    const d = rows[0]!;
    await claim(db, d);
    await markSending(db, d.id);
    expect((await row(d.id)).status).toBe("SENDING");
    await markPartSent(db, d.id, 1);
    expect(await row(d.id)).toMatchObject({ status: "CLAIMED", sentParts: 1 });
    await markSending(db, d.id);
    await finish(db, d.id, DeliveryStatus.SENT, now, { sentParts: 2 });
    expect(await row(d.id)).toMatchObject({ status: "SENT", sentParts: 2, sentAt: now, error: null });
  });

  it("a takeover of a part in flight counts it as sent and says so", async () => {
    const { rows } = await queued([52n]);
    await passInterruptedPart(db, rows[0]!.id, 2);
    expect(await row(rows[0]!.id)).toMatchObject({ sentParts: 2, error: "interrupted while sending part 2" });
  });

  it("skipped and blocked keep why (cut to 500 characters) and no sending time", async () => {
    const { rows } = await queued([53n, 54n]);
    await finish(db, rows[0]!.id, DeliveryStatus.SKIPPED, now, { error: "skipped: deadline-passed" });
    await finish(db, rows[1]!.id, DeliveryStatus.BLOCKED, now, { error: "x".repeat(600) });
    expect(await row(rows[0]!.id)).toMatchObject({ status: "SKIPPED", error: "skipped: deadline-passed", sentAt: null });
    expect(await row(rows[1]!.id)).toMatchObject({ status: "BLOCKED", error: "x".repeat(500), sentAt: null });
  });

  it("a failed attempt goes back to PENDING until the fifth, which is FAILED", async () => {
    const { rows } = await queued([55n]);
    const id = rows[0]!.id;
    const finals: boolean[] = [];
    for (;;) {
      const d = (await claimable(db, id - 1, LEASE)).find((r) => r.id === id);
      if (!d) break;
      expect(await claim(db, d)).toBe(true);
      const final = isLastAttempt(d);
      finals.push(final);
      await failAttempt(db, id, final, "HttpError: network");
    }
    expect(finals).toEqual([false, false, false, false, true]);
    expect(await row(id)).toMatchObject({ status: "FAILED", attempts: 5, error: "HttpError: network" });
  });
});

describe("finishJobs", () => {
  it("finishes a job once none of its deliveries is pending or held, at the bot's time", async () => {
    const later = new Date(now.getTime() + 3_600_000);
    const { occasion, rows } = await queued([61n, 62n]);
    const empty = `test:${++n}`;
    await enqueueOnce(db, { occasion: empty, kind: "digest", payload: {}, dueAt: now, now }, []);
    await finish(db, rows[0]!.id, DeliveryStatus.SENT, now);
    await claim(db, rows[1]!);
    await finishJobs(db, later);
    expect((await db.jobRun.findUniqueOrThrow({ where: { occasion } })).finishedAt).toBeNull();
    expect((await db.jobRun.findUniqueOrThrow({ where: { occasion: empty } })).finishedAt).toEqual(later);

    await failAttempt(db, rows[1]!.id, true, "gave up");
    await finishJobs(db, later);
    expect((await db.jobRun.findUniqueOrThrow({ where: { occasion } })).finishedAt).toEqual(later);
  });
});
