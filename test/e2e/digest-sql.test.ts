// The digest the database computes (src/store/digest-sql.ts) is the digest the
// reference arithmetic computes from plain rows (src/domain/digest.ts): the
// same numbers, lists and order, on a tree seeded with every case the rules
// distinguish (versions, review states, late corrections, quotas, meetings in
// and out of the month and quarter), for several committees, months and both
// ways of counting totals. Runs on SQLite, and on PostgreSQL in that pass.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createDb, providerOf, type Db } from "../../src/db/client.js";
import { migrate } from "../../src/db/migrate.js";
import { buildDigest, DIGEST_NAMES } from "../../src/domain/digest.js";
import { emptyFigures } from "../../src/domain/report.js";
import { TotalsMode } from "../../src/domain/review-totals.js";
import { ReviewState } from "../../src/domain/review.js";
import { createLogger } from "../../src/log.js";
import { ensureBranchMonths, rebuildBranchMonths } from "../../src/store/branch-months.js";
import { payDigestRefreshes } from "../../src/store/digest-refresh.js";
import { loadDigest } from "../../src/store/digest-sql.js";
import { setTotalsMode } from "../../src/store/totals-setting.js";
import { fileReport } from "../../src/usecases/report.js";
import { decide } from "../../src/usecases/review.js";
import { newTestDatabase, type TestDatabase } from "../support/database.js";
import { digestInput } from "../support/digest-input.js";

let database: TestDatabase;
let db: Db;
const ids: Record<string, number> = {};

/** A small deterministic generator, so a failure can be replayed. */
function prng(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

beforeAll(async () => {
  database = await newTestDatabase();
  db = createDb(database.url);
  await migrate(db);
  const rnd = prng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const int = (max: number) => Math.floor(rnd() * (max + 1));
  const user = await db.user.create({ data: { telegramId: 1n, firstName: "Seed" } });
  const unit = async (code: string, kind: string, parent: string | null) => {
    const u = await db.unit.create({ data: { code, name: `Tên ${code}`, kind, parentId: parent ? ids[parent]! : null, createdBy: 1n } });
    ids[code] = u.id;
    return u.id;
  };
  await unit("ROOT", "COMMITTEE", null);
  await unit("P1", "COMMITTEE", "ROOT");
  await unit("P2", "COMMITTEE", "ROOT");
  await unit("P1-D1", "COMMITTEE", "P1");
  // 130 branches: lists longer than DIGEST_NAMES, spread over the tree.
  const parents = ["P1", "P1-D1", "P2"];
  for (let i = 0; i < 130; i++) {
    const id = await unit(`CB-${String(i).padStart(3, "0")}`, "BRANCH", pick(parents));
    for (let month = 1; month <= 11; month++) {
      if (rnd() < 0.15) continue; // no report this month
      const versions = 1 + (rnd() < 0.3 ? int(2) : 0);
      for (let v = 1; v <= versions; v++) {
        const a = () => int(4);
        await db.report.create({
          data: {
            unitId: id, year: 2026, month, version: v,
            candidates: int(20), awarenessClass: int(9), applicationsInReview: int(5),
            admittedTeachers: a(), admittedPupils: a(), admittedStudents: a(), admittedOther: a(),
            madeFull: int(3), removedStruckOff: int(2),
            // Not drawn from rnd, so that the rest of the tree stays as it was before the kinds were split.
            removedExpelled: (id + month + v) % 3 === 0 ? 1 : 0, removedResigned: (id + v) % 4 === 0 ? 1 : 0,
            removedDied: (id + month) % 5 === 0 ? 1 : 0, removedUnclassified: month < 4 ? (id + v) % 2 : 0, transferredIn: int(2), transferredOut: int(2),
            late: rnd() < 0.3, submittedById: user.id, submittedAt: new Date(Date.UTC(2026, month, 1 + v)),
            supersededAt: v < versions ? new Date(Date.UTC(2026, month, 2 + v)) : null,
            reviewState: pick(["APPROVED", "APPROVED", "PENDING", "RETURNED"]),
            lateCorrection: v > 1 && rnd() < 0.4,
          },
        });
      }
    }
    for (let k = 0; k < 6; k++) {
      const month = 1 + int(10);
      const onRoll = 5 + int(30);
      await db.meeting.create({
        data: {
          unitId: id, kind: pick(["REGULAR", "REGULAR", "THEMATIC"]), heldOn: `2026-${String(month).padStart(2, "0")}-${String(1 + int(27)).padStart(2, "0")}`,
          version: 1, place: "P", chair: "C", recorder: "R", onRoll, present: int(onRoll), absentExcused: 0, absentUnexcused: 0,
          content: "x", conclusions: "y", submittedById: user.id, submittedAt: new Date(), supersededAt: rnd() < 0.1 ? new Date() : null,
        },
      }).catch(() => undefined); // the same kind and day twice: one is enough
    }
    const quota = rnd();
    if (quota < 0.3) await db.quota.create({ data: { unitId: id, year: 2026, cohort: "ALL", value: 40 + int(120), updatedBy: 1n, updatedAt: new Date() } });
    else if (quota < 0.6) {
      for (const cohort of ["admittedTeachers", "admittedPupils", "admittedStudents"]) {
        if (rnd() < 0.7) await db.quota.create({ data: { unitId: id, year: 2026, cohort, value: int(40), updatedBy: 1n, updatedAt: new Date() } });
      }
    }
  }
  // The records were written straight into the tables: build the digest rows from them, as at a first start.
  await rebuildBranchMonths(db, providerOf(db));
});

afterAll(async () => {
  await db?.$disconnect();
  await database?.drop();
});

describe("the digest computed in the database", () => {
  const cases = [
    ["ROOT", 10],
    ["ROOT", 3],
    ["P1", 11],
    ["P1-D1", 6],
    ["P2", 1],
  ] as const;

  test.each(cases)("agrees with the reference for %s, month %i, with approved-only totals and with all reports", async (code, month) => {
    const period = { year: 2026, month };
    for (const mode of [TotalsMode.APPROVED, TotalsMode.ALL]) {
      await setTotalsMode(db, { unitId: ids.ROOT!, unitCode: "ROOT", unitName: "Tên ROOT", mode, actorId: 1, now: new Date() });
      const reference = buildDigest(await digestInput(db, ids[code]!, period));
      const fromSql = await loadDigest(db, ids[code]!, period);
      expect(fromSql?.root.code).toBe(code);
      const digest = fromSql!.digest;
      // Fractions are compared to 12 digits: the database divides in its own floating point.
      expect(JSON.parse(JSON.stringify(digest, round))).toEqual(JSON.parse(JSON.stringify(reference, round)));
    }
  });

  test("agrees with the reference on who can review (issue 12, point 10): committee members here and there, one of them a branch's own secretary", async () => {
    const person = async (telegramId: bigint, roles: [string, string][]) => {
      const u = await db.user.create({ data: { telegramId, firstName: `P${telegramId}` } });
      for (const [role, code] of roles) await db.membership.create({ data: { userId: u.id, unitId: ids[code]!, role } });
    };
    const p2Branch = (await db.unit.findFirstOrThrow({ where: { parentId: ids.P2!, kind: "BRANCH" }, orderBy: { code: "asc" } })).code;
    // P1-D1's branches have a reviewer; P2's all but the one whose secretary is P2's only member; P1's own branches none.
    await person(9001n, [["COMMITTEE", "P1-D1"]]);
    await person(9002n, [["COMMITTEE", "P2"], ["SECRETARY", p2Branch]]);
    const check = async (what: string) => {
      for (const code of ["ROOT", "P1", "P1-D1", "P2", p2Branch]) {
        for (const mode of [TotalsMode.APPROVED, TotalsMode.ALL]) {
          await setTotalsMode(db, { unitId: ids.ROOT!, unitCode: "ROOT", unitName: "Tên ROOT", mode, actorId: 1, now: new Date() });
          const reference = buildDigest(await digestInput(db, ids[code]!, { year: 2026, month: 10 }));
          const digest = (await loadDigest(db, ids[code]!, { year: 2026, month: 10 }))!.digest;
          expect(JSON.parse(JSON.stringify(digest, round)), `${what}: ${code}, ${mode}`).toEqual(JSON.parse(JSON.stringify(reference, round)));
        }
      }
    };
    try {
      await check("members on P1-D1 and P2");
      const root = (await loadDigest(db, ids.ROOT!, { year: 2026, month: 10 }))!.digest;
      const p1Branches = await db.unit.count({ where: { parentId: ids.P1!, kind: "BRANCH" } });
      expect(root.unreviewed.count).toBe(p1Branches + 1);
      expect(root.unreviewed.names.map((b) => b.code)).toContain(p2Branch);
      // A member on the root reviews everything, the P2 secretary's branch too (the whole tree at once, without the walk).
      await person(9003n, [["COMMITTEE", "ROOT"]]);
      await check("and one on the root");
      expect((await loadDigest(db, ids.ROOT!, { year: 2026, month: 10 }))!.digest.unreviewed.count).toBe(0);
    } finally {
      await db.membership.deleteMany({});
      await db.user.deleteMany({ where: { telegramId: { in: [9001n, 9002n, 9003n] } } });
    }
  });

  test("the tree is big enough to exercise the cut lists", async () => {
    const digest = (await loadDigest(db, ids.ROOT!, { year: 2026, month: 10 }))!.digest;
    expect(digest.branches).toBe(130);
    expect(digest.reports.missingCount + digest.reports.received).toBe(130);
    expect(digest.meetings.withoutRegularCount).toBeGreaterThan(DIGEST_NAMES);
    expect(digest.meetings.withoutRegular).toHaveLength(DIGEST_NAMES);
    expect(digest.furthestBehind.length).toBe(5);
    expect(Object.values(digest.reports.review).every((n) => n > 0)).toBe(true);
  });

  test("an unknown unit has no digest", async () => {
    expect(await loadDigest(db, 999_999, { year: 2026, month: 10 })).toBeUndefined();
  });
});

describe("the digest rows kept as records change", () => {
  /** Every digest row, in a stable order, to compare with a rebuild from scratch. */
  const allRows = () => db.branchMonth.findMany({ orderBy: [{ unitId: "asc" }, { year: "asc" }, { month: "asc" }] });
  const figures = (candidates: number, teachers: number) => ({ ...emptyFigures(), candidates, awarenessClass: 1, admittedTeachers: teachers, admittedPupils: 1 });

  test("after each report, amendment, approval and return they are what a rebuild from the records makes, and the digest agrees with the reference", async () => {
    const branch = await db.unit.create({ data: { code: "CB-NEW", name: "Tên CB-NEW", kind: "BRANCH", parentId: ids["P2"]!, createdBy: 1n } });
    const user = await db.user.findFirstOrThrow();
    // Reports are sent as the bot sends them (src/usecases/report.ts), by the branch's secretary.
    await db.membership.create({ data: { userId: user.id, unitId: branch.id, role: "SECRETARY" } });
    const now = new Date(Date.UTC(2026, 10, 2));
    // Reviewed by an administrator, as the bot records a decision (src/usecases/review.ts).
    const reviewer = { id: 2, first_name: "Duyệt" };
    const deps = { db, clock: () => now, config: { TZ: "Asia/Ho_Chi_Minh", ADMIN_IDS: [reviewer.id] }, outbox: { kick() {} } };
    const steps: [string, () => Promise<unknown>][] = [];
    let reportId = 0;
    const send = (month: number, baseVersion: number, f: ReturnType<typeof figures>) => async () => {
      const r = await fileReport(deps, { telegramId: Number(user.telegramId), userId: user.id, unitId: branch.id, period: { year: 2026, month }, figures: f, baseVersion, due: 5, correctionReason: null });
      expect(r.status).toBe("ok");
      // What the bot does right after the receipt (the outbox's kick): the refresh the report owes.
      await payDigestRefreshes(db);
      reportId = (await db.report.findFirstOrThrow({ where: { unitId: branch.id, month, supersededAt: null } })).id;
    };
    const review = (decision: typeof ReviewState.APPROVED | typeof ReviewState.RETURNED) => () =>
      decide(deps, { reviewer, ref: { kind: "R", id: reportId }, decision, note: "x" }).then((r) => expect(r.status).toBe("ok"));
    steps.push(
      ["September sent", send(9, 0, figures(5, 2))],
      ["October sent", send(10, 0, figures(7, 1))],
      ["October approved", review(ReviewState.APPROVED)],
      ["October amended", send(10, 1, figures(9, 3))],
      ["the amendment returned", review(ReviewState.RETURNED)],
      ["sent again", send(10, 2, figures(9, 4))],
      ["approved", review(ReviewState.APPROVED)],
    );
    for (const [what, step] of steps) {
      await step();
      const kept = await allRows();
      await rebuildBranchMonths(db, providerOf(db));
      expect(await allRows(), what).toEqual(kept);
      for (const mode of [TotalsMode.APPROVED, TotalsMode.ALL]) {
        await setTotalsMode(db, { unitId: ids.ROOT!, unitCode: "ROOT", unitName: "Tên ROOT", mode, actorId: 1, now: new Date() });
        const reference = buildDigest(await digestInput(db, ids.P2!, { year: 2026, month: 10 }));
        const digest = (await loadDigest(db, ids.P2!, { year: 2026, month: 10 }))!.digest;
        expect(JSON.parse(JSON.stringify(digest, round)), `${what}, ${mode}`).toEqual(JSON.parse(JSON.stringify(reference, round)));
      }
    }
    // The branch's October counts 4 teachers with every report counted, as it does once approved.
    const rows = await db.branchMonth.findMany({ where: { unitId: branch.id, month: { in: [9, 10, 12] } }, orderBy: { month: "asc" } });
    expect(rows.map((r) => [r.month, r.allYearTeachers, r.okYearTeachers, r.allMonthTeachers])).toEqual([
      [9, 2, 0, 2],
      [10, 6, 4, 4],
      [12, 6, 4, 0],
    ]);
  });
});

test("a database whose records predate the digest rows gets them built once, at start", async () => {
  const before = await db.branchMonth.findMany({ orderBy: [{ unitId: "asc" }, { year: "asc" }, { month: "asc" }] });
  expect(before.length).toBeGreaterThan(130 * 12 - 1);
  await db.branchMonth.deleteMany();
  await db.setting.deleteMany({ where: { key: "branchMonths.built" } });
  const log = createLogger("silent");
  await ensureBranchMonths(db, providerOf(db), log);
  expect(await db.branchMonth.findMany({ orderBy: [{ unitId: "asc" }, { year: "asc" }, { month: "asc" }] })).toEqual(before);
  // Built once: a later start leaves the rows to the writers.
  await db.branchMonth.deleteMany({ where: { month: 1 } });
  await ensureBranchMonths(db, providerOf(db), log);
  expect(await db.branchMonth.count({ where: { month: 1 } })).toBe(0);
  await rebuildBranchMonths(db, providerOf(db));
});

function round(_key: string, value: unknown) {
  return typeof value === "number" && !Number.isInteger(value) ? Number(value.toFixed(12)) : value;
}
