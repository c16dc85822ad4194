// 1. One committee's digest over N branches with a year of reports and meetings, on SQLite or PostgreSQL.
// The tree is a country's: national committee -> 63 provincial committees -> district committees
// (~200 branches each) -> branches; below 63,000 branches the root is one province.
import Database from "better-sqlite3";
import pg from "pg";
import { createDb, type Db } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { rebuildBranchMonths } from "../src/store/branch-months.js";
import { loadDigest } from "../src/store/digest-sql.js";
import { benchDb, gc, inChild, mb, median, PG_URL, type DbKind } from "./support.js";

const YEAR = 2026;
/** December: the largest digest of the year (12 months of reports, a quarter of meetings). */
const PERIOD = { year: YEAR, month: 12 };
const AT = `${YEAR}-01-01T00:00:00.000Z`;
const BRANCHES_PER_DISTRICT = 200;
const PROVINCES = 63;

/** The one place that calls the digest code: swap in its replacement here. Returns how many rows reached JS. */
async function digestOnce(db: Db, rootId: number): Promise<number> {
  const loaded = await loadDigest(db, rootId, PERIOD);
  if (!loaded) throw new Error(`no unit ${rootId}`);
  // What reached JS: the totals row and the names of the lists (missing, without a meeting, behind).
  const d = loaded.digest;
  return 1 + d.reports.missing.length + d.meetings.withoutRegular.length + d.furthestBehind.length;
}

/** Unit ids: 1 the root, then provinces, districts, branches, each numbered in a block. */
export function layout(branches: number) {
  const provinces = branches >= PROVINCES * 1000 ? PROVINCES : 0;
  const districts = Math.ceil(branches / BRANCHES_PER_DISTRICT);
  const firstProvince = 2;
  const firstDistrict = firstProvince + provinces;
  const firstBranch = firstDistrict + districts;
  return {
    provinces, districts, branches, firstProvince, firstDistrict, firstBranch,
    districtOf: (b: number) => firstDistrict + Math.floor((b * districts) / branches),
    parentOfDistrict: (d: number) => (provinces ? firstProvince + Math.floor((d * provinces) / districts) : 1),
  };
}

// The figures of branch b (0-based) for a month, the same on both databases (SQL in seedPostgres).
// Most reports are approved; a third of December's await review, and every 50th branch
// corrected November: version 1 approved then superseded, version 2 pending.
const k = (b: number, m: number) => (b + m) % 7;
const pendingReport = (b: number, m: number) => m === 12 && b % 3 === 0;
const amended = (b: number, m: number) => m === 11 && b % 50 === 0;
const pendingMeeting = (b: number, m: number) => m === 12 && b % 4 === 0;

function seedSqlite(path: string, branches: number): void {
  const L = layout(branches);
  const sql = new Database(path);
  sql.pragma("synchronous = OFF");
  sql.transaction(() => {
    sql.prepare(`INSERT INTO "User" (id, telegramId, firstName, createdAt) VALUES (1, 1, 'Bench', ?)`).run(AT);
    const unit = sql.prepare(`INSERT INTO "Unit" (id, code, name, kind, parentId, createdBy, createdAt) VALUES (?, ?, ?, ?, ?, 0, ?)`);
    unit.run(1, "ROOT", "Trung ương (bench)", "COMMITTEE", null, AT);
    for (let p = 0; p < L.provinces; p++) unit.run(L.firstProvince + p, `T${p}`, `Tỉnh ủy ${p}`, "COMMITTEE", 1, AT);
    for (let d = 0; d < L.districts; d++) unit.run(L.firstDistrict + d, `H${d}`, `Huyện ủy ${d}`, "COMMITTEE", L.parentOfDistrict(d), AT);
    for (let b = 0; b < branches; b++) unit.run(L.firstBranch + b, `CB${b}`, `Chi bộ ${b}`, "BRANCH", L.districtOf(b), AT);
    const report = sql.prepare(
      `INSERT INTO "Report" (unitId, year, month, version, candidates, awarenessClass, applicationsInReview, admittedTeachers, admittedPupils,
         admittedStudents, admittedOther, madeFull, removedUnclassified, transferredIn, transferredOut, late, submittedById, submittedAt, reviewState, supersededAt, lateCorrection)
       VALUES (?, ${YEAR}, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, 0, 0, ?, ?, 1, '${AT}', ?, ?, ?)`,
    );
    const meeting = sql.prepare(
      `INSERT INTO "Meeting" (unitId, kind, heldOn, version, place, chair, recorder, onRoll, present, absentExcused, absentUnexcused,
         content, conclusions, submittedById, submittedAt, reviewState)
       VALUES (?, ?, ?, 1, 'Hội trường', 'Bí thư', 'Thư ký', ?, ?, ?, 0, 'Nội dung sinh hoạt', 'Kết luận', 1, '${AT}', ?)`,
    );
    const quota = sql.prepare(`INSERT INTO "Quota" (unitId, year, cohort, value, updatedBy, updatedAt) VALUES (?, ${YEAR}, 'ALL', ?, 0, '${AT}')`);
    for (let b = 0; b < branches; b++) {
      const u = L.firstBranch + b;
      quota.run(u, 2 + (b % 5));
      for (let m = 1; m <= 12; m++) {
        const x = k(b, m);
        const figures = [10 + x, x % 4, x % 3, x % 2, (x + 1) % 2, x % 2, x % 3 === 0 ? 1 : 0, b % 2, x === 6 ? 1 : 0];
        const state = pendingReport(b, m) ? "PENDING" : "APPROVED";
        report.run(u, m, 1, ...figures, state, amended(b, m) ? AT : null, 0);
        if (amended(b, m)) report.run(u, m, 2, ...figures, "PENDING", null, 1);
        const mm = String(m).padStart(2, "0");
        const onRoll = 15 + (b % 20);
        const ms = pendingMeeting(b, m) ? "PENDING" : "APPROVED";
        meeting.run(u, "REGULAR", `${YEAR}-${mm}-05`, onRoll, onRoll - (x % 3), x % 3, ms);
        meeting.run(u, "THEMATIC", `${YEAR}-${mm}-20`, onRoll, onRoll - (x % 4), x % 4, ms);
      }
    }
  })();
  sql.close();
}

/** Set-based: generate_series into tables without their secondary indexes, which are rebuilt after (a sort beats 9 million index inserts). */
async function seedPostgres(schema: string, branches: number): Promise<void> {
  const L = layout(branches);
  const client = new pg.Client({ connectionString: PG_URL, options: `-c search_path="${schema}"` });
  await client.connect();
  try {
    const q = (s: string) => client.query(s);
    // Foreign-key triggers off for the load (the rows are made consistent), more memory for the index builds.
    await q(`SET session_replication_role = replica; SET maintenance_work_mem = '512MB'; SET synchronous_commit = off`);
    const indexes = (await client.query<{ indexname: string; indexdef: string }>(
      `SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = $1 AND tablename IN ('Unit', 'Report', 'Meeting', 'Quota') AND indexname NOT LIKE '%\\_pkey'`,
      [schema],
    )).rows;
    for (const i of indexes) await q(`DROP INDEX "${i.indexname}"`);
    const B = `(g.u - ${L.firstBranch})`; // branch number from its unit id
    const x = `((${B} + m) % 7)`;
    await q(`INSERT INTO "User" (id, "telegramId", "firstName", "createdAt") VALUES (1, 1, 'Bench', '${AT}')`);
    await q(`INSERT INTO "Unit" (id, code, name, kind, "parentId", "createdBy", "createdAt") VALUES (1, 'ROOT', 'Trung ương (bench)', 'COMMITTEE', NULL, 0, '${AT}')`);
    if (L.provinces)
      await q(`INSERT INTO "Unit" (id, code, name, kind, "parentId", "createdBy", "createdAt")
        SELECT ${L.firstProvince} + p, 'T' || p, 'Tỉnh ủy ' || p, 'COMMITTEE', 1, 0, '${AT}' FROM generate_series(0, ${L.provinces - 1}) p`);
    await q(`INSERT INTO "Unit" (id, code, name, kind, "parentId", "createdBy", "createdAt")
      SELECT ${L.firstDistrict} + d, 'H' || d, 'Huyện ủy ' || d, 'COMMITTEE',
        ${L.provinces ? `${L.firstProvince} + (d * ${L.provinces}) / ${L.districts}` : "1"}, 0, '${AT}'
      FROM generate_series(0, ${L.districts - 1}) d`);
    await q(`INSERT INTO "Unit" (id, code, name, kind, "parentId", "createdBy", "createdAt")
      SELECT ${L.firstBranch} + b, 'CB' || b, 'Chi bộ ' || b, 'BRANCH', ${L.firstDistrict} + (b::bigint * ${L.districts}) / ${branches}, 0, '${AT}'
      FROM generate_series(0, ${branches - 1}) b`);
    await q(`SELECT setval(pg_get_serial_sequence('"Unit"', 'id'), (SELECT max(id) FROM "Unit"))`);
    await q(`INSERT INTO "Quota" ("unitId", year, cohort, value, "updatedBy", "updatedAt")
      SELECT g.u, ${YEAR}, 'ALL', 2 + ${B} % 5, 0, '${AT}' FROM generate_series(${L.firstBranch}, ${L.firstBranch + branches - 1}) g(u)`);
    const figures = `10 + ${x}, ${x} % 4, ${x} % 3, ${x} % 2, (${x} + 1) % 2, 0, ${x} % 2, (${x} % 3 = 0)::int, 0, 0, ${B} % 2, ${x} = 6, 1, '${AT}'`;
    const reportCols = `"unitId", year, month, version, candidates, "awarenessClass", "applicationsInReview", "admittedTeachers", "admittedPupils",
      "admittedStudents", "admittedOther", "madeFull", "removedUnclassified", "transferredIn", "transferredOut", late, "submittedById", "submittedAt", "reviewState", "supersededAt", "lateCorrection"`;
    const amended = `(m = 11 AND ${B} % 50 = 0)`;
    await q(`INSERT INTO "Report" (${reportCols})
      SELECT g.u, ${YEAR}, m, 1, ${figures},
        CASE WHEN m = 12 AND ${B} % 3 = 0 THEN 'PENDING' ELSE 'APPROVED' END, CASE WHEN ${amended} THEN '${AT}'::timestamp END, false
      FROM generate_series(${L.firstBranch}, ${L.firstBranch + branches - 1}) g(u) CROSS JOIN generate_series(1, 12) m`);
    await q(`INSERT INTO "Report" (${reportCols.replace(`"supersededAt", `, "")})
      SELECT g.u, ${YEAR}, 11, 2, ${figures.replaceAll("m)", "11)")}, 'PENDING', true
      FROM generate_series(${L.firstBranch}, ${L.firstBranch + branches - 1}, 50) g(u)`);
    await q(`INSERT INTO "Meeting" ("unitId", kind, "heldOn", version, place, chair, recorder, "onRoll", present, "absentExcused", "absentUnexcused",
        content, conclusions, "submittedById", "submittedAt", "reviewState")
      SELECT g.u, mk.kind, '${YEAR}-' || lpad(m::text, 2, '0') || mk.day, 1, 'Hội trường', 'Bí thư', 'Thư ký',
        15 + ${B} % 20, 15 + ${B} % 20 - ${x} % mk.modulo, ${x} % mk.modulo, 0, 'Nội dung sinh hoạt', 'Kết luận', 1, '${AT}',
        CASE WHEN m = 12 AND ${B} % 4 = 0 THEN 'PENDING' ELSE 'APPROVED' END
      FROM generate_series(${L.firstBranch}, ${L.firstBranch + branches - 1}) g(u) CROSS JOIN generate_series(1, 12) m
        CROSS JOIN (VALUES ('REGULAR', '-05', 3), ('THEMATIC', '-20', 4)) mk(kind, day, modulo)`);
    for (const i of indexes) await q(i.indexdef);
    await q(`ANALYZE`);
  } finally {
    await client.end();
  }
}

export interface DigestRun {
  label: string;
  /** Median of up to 5 runs after a warm-up (fewer when one run is slow). */
  ms: number;
  runs: number;
  /** One run only, without a warm-up: it alone took longer than the time allowed for all. */
  cold?: boolean;
  rowsInJs: number;
  heapGrowthMb: number;
  rssGrowthMb: number;
  error?: string;
}

export interface DigestFigures {
  db: DbKind;
  branches: number;
  reports: number;
  meetings: number;
  seedSeconds: number;
  /** Building the digest rows of every branch from the seeded records (what a first start does). */
  buildSeconds: number;
  digests: DigestRun[];
  error?: string;
}

/**
 * In a child process (bench/child.ts), so memory growth is the digest's own and a runaway one can be
 * killed; each root's figures are sent as soon as they are known. A first run slower than `budgetMs`
 * is the only one (cold, with its memory growth).
 */
export async function digestMeasure(url: string, roots: { label: string; id: number }[], budgetMs: number): Promise<DigestRun[]> {
  const db = createDb(url);
  const out: DigestRun[] = [];
  const timed = async () => {
    gc();
    const before = process.memoryUsage();
    let peak = before.rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 10);
    const t = performance.now();
    const rowsInJs = await digestOnce(db, root.id);
    const ms = performance.now() - t;
    clearInterval(sampler);
    const after = process.memoryUsage();
    return { ms, rowsInJs, heapGrowthMb: mb(after.heapUsed - before.heapUsed), rssGrowthMb: mb(Math.max(peak, after.rss) - before.rss) };
  };
  let root = roots[0]!;
  try {
    for (root of roots) {
      const first = await timed(); // warm-up: connections, query plans, JIT, cache
      let run: DigestRun;
      if (first.ms > budgetMs) run = { label: root.label, ...first, runs: 1, cold: true };
      else {
        const measured = await timed();
        const times = [measured.ms];
        while (times.length < 5 && times.reduce((a, b) => a + b, 0) < budgetMs) {
          const t = performance.now();
          await digestOnce(db, root.id);
          times.push(performance.now() - t);
        }
        run = { label: root.label, ...measured, ms: median(times), runs: times.length };
      }
      out.push(run);
      process.send!({ event: run });
    }
  } finally {
    await db.$disconnect();
  }
  return out;
}

/** `roots`: which digests to time ("root" the whole tree, "province" the first province). */
export async function digestBench(kind: DbKind, branches: number, roots: ("root" | "province")[], timeoutMs: number): Promise<DigestFigures> {
  const database = await benchDb(kind, `dig${branches}`);
  const figures: DigestFigures = { db: kind, branches, reports: branches * 12 + Math.ceil(branches / 50), meetings: branches * 24, seedSeconds: NaN, buildSeconds: NaN, digests: [] };
  try {
    const setup = createDb(database.url);
    await migrate(setup);
    await setup.$disconnect();
    const t0 = performance.now();
    if (kind === "sqlite") seedSqlite(database.path!, branches);
    else await seedPostgres(database.schema!, branches);
    figures.seedSeconds = (performance.now() - t0) / 1000;
    const build = createDb(database.url);
    const t1 = performance.now();
    await rebuildBranchMonths(build, kind);
    figures.buildSeconds = (performance.now() - t1) / 1000;
    await build.$disconnect();
    const L = layout(branches);
    const targets = roots.map((r) => (r === "root" ? { label: L.provinces ? "country (root)" : "province (root)", id: 1 } : { label: "one province", id: L.firstProvince }));
    await inChild<DigestRun[]>("digest", [database.url, targets, 10_000], { timeoutMs, onMessage: (run) => figures.digests.push(run as DigestRun) }).catch((e: Error) => {
      const next = targets[figures.digests.length];
      throw new Error(next ? `${next.label}: ${e.message}` : e.message);
    });
  } catch (e) {
    figures.error = String((e as Error).message).split("\n").filter(Boolean).slice(-1).join(" ").slice(0, 300);
  } finally {
    await database.drop();
  }
  return figures;
}
