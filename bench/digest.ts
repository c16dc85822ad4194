// 1. One committee's digest over N branches with a year of reports and meetings.
import { statSync } from "node:fs";
import Database from "better-sqlite3";
import { createDb } from "../src/db/client.js";
import { migrate } from "../src/db/migrate.js";
import { buildDigest } from "../src/domain/digest.js";
import { digestInput } from "../src/store/digest-data.js";
import { gc, mb, median, tempDb } from "./support.js";

const YEAR = 2026;
/** December: the largest digest of the year (12 months of reports, a quarter of meetings). */
const PERIOD = { year: YEAR, month: 12 };

export interface DigestFigures {
  branches: number;
  rows: { reports: number; meetings: number };
  seedSeconds: number;
  dbMb: number;
  loaded: { reports: number; meetings: number };
  loadMs: number;
  buildMs: number;
  totalMs: number;
  heapGrowthMb: number;
  rssGrowthMb: number;
  error?: string;
}

/** Rows written straight through better-sqlite3 in one transaction per table: Prisma would take minutes. */
function seed(path: string, branches: number): { reports: number; meetings: number } {
  const sql = new Database(path);
  sql.pragma("synchronous = OFF");
  const at = new Date(`${YEAR}-01-01T00:00:00Z`).toISOString();
  let reports = 0;
  let meetings = 0;
  sql.transaction(() => {
    sql.prepare(`INSERT INTO "User" (id, telegramId, firstName, createdAt) VALUES (1, 1, 'Bench', ?)`).run(at);
    const unit = sql.prepare(`INSERT INTO "Unit" (id, code, name, kind, parentId, createdBy, createdAt) VALUES (?, ?, ?, ?, ?, 0, ?)`);
    unit.run(1, "TINH", "Tỉnh ủy (bench)", "COMMITTEE", null, at);
    for (let b = 0; b < branches; b++) unit.run(b + 2, `CB${b}`, `Chi bộ ${b}`, "BRANCH", 1, at);
  })();
  const report = sql.prepare(
    `INSERT INTO "Report" (unitId, year, month, version, candidates, awarenessClass, applicationsInReview, admittedTeachers, admittedPupils,
       admittedStudents, admittedOther, madeFull, removed, transferredIn, transferredOut, late, submittedById, submittedAt)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, 0, ?, ?, 0, 0, ?, ?, 1, ?)`,
  );
  const meeting = sql.prepare(
    `INSERT INTO "Meeting" (unitId, kind, heldOn, version, place, chair, recorder, onRoll, present, absentExcused, absentUnexcused,
       content, conclusions, submittedById, submittedAt)
     VALUES (?, ?, ?, 1, 'Hội trường', 'Bí thư', 'Thư ký', ?, ?, ?, 0, 'Nội dung sinh hoạt', 'Kết luận', 1, ?)`,
  );
  const quota = sql.prepare(`INSERT INTO "Quota" (unitId, year, cohort, value, updatedBy, updatedAt) VALUES (?, ?, 'ALL', ?, 0, ?)`);
  sql.transaction(() => {
    for (let b = 0; b < branches; b++) {
      const unitId = b + 2;
      quota.run(unitId, YEAR, 2 + (b % 5), at);
      for (let month = 1; month <= 12; month++) {
        const k = (b + month) % 7;
        report.run(unitId, YEAR, month, 10 + k, k % 4, k % 3, k % 2, (k + 1) % 2, k % 2, k % 3 === 0 ? 1 : 0, b % 2, k === 6 ? 1 : 0, at);
        reports++;
        const mm = String(month).padStart(2, "0");
        const onRoll = 15 + (b % 20);
        meeting.run(unitId, "REGULAR", `${YEAR}-${mm}-05`, onRoll, onRoll - (k % 3), k % 3, at);
        meeting.run(unitId, "THEMATIC", `${YEAR}-${mm}-20`, onRoll, onRoll - (k % 4), k % 4, at);
        meetings += 2;
      }
    }
  })();
  sql.close();
  return { reports, meetings };
}

export async function digestBench(branches: number): Promise<DigestFigures> {
  const tmp = tempDb(`digest${branches}`);
  try {
    const setup = createDb(tmp.url);
    await migrate(setup);
    await setup.$disconnect();
    const t0 = performance.now();
    const rows = seed(tmp.path, branches);
    const seedSeconds = (performance.now() - t0) / 1000;
    const dbMb = mb(statSync(tmp.path).size);

    const db = createDb(tmp.url);
    const figures: DigestFigures = { branches, rows, seedSeconds, dbMb, loaded: { reports: 0, meetings: 0 }, loadMs: NaN, buildMs: NaN, totalMs: NaN, heapGrowthMb: NaN, rssGrowthMb: NaN };
    try {
      const once = async () => {
        const a = performance.now();
        const input = await digestInput(db, 1, PERIOD);
        const b = performance.now();
        const digest = buildDigest(input);
        const c = performance.now();
        return { input, digest, load: b - a, build: c - b };
      };
      await once(); // warm-up: connection, query plans, JIT
      gc();
      const before = process.memoryUsage();
      const first = await once();
      const after = process.memoryUsage();
      figures.heapGrowthMb = mb(after.heapUsed - before.heapUsed);
      figures.rssGrowthMb = mb(after.rss - before.rss);
      figures.loaded = { reports: first.input.reports.length, meetings: first.input.meetings.length };
      const runs = [first];
      for (let i = 0; i < 4; i++) runs.push(await once());
      figures.loadMs = median(runs.map((r) => r.load));
      figures.buildMs = median(runs.map((r) => r.build));
      figures.totalMs = median(runs.map((r) => r.load + r.build));
    } catch (e) {
      figures.error = String((e as Error).message).split("\n").slice(-1).join(" ").slice(0, 300);
    } finally {
      await db.$disconnect();
    }
    return figures;
  } finally {
    tmp.cleanup();
  }
}
