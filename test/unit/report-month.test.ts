// What the report form reads as it opens (src/store/report-month.ts, src/store/deadlines.ts dueRuleFor):
// the month's version, the earlier month's, the lock above, and the branch's deadline, each in one
// statement through the driver, on either database.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { dueRuleFor } from "../../src/store/deadlines.js";
import { readMonthClosed, readReportMonth } from "../../src/store/report-month.js";
import { currentReport } from "../../src/store/reports.js";
import { emptyFigures } from "../../src/domain/report.js";
import { MEMORY_ADMIN, MemoryBot, Role, UnitKind } from "../support/memory-bot.js";

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

  test("at send: closed by its own lock or one above, not by another branch's", async () => {
    expect(await readMonthClosed(m.db, ids.CB!, { year: 2026, month: 10 })).toBe(true);
    expect(await readMonthClosed(m.db, ids.CB!, { year: 2026, month: 9 })).toBe(false);
    expect(await readMonthClosed(m.db, ids.CB2!, { year: 2026, month: 9 })).toBe(true);
    expect(await readMonthClosed(m.db, ids.R!, { year: 2026, month: 10 })).toBe(true);
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
