// BranchMonth rows (prisma/schema.prisma): each branch's digest row for every
// month of a year, rewritten from the branch's records in the transaction that
// changes them (a report, minutes, a review decision), and rebuilt for every
// branch when the table is new. Digests read these rows (src/store/digest-sql.ts).
import type { Db, Driver, Provider } from "../db/client.js";
import { pgLockKey } from "../db/pg-locks.js";
import { Prisma } from "../db/generated/client.js";
import type { DigestMeeting } from "../domain/branch-aggregates.js";
import { branchMonths, type BranchMonthFigures, type CountedFigures } from "../domain/branch-month.js";
import { COHORTS, DIGEST_COUNT_FIELDS, reportField, type CohortField, type DigestCountField } from "../domain/report-fields.js";
import { ReviewState, type ReviewLabel } from "../domain/review.js";
import { TotalsMode } from "../domain/review-totals.js";
import type { Logger } from "../log.js";
import type { Steps } from "./driver-transaction.js";
import { REPORT_COUNTS } from "./report-columns.js";

type Tx = Prisma.TransactionClient;
type Row = Prisma.BranchMonthCreateManyInput;
const { sql, raw, join } = Prisma;

/** Column prefix of each way of counting totals. */
export const COUNTED_PREFIX: Record<TotalsMode, "all" | "ok"> = { [TotalsMode.ALL]: "all", [TotalsMode.APPROVED]: "ok" };
/**
 * The stem of each figure's columns (`digest` in src/domain/report-fields.ts): a cohort has
 * `${prefix}Month${stem}` and `${prefix}Year${stem}`, another count `${prefix}${stem}`.
 */
export const COHORT_STEM = Object.fromEntries(COHORTS.map((c) => [c, reportField(c).digest])) as Record<CohortField, string>;
export const COUNT_STEM = Object.fromEntries(DIGEST_COUNT_FIELDS.map((f) => [f, reportField(f).digest])) as Record<DigestCountField, string>;

/** Set once every branch's rows were built: a database from before the table is rebuilt at start. */
const BUILT_KEY = "branchMonths.built";

function toRow(unitId: number, year: number, f: BranchMonthFigures): Row {
  const row: Record<string, unknown> = {
    unitId,
    year,
    month: f.month,
    reported: f.reported,
    late: f.late,
    review: f.review,
    meetings: f.meetings,
    onRoll: f.onRoll,
    present: f.present,
    lowAttendance: f.lowAttendance,
    regularMeetings: f.regularMeetings,
    thematicQuarter: f.thematicQuarter,
  };
  for (const mode of Object.values(TotalsMode)) {
    const p = COUNTED_PREFIX[mode];
    const c: CountedFigures = f.counted[mode];
    for (const cohort of COHORTS) {
      row[`${p}Month${COHORT_STEM[cohort]}`] = c.month[cohort];
      row[`${p}Year${COHORT_STEM[cohort]}`] = c.yearToDate[cohort];
    }
    for (const k of DIGEST_COUNT_FIELDS) row[`${p}${COUNT_STEM[k]}`] = c[k];
  }
  return row as unknown as Row;
}

const MEETING_COUNTS = { unitId: true, kind: true, heldOn: true, onRoll: true, present: true } as const;
const yearDates = (year: number) => ({ gte: `${year}-01-01`, lte: `${year}-12-31` });

/** A branch's rows for one year, from what the transaction sees now; none without records that year. */
async function rowsOf(tx: Tx, unitId: number, year: number): Promise<Row[]> {
  // The current versions and the approved ones replaced since, in one read.
  const versions = await tx.report.findMany({
    where: { unitId, year, OR: [{ supersededAt: null }, { reviewState: ReviewState.APPROVED }] },
    select: { ...REPORT_COUNTS, version: true, supersededAt: true },
    orderBy: { version: "asc" },
  });
  const meetings = await tx.meeting.findMany({
    where: { unitId, supersededAt: null, heldOn: yearDates(year) },
    select: MEETING_COUNTS,
  });
  if (versions.length === 0 && meetings.length === 0) return [];
  return branchMonths(unitId, year, {
    reports: versions.filter((r) => r.supersededAt === null),
    // Oldest first: of two approved versions replaced since, the later one counts.
    earlierApproved: versions.filter((r) => r.supersededAt !== null),
    meetings: meetings.map((m) => ({ ...m, kind: m.kind as DigestMeeting["kind"] })),
  }).map((f) => toRow(unitId, year, f));
}

/**
 * One raw statement for the year's twelve rows: the client's createMany costs
 * about ten times as much here, and this runs in every submission.
 */
async function replace(tx: Tx, unitId: number, year: number, rows: Row[]): Promise<void> {
  await tx.branchMonth.deleteMany({ where: { unitId, year } });
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const values = rows.map((r) => sql`(${join(columns.map((c) => (r as Record<string, unknown>)[c]))})`);
  await tx.$executeRaw(sql`INSERT INTO "BranchMonth" (${raw(columns.map((c) => `"${c}"`).join(", "))}) VALUES ${join(values)}`);
}

/**
 * Rewrites a branch's rows for a year, inside the transaction that changed its
 * records. On PostgreSQL two instances writing for one branch take turns, so
 * the later one reads what the earlier one committed.
 */
export async function refreshBranchMonths(tx: Tx, provider: Provider, unitId: number, year: number): Promise<void> {
  if (provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${pgLockKey("branch-month")}, ${unitId})`);
  await replace(tx, unitId, year, await rowsOf(tx, unitId, year));
}

/**
 * refreshBranchMonths as prepared statements of a driver's transaction (src/store/driver-transaction.ts),
 * for the refresh a submission owes, paid right after its receipt: the rebuild's own statement scoped
 * to the branch, so the rows are what a rebuild makes, computed in the database (no rows read into
 * JavaScript), and three statements (four on PostgreSQL, with the same turn-taking lock).
 */
export function* refreshBranchMonthsSteps(driver: Driver, unitId: number, year: number): Steps<void> {
  if (driver.kind === "postgresql") yield { name: "branch-month-lock", text: `SELECT pg_advisory_xact_lock(${pgLockKey("branch-month")}, CAST(? AS INTEGER))`, args: [unitId] };
  yield { name: "branch-month-clear", text: `DELETE FROM "BranchMonth" WHERE "unitId" = ? AND "year" = ?`, args: [unitId, year] };
  const rebuild = rebuildSql(year, unitId);
  yield { name: "branch-month-rebuild-one", text: rebuild.sql, args: rebuild.values };
}

/**
 * Rewrites every branch's rows from the records, one year at a time, in the
 * database: the same arithmetic as branchMonths (src/domain/branch-month.ts),
 * written as one statement so that a country's records are read once instead
 * of branch by branch. test/e2e/digest-sql.test.ts holds the two to agreeing.
 * Returns the number of rows written.
 */
export async function rebuildBranchMonths(db: Db, provider: Provider): Promise<number> {
  const years = await db.$queryRawUnsafe<{ year: number }[]>(
    `SELECT DISTINCT "year" FROM "Report" UNION SELECT DISTINCT CAST(substr("heldOn", 1, 4) AS INTEGER) AS "year" FROM "Meeting"`,
  );
  let written = 0;
  for (const { year } of years) {
    written += await db.$transaction(
      async (tx) => {
        // Writers of single branches wait until the year is rebuilt, then rewrite theirs over it.
        if (provider === "postgresql") await tx.$executeRawUnsafe(`LOCK TABLE "BranchMonth" IN EXCLUSIVE MODE`);
        await tx.branchMonth.deleteMany({ where: { year: Number(year) } });
        return tx.$executeRaw(rebuildSql(Number(year)));
      },
      { timeout: 30 * 60_000, maxWait: 60_000 },
    );
  }
  // Fresh statistics, or the planner takes a country's rows for a handful.
  if (provider === "postgresql") await db.$executeRawUnsafe(`ANALYZE "BranchMonth"`);
  return written;
}

/** The year's rows of every branch, or of branch `unitId` only. */
function rebuildSql(year: number, unitId?: number): Prisma.Sql {
  const only = (column: string) => (unitId === undefined ? sql`` : sql` AND ${raw(column)} = ${unitId}`);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const columns: string[] = ["unitId", "year", "month", "reported", "late", "review"];
  const values: Prisma.Sql[] = [
    sql`g."unitId"`,
    sql`CAST(${year} AS INTEGER)`,
    sql`g."month"`,
    // Comparisons rather than bound true/false: PostgreSQL takes an untyped parameter for text.
    sql`ca."unitId" IS NOT NULL`,
    sql`COALESCE(ca."late", 1 = 0)`,
    sql`CASE WHEN ca."unitId" IS NULL THEN NULL
      WHEN ca."reviewState" = ${ReviewState.APPROVED} THEN ${"approved" satisfies ReviewLabel}
      WHEN ca."reviewState" = ${ReviewState.RETURNED} THEN ${"returned" satisfies ReviewLabel}
      WHEN ca."lateCorrection" THEN ${"late-correction" satisfies ReviewLabel}
      ELSE ${"pending" satisfies ReviewLabel} END`,
  ];
  // ca: the month's current report, which every-report totals count; co: the one approved-only totals
  // count, its latest approved version (the current one, or the one a correction awaiting review replaced).
  for (const [prefix, alias] of [["all", "ca"], ["ok", "co"]] as const) {
    for (const cohort of COHORTS) {
      columns.push(`${prefix}Month${COHORT_STEM[cohort]}`, `${prefix}Year${COHORT_STEM[cohort]}`);
      values.push(raw(`COALESCE(${alias}."${cohort}", 0)`), raw(`SUM(COALESCE(${alias}."${cohort}", 0)) OVER so_far`));
    }
    for (const f of DIGEST_COUNT_FIELDS) {
      columns.push(`${prefix}${COUNT_STEM[f]}`);
      values.push(raw(`COALESCE(${alias}."${f}", 0)`));
    }
  }
  columns.push("meetings", "onRoll", "present", "lowAttendance", "regularMeetings", "thematicQuarter");
  values.push(
    raw(`COALESCE(mt.meetings, 0)`),
    raw(`COALESCE(mt.onroll, 0)`),
    raw(`COALESCE(mt.present, 0)`),
    raw(`COALESCE(mt.low, 0)`),
    raw(`COALESCE(mt.regular, 0)`),
    raw(`SUM(COALESCE(mt.thematic, 0)) OVER (PARTITION BY g."unitId", (g."month" - 1) / 3 ORDER BY g."month")`),
  );
  const months = raw(Array.from({ length: 12 }, (_, i) => `(${i + 1})`).join(", "));
  return sql`
    INSERT INTO "BranchMonth" (${raw(columns.map((c) => `"${c}"`).join(", "))})
    WITH months("month") AS (VALUES ${months}),
    branches AS (
      SELECT "unitId" FROM "Report" WHERE "year" = ${year}${only(`"unitId"`)}
      UNION
      SELECT "unitId" FROM "Meeting" WHERE "heldOn" >= ${from} AND "heldOn" <= ${to}${only(`"unitId"`)}
    ),
    g AS (SELECT b."unitId", months."month" FROM branches b CROSS JOIN months),
    mt AS (
      SELECT m."unitId", CAST(substr(m."heldOn", 6, 2) AS INTEGER) AS "month", COUNT(*) AS meetings,
        SUM(m."onRoll") AS onroll, SUM(m."present") AS present,
        -- Fewer than half present: lowAttendance in src/domain/meeting.ts.
        SUM(CASE WHEN 2 * m."present" < m."onRoll" THEN 1 ELSE 0 END) AS low,
        SUM(CASE WHEN m."kind" = 'REGULAR' THEN 1 ELSE 0 END) AS regular,
        SUM(CASE WHEN m."kind" = 'THEMATIC' THEN 1 ELSE 0 END) AS thematic
      FROM "Meeting" m
      WHERE m."supersededAt" IS NULL AND m."heldOn" >= ${from} AND m."heldOn" <= ${to}${only(`m."unitId"`)}
      GROUP BY m."unitId", CAST(substr(m."heldOn", 6, 2) AS INTEGER)
    )
    SELECT ${join(values)}
    FROM g
    LEFT JOIN "Report" ca ON ca."unitId" = g."unitId" AND ca."year" = ${year} AND ca."month" = g."month" AND ca."supersededAt" IS NULL
    LEFT JOIN "Report" co ON co."unitId" = g."unitId" AND co."year" = ${year} AND co."month" = g."month"
      AND co."reviewState" = ${ReviewState.APPROVED}
      AND NOT EXISTS (
        SELECT 1 FROM "Report" n
        WHERE n."unitId" = co."unitId" AND n."year" = co."year" AND n."month" = co."month"
          AND n."reviewState" = ${ReviewState.APPROVED} AND n."version" > co."version")
    LEFT JOIN mt ON mt."unitId" = g."unitId" AND mt."month" = g."month"
    WINDOW so_far AS (PARTITION BY g."unitId" ORDER BY g."month")`;
}

/** At start: builds the rows once for a database whose records predate them. */
export async function ensureBranchMonths(db: Db, provider: Provider, log: Logger): Promise<void> {
  if (await db.setting.findUnique({ where: { key: BUILT_KEY } })) return;
  const started = Date.now();
  const written = await rebuildBranchMonths(db, provider);
  const value = JSON.stringify(new Date().toISOString());
  await db.setting.upsert({
    where: { key: BUILT_KEY },
    create: { key: BUILT_KEY, value, updatedBy: 0n, updatedAt: new Date() },
    update: { value, updatedAt: new Date() },
  });
  if (written > 0) log.info({ rows: written, ms: Date.now() - started }, "digest rows built from the records");
}
