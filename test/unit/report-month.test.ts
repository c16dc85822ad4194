// What the report form reads as it opens (src/store/report-month.ts, src/store/deadlines.ts dueRuleFor):
// the month's version, the earlier month's, the lock above, and the branch's deadline, each in one
// statement through the driver; and the two first steps of /baocao counted, statement by statement,
// through the real bot (test/support/memory-bot.ts), on either database.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dueRuleFor } from "../../src/store/deadlines.js";
import { readReportMonth } from "../../src/store/report-month.js";
import { currentReport } from "../../src/store/reports.js";
import { emptyFigures } from "../../src/domain/report.js";
import { createI18n, translator } from "../../src/i18n.js";
import { MEMORY_ADMIN, MemoryBot, Role, UnitKind } from "../support/memory-bot.js";

const t = translator(createI18n());

const SECRETARY = 950001;
const OTHER = 950002;
let m: MemoryBot;
const ids: Record<string, number> = {};

beforeAll(async () => {
  m = await MemoryBot.start("2026-11-03T09:00:00+07:00");
  ids.R = await m.unit("R", UnitKind.COMMITTEE, null);
  ids.DU = await m.unit("DU", UnitKind.COMMITTEE, "R");
  ids.CB = await m.unit("CB", UnitKind.BRANCH, "DU");
  ids.CB2 = await m.unit("CB2", UnitKind.BRANCH, "DU");
  ids.EMPTY = await m.unit("EMPTY", UnitKind.BRANCH, "DU");
  await m.member(SECRETARY, Role.SECRETARY, "CB");
  await m.member(OTHER, Role.SECRETARY, "CB2");
  await m.db.user.update({ where: { telegramId: BigInt(SECRETARY) }, data: { fullName: "Nguyễn Thị Lan", position: "Bí thư chi bộ" } });
  const lan = await m.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(SECRETARY) } });
  const other = await m.db.user.findUniqueOrThrow({ where: { telegramId: BigInt(OTHER) } });
  const report = async (unitId: number, year: number, month: number, version: number, extra: Record<string, unknown> = {}) =>
    m.db.report.create({
      data: {
        ...emptyFigures(),
        unitId,
        year,
        month,
        version,
        late: false,
        submittedById: lan.id,
        submittedAt: new Date(Date.UTC(year, month - 1, 20, 3, 4, 5, 678)),
        ...extra,
      },
    });
  // October 2026: a first version replaced by a second, late one with texts.
  await report(ids.CB!, 2026, 10, 1, { candidates: 1, supersededAt: new Date("2026-10-28T00:00:00Z") });
  await report(ids.CB!, 2026, 10, 2, { candidates: 7, removedStruckOff: 1, removedReason: "Bỏ sinh hoạt", note: "Ghi chú", late: true });
  // August 2026 and December 2025: the latest earlier month is August, not the later-numbered month of an earlier year.
  await report(ids.CB!, 2026, 8, 1, { candidates: 5, admittedPupils: 2 });
  await report(ids.CB!, 2025, 12, 1, { candidates: 9 });
  // Another branch's September, by another author: never this branch's previous month.
  await report(ids.CB2!, 2026, 9, 1, { candidates: 3, submittedById: other.id });
  const lock = (unitId: number, year: number, month: number) =>
    m.db.periodLock.create({ data: { unitId, year, month, closedBy: BigInt(MEMORY_ADMIN), closedAt: new Date("2026-11-01T00:00:00Z") } });
  await lock(ids.R!, 2026, 10); // the root closes October for every branch below it
  await lock(ids.CB2!, 2026, 9); // another branch's own lock closes nothing here
});
afterAll(() => m?.stop());

describe("the month in one statement", () => {
  test("the current version with its author's full name, the latest earlier month, and a lock two levels up", async () => {
    const month = await readReportMonth(m.db, ids.CB!, { year: 2026, month: 10 });
    expect(month.closed).toBe(true);
    // Equal to what Prisma reads of the same rows (the amending notice and the carried figures show these).
    expect(month.existing).toEqual(await currentReport(m.db, ids.CB!, { year: 2026, month: 10 }));
    expect(month.existing).toMatchObject({ version: 2, late: true, submittedBy: "Nguyễn Thị Lan", submittedAt: "2026-10-20T03:04:05.678Z" });
    expect(month.existing!.figures).toMatchObject({ candidates: 7, removedStruckOff: 1, removedReason: "Bỏ sinh hoạt", note: "Ghi chú" });
    expect(month.previous).toEqual(await currentReport(m.db, ids.CB!, { year: 2026, month: 8 }));
    expect(month.previous).toMatchObject({ version: 1, late: false, figures: { candidates: 5, admittedPupils: 2, note: null } });
  });

  test("a month with no version yet: the previous one across a year, and open", async () => {
    expect(await readReportMonth(m.db, ids.CB!, { year: 2026, month: 7 })).toEqual({
      existing: null,
      previous: await currentReport(m.db, ids.CB!, { year: 2025, month: 12 }),
      closed: false,
    });
    expect(await readReportMonth(m.db, ids.CB!, { year: 2027, month: 1 })).toMatchObject({ existing: null, previous: { version: 2, figures: { candidates: 7 } }, closed: false });
  });

  test("nothing before, nothing of another branch, a lock on another branch closes nothing", async () => {
    expect(await readReportMonth(m.db, ids.CB!, { year: 2025, month: 12 })).toMatchObject({ existing: { figures: { candidates: 9 } }, previous: null, closed: false });
    expect(await readReportMonth(m.db, ids.EMPTY!, { year: 2026, month: 10 })).toEqual({ existing: null, previous: null, closed: true });
    expect(await readReportMonth(m.db, ids.EMPTY!, { year: 2026, month: 9 })).toEqual({ existing: null, previous: null, closed: false });
    expect(await readReportMonth(m.db, ids.CB2!, { year: 2026, month: 9 })).toMatchObject({ existing: { figures: { candidates: 3 } }, previous: null, closed: true });
  });
});

describe("the branch's deadline in one statement", () => {
  const set = (key: string, value: string) =>
    m.db.setting.upsert({ where: { key }, create: { key, value, updatedBy: 1n, updatedAt: new Date() }, update: { value } });
  const unset = (key: string) => m.db.setting.deleteMany({ where: { key } });

  test("the nearest own rule up the tree, past an unreadable one; else the tree's, from the schedule", async () => {
    await set(`deadline.${ids.DU}`, JSON.stringify({ day: 25, sameMonth: true }));
    await set(`deadline.${ids.CB}`, "not json");
    expect(await dueRuleFor(m.db, ids.CB!)).toEqual({ day: 25, sameMonth: true });
    await set(`deadline.${ids.CB}`, JSON.stringify({ day: 3, sameMonth: false }));
    expect(await dueRuleFor(m.db, ids.CB!)).toEqual({ day: 3, sameMonth: false });
    expect(await dueRuleFor(m.db, ids.CB2!)).toEqual({ day: 25, sameMonth: true });
    // A rule below the unit, or beside it, is not the unit's.
    expect(await dueRuleFor(m.db, ids.R!)).toEqual(await treeOnly());
    await unset(`deadline.${ids.DU}`);
    await unset(`deadline.${ids.CB}`);
    expect(await dueRuleFor(m.db, ids.CB!)).toEqual(await treeOnly());
  });

  /** The tree's rule as the schedule says it, with no own rules anywhere. */
  async function treeOnly() {
    const { treeRule } = await import("../../src/domain/schedule.js");
    const { loadSchedule } = await import("../../src/store/settings.js");
    return treeRule(await loadSchedule(m.db));
  }
});

describe("statements of the first two steps of /baocao", () => {
  // Every statement the bot sends while one update is handled: through pg's Client.query on PostgreSQL
  // (Prisma's and the driver's alike), through better-sqlite3's Statement methods on SQLite (as bench/instance.ts).
  const sent: string[] = [];
  const restore: (() => void)[] = [];
  beforeAll(() => {
    const query = pg.Client.prototype.query as (...a: unknown[]) => unknown;
    pg.Client.prototype.query = function (this: unknown, ...a: unknown[]) {
      const q = a[0] as string | { text?: string };
      sent.push(typeof q === "string" ? q : (q?.text ?? "?"));
      return query.apply(this, a);
    } as typeof pg.Client.prototype.query;
    restore.push(() => (pg.Client.prototype.query = query as typeof pg.Client.prototype.query));
    const probe = new Database(":memory:");
    const proto = Object.getPrototypeOf(probe.prepare("SELECT 1")) as Record<string, (...a: unknown[]) => unknown>;
    probe.close();
    for (const name of ["run", "get", "all", "iterate"]) {
      const original = proto[name]!;
      proto[name] = function (this: { source: string }, ...a: unknown[]) {
        sent.push(this.source);
        return original.apply(this, a);
      };
      restore.push(() => (proto[name] = original));
    }
  });
  afterAll(() => restore.forEach((r) => r()));

  async function counted(act: () => Promise<string[]>): Promise<{ texts: string[]; statements: string[]; writes: number }> {
    sent.length = 0;
    const texts = await act();
    const statements = [...sent];
    return { texts, statements, writes: statements.filter((s) => /^\s*(WITH\b[\s\S]*\b)?(INSERT|UPDATE|DELETE)\b/i.test(s)).length };
  }

  /** A table named in a statement: quoted by the driver's SQL and Prisma's PostgreSQL, backquoted by Prisma's SQLite. */
  const table = (name: string) => new RegExp(`["\`]${name}["\`]`);
  const on = (c: { statements: string[] }, name: string) => c.statements.filter((s) => table(name).test(s));

  test("opening the form reads the roles once and the deadline in one statement; the month press reads the month in one", async () => {
    // The claim (src/store/update-claims.ts, several instances assumed here: an UPDATE of the form's row,
    // a look at it, a ProcessedUpdate row when there is none), the roles (first update of this person),
    // the deadline, and the new form's row.
    const opening = await counted(() => m.say(SECRETARY, "/baocao"));
    expect(opening.texts.at(-1)).toBe(t("report-ask-period"));
    expect(on(opening, "Membership")).toHaveLength(1);
    expect(on(opening, "User").filter((s) => !table("Membership").test(s))).toHaveLength(0);
    expect(on(opening, "Setting")).toHaveLength(1);
    expect(on(opening, "Delegation")).toHaveLength(0);
    expect(opening.statements.length).toBeLessThanOrEqual(6);

    const button = m.lastButtons(SECRETARY).find(([label]) => label.includes("10/2026"))!;
    const press = await counted(() => m.press(SECRETARY, button[1], m.lastMessageId()));
    // The claim's UPDATE of the form's row, the month, the form's write.
    expect(press.statements.length).toBeLessThanOrEqual(3);
    expect(press.writes).toBeLessThanOrEqual(2);
    expect(press.statements.filter((s) => table("Report").test(s) || table("PeriodLock").test(s))).toHaveLength(1);
    // What the month read says, as before: closed by the root, an amendment of version 2.
    expect(press.texts.join("\n")).toContain("10/2026");
    expect(press.texts.some((t) => t.includes("bản 2"))).toBe(true);
    await m.say(SECRETARY, "/huy");
  });
});
