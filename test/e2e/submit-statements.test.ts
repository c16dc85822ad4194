// The statements of a report's send (issue 13: a lean submit). Before the transaction the update
// asks nothing but its own claim: the rights, the month's closing and the version are asked in the
// transaction, by one statement, and the transaction writes the version, its review card (the
// outbox's job and delivery) and the owed digest refresh, nothing else. Counts, not times.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { driverOf } from "../../src/db/client.js";
import { Harness, type TestUser } from "../support/harness.js";
import { fillReport, freshSecretary, inviteLink, TYPICAL_ANSWERS } from "../support/scenario.js";

interface Sent {
  text: string;
  /** The connection it went through: a transaction's statements share one. */
  conn: unknown;
}

let h: Harness;
const sent: Sent[] = [];
/** How many statements had been sent when the last update was done: what comes later is what it left for after its receipt. */
let atUpdateEnd = 0;
let undo: () => void = () => {};

/** Counts every statement the app's driver sends: better-sqlite3's statements, or pg's queries. */
async function countStatements(): Promise<() => void> {
  const driver = await driverOf(h.app.db);
  const proto = (driver.kind === "sqlite" ? Object.getPrototypeOf(driver.sqlite.prepare("SELECT 1")) : pg.Client.prototype) as Record<string, unknown>;
  const methods = driver.kind === "sqlite" ? ["run", "get", "all", "iterate"] : ["query"];
  const originals = methods.map((m) => [m, proto[m]] as const);
  for (const [m, original] of originals) {
    proto[m] = function (this: { source?: string }, ...a: unknown[]) {
      const q = a[0] as string | { text?: string } | undefined;
      const text = driver.kind === "sqlite" ? this.source! : typeof q === "string" ? q : (q?.text ?? "?");
      sent.push({ text: text.trim(), conn: driver.kind === "sqlite" ? "sqlite" : this });
      return (original as (...a: unknown[]) => unknown).apply(this, a);
    };
  }
  return () => originals.forEach(([m, original]) => (proto[m] = original));
}

beforeAll(async () => {
  h = await Harness.start({ now: "2026-11-03T09:00:00+07:00", afterUpdate: () => void (atUpdateEnd = sent.length) });
  await freshSecretary(h); // builds DU-SGD
  const code = await inviteLink(h.admin(), "DU-SGD");
  const reviewer: TestUser = h.user(8201, "Cúc", "Đỗ");
  expect((await reviewer.say(`/start ${code}`)).last.text).toContain("cấp ủy viên");
  undo = await countStatements();
});
afterAll(async () => {
  undo();
  await h?.stop();
});

/** "INSERT Report", "SELECT", "BEGIN": a statement by its verb and, for a write, its table. */
function shape(text: string): string {
  const write = /^(INSERT INTO|UPDATE|DELETE FROM)\s+(?:\S+\.)?[`"]?(\w+)[`"]?/i.exec(text);
  if (write) return `${write[1]!.split(" ")[0]!.toUpperCase()} ${write[2]}`;
  return /^(WITH|SELECT)\b/i.test(text) ? "SELECT" : text.split(/\s/)[0]!.toUpperCase();
}

/** A statement the Prisma client wrote: it names columns with their schema and table (`main`.`Report`.`id`, "s"."Report"."id"). */
const byPrisma = (text: string) => /[`"]\w+[`"]\.[`"]\w+[`"]\.[`"]\w+[`"]/.test(text);
/** The table a Prisma statement reads or writes. */
const tableOf = (text: string) => /(?:FROM|INTO|UPDATE)\s+[`"]\w+[`"]\.[`"](\w+)[`"]/.exec(text)?.[1] ?? "?";

/** Until nothing is sent for 100 ms: what an earlier send left for after its receipt (the card, the digest rows) is over. */
async function idle(): Promise<void> {
  for (let n = -1; n !== sent.length; ) {
    n = sent.length;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The press's statements until its receipt: those before the transaction that stores the report, and the transaction's. */
async function sendPress(s: TestUser): Promise<{ before: string[]; transaction: string[] }> {
  await idle();
  const from = sent.length;
  const r = await s.press("✅ Gửi báo cáo");
  expect(r.last.text).toContain("Đã nhận báo cáo");
  const step = sent.slice(from);
  const insert = step.findIndex((x) => shape(x.text) === "INSERT Report");
  expect(insert).toBeGreaterThan(0);
  const conn = step[insert]!.conn;
  const begin = step.slice(0, insert).findLastIndex((x) => x.conn === conn && shape(x.text) === "BEGIN");
  const commit = insert + step.slice(insert).findIndex((x) => x.conn === conn && shape(x.text) === "COMMIT");
  return {
    // Another instance's presence is looked at on a timer of its own (every second): not this update's.
    before: step.slice(0, begin).filter((x) => !x.text.includes("InstancePresence")).map((x) => shape(x.text)),
    transaction: step.slice(begin, commit + 1).filter((x) => x.conn === conn).map((x) => shape(x.text)),
  };
}

describe("a report's send", () => {
  test("a first version: only the update's claim before the transaction; in it one read, the version, its card and the owed refresh", async () => {
    const { secretary } = await freshSecretary(h);
    await fillReport(secretary, "Tháng 10/2026", TYPICAL_ANSWERS);
    const { before, transaction } = await sendPress(secretary);
    expect(before).toEqual(["SELECT"]);
    expect(transaction).toEqual(["BEGIN", "SELECT", "INSERT Report", "INSERT JobRun", "INSERT Delivery", "INSERT DigestRefresh", "COMMIT"]);
  });

  test("an amendment: the version it replaces marked in the same transaction, one statement more", async () => {
    const { secretary } = await freshSecretary(h);
    await fillReport(secretary, "Tháng 10/2026", TYPICAL_ANSWERS);
    await secretary.press("✅ Gửi báo cáo");
    await fillReport(secretary, "Tháng 10/2026", []);
    const { before, transaction } = await sendPress(secretary);
    expect(before).toEqual(["SELECT"]);
    expect(transaction).toEqual(["BEGIN", "SELECT", "UPDATE Report", "INSERT Report", "INSERT JobRun", "INSERT Delivery", "INSERT DigestRefresh", "COMMIT"]);
  });

  test("after the receipt: the owed refresh in one transaction of prepared statements, the drain's own through the driver, a kick with nothing to send one read", async () => {
    const { secretary } = await freshSecretary(h);
    await fillReport(secretary, "Tháng 10/2026", TYPICAL_ANSWERS);
    await sendPress(secretary);
    await idle();
    const pg = (await driverOf(h.app.db)).kind === "postgresql";
    // Another instance's presence is looked at on a timer of its own: not this update's.
    const after = sent.slice(atUpdateEnd).map((x) => x.text).filter((t) => !t.includes("InstancePresence"));
    // The refresh the report owed: its row read, then deleted with the branch's rows rewritten by the rebuild's statement.
    const digest = after.filter((t) => /DigestRefresh|BranchMonth|pg_advisory/.test(t));
    expect(digest.map(shape)).toEqual(["SELECT", "DELETE DigestRefresh", ...(pg ? ["SELECT"] : []), "DELETE BranchMonth", "INSERT BranchMonth"]);
    expect(digest.filter(byPrisma)).toEqual([]);
    // Prisma's only for rendering the card (and the schedule it is rendered with); the drain's claims, records and jobs are prepared statements.
    expect(after.filter(byPrisma).map(tableOf).sort()).toEqual(["Delegation", "Report", "Setting", "Unit", "User", "User"]);
    // 28 on SQLite (29 on PostgreSQL) before: the refresh through Prisma (its rows computed in JavaScript), the drain's claims, and a job round of three.
    expect(after).toHaveLength(pg ? 24 : 23);

    // Nothing left to send: one read, no lease, no drain.
    const from = sent.length;
    await h.app.scheduler.kick();
    expect(sent.slice(from).map((x) => x.text).filter((t) => !t.includes("InstancePresence")).map(shape)).toEqual(["SELECT"]);
  });
});
