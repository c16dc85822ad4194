// A committee's digest computed by the database: one pass over the subtree's
// reports, meetings and quotas builds a per-branch table (the BranchAggregate
// of src/domain/digest.ts, one row per branch), and a few small queries read
// the totals, the first names of each list and the five furthest behind from
// it. JavaScript receives about a hundred rows whatever the size of the tree,
// so a country's digest costs what the database's scan costs.
//
// The same SQL runs on SQLite and PostgreSQL. buildDigest(digestInput(...)) is
// the reference it must agree with (test/e2e/digest-sql.test.ts).
import { providerOf, type Db } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";
import { DIGEST_NAMES, FURTHEST_BEHIND, type BehindBranch, type Digest } from "../domain/digest.js";
import { type BranchRef, type DigestUnit } from "../domain/branch-aggregates.js";
import { addMonths, type Period } from "../domain/period.js";
import { COHORTS, type CohortField } from "../domain/report.js";
import { ReviewState } from "../domain/review.js";
import { TotalsMode } from "../domain/review-totals.js";
import { UnitKind } from "../domain/units.js";
import { totalsModeFor } from "./totals-setting.js";

type Sql = Prisma.Sql;
const { sql, raw, join } = Prisma;

const pad = (n: number) => String(n).padStart(2, "0");
const ym = (p: Period) => `${p.year}-${pad(p.month)}`;

/** Column names of the cohort fields: the same in the Report (admitted…) and Quota (cohort value) tables. */
const COHORT_COLUMNS: Record<CohortField, string> = {
  admittedTeachers: "t",
  admittedPupils: "p",
  admittedStudents: "s",
  admittedOther: "o",
};

/**
 * The reports whose figures count: the current version of each month, or with
 * "approved" totals the latest approved version of each month (so a correction
 * awaiting review leaves the approved figures in, as aggregateBranches does).
 */
/** The report columns the aggregate reads (not the free texts). */
const COUNTED_COLUMNS = raw(
  ["unitId", "month", ...COHORTS, "candidates", "awarenessClass", "applicationsInReview", "removed"].map((c) => `r."${c}"`).join(", "),
);

function countedReports(period: Period, totals: TotalsMode): Sql {
  const base = sql`r."year" = ${period.year} AND r."month" <= ${period.month}`;
  if (totals === TotalsMode.ALL) return sql`SELECT ${COUNTED_COLUMNS} FROM "Report" r WHERE ${base} AND r."supersededAt" IS NULL`;
  // Two parts: the current approved versions (nearly every row: a plain scan the
  // database can split between workers), and the few replaced approved versions
  // that no later approved version replaces, which need the look-ahead.
  return sql`
    SELECT ${COUNTED_COLUMNS} FROM "Report" r WHERE ${base} AND r."supersededAt" IS NULL AND r."reviewState" = ${ReviewState.APPROVED}
    UNION ALL
    SELECT ${COUNTED_COLUMNS} FROM "Report" r WHERE ${base} AND r."supersededAt" IS NOT NULL AND r."reviewState" = ${ReviewState.APPROVED}
      AND NOT EXISTS (
        SELECT 1 FROM "Report" n
        WHERE n."unitId" = r."unitId" AND n."year" = r."year" AND n."month" = r."month"
          AND n."reviewState" = ${ReviewState.APPROVED} AND n."version" > r."version")`;
}

/**
 * SELECT producing one row per branch of the subtree: the per-branch aggregate.
 * `wholeTree`: the root is the only one, so every row is in its subtree and the
 * tables are aggregated as they are (in parallel, on PostgreSQL) before the join,
 * instead of being joined to the subtree first.
 */
function perBranch(rootId: number, period: Period, totals: TotalsMode, wholeTree: boolean): Sql {
  const inSubtree = (alias: string) => (wholeTree ? sql`` : sql`JOIN branches b ON b."id" = ${raw(`${alias}."unitId"`)}`);
  const m = period.month;
  const quarterFirst = addMonths(period, -((period.month - 1) % 3));
  const month = ym(period);
  const sumIf = (cond: Sql, expr: Sql) => sql`SUM(CASE WHEN ${cond} THEN ${expr} ELSE 0 END)`;
  const thisMonth = sql`r."month" = ${m}`;
  const cohortSums = join(
    COHORTS.map((c) => {
      const col = raw(`r."${c}"`);
      const name = COHORT_COLUMNS[c];
      return sql`SUM(${col}) AS ${raw(`y${name}`)}, ${sumIf(thisMonth, col)} AS ${raw(`m${name}`)}`;
    }),
  );
  const quotaCols = join(
    COHORTS.map((c) => sql`MAX(CASE WHEN q."cohort" = ${c} THEN q."value" END) AS ${raw(`q${COHORT_COLUMNS[c]}`)}`),
  );
  return sql`
    ${
      wholeTree
        ? sql`WITH branches AS (SELECT u."id", u."code", u."name" FROM "Unit" u WHERE u."kind" = ${UnitKind.BRANCH}),`
        : sql`WITH RECURSIVE sub("id") AS (
      SELECT "id" FROM "Unit" WHERE "id" = ${rootId}
      UNION ALL
      SELECT u."id" FROM "Unit" u JOIN sub ON u."parentId" = sub."id"
    ),
    branches AS (
      SELECT u."id", u."code", u."name" FROM "Unit" u JOIN sub ON sub."id" = u."id" WHERE u."kind" = ${UnitKind.BRANCH}
    ),`
    }
    cur AS (
      SELECT r."unitId", r."late", r."reviewState", r."lateCorrection"
      FROM "Report" r ${inSubtree("r")}
      WHERE r."year" = ${period.year} AND r."month" = ${m} AND r."supersededAt" IS NULL
    ),
    fig AS (
      SELECT r."unitId", ${cohortSums},
        ${sumIf(thisMonth, sql`r."candidates"`)} AS cand,
        ${sumIf(thisMonth, sql`r."awarenessClass"`)} AS aware,
        ${sumIf(thisMonth, sql`r."applicationsInReview"`)} AS apps,
        ${sumIf(thisMonth, sql`r."removed"`)} AS removed
      FROM (${countedReports(period, totals)}) r ${inSubtree("r")}
      GROUP BY r."unitId"
    ),
    meet AS (
      SELECT mt."unitId",
        ${sumIf(sql`substr(mt."heldOn", 1, 7) = ${month}`, sql`1`)} AS meetings,
        ${sumIf(sql`substr(mt."heldOn", 1, 7) = ${month}`, sql`mt."onRoll"`)} AS onroll,
        ${sumIf(sql`substr(mt."heldOn", 1, 7) = ${month}`, sql`mt."present"`)} AS present,
        ${sumIf(sql`substr(mt."heldOn", 1, 7) = ${month} AND mt."kind" = 'REGULAR'`, sql`1`)} AS regular,
        -- Thematic meetings count by quarter: those of the quarter up to the period's month.
        ${sumIf(sql`mt."kind" = 'THEMATIC'`, sql`1`)} AS thematic
      FROM "Meeting" mt ${inSubtree("mt")}
      WHERE mt."supersededAt" IS NULL AND mt."heldOn" >= ${`${ym(quarterFirst)}-01`} AND mt."heldOn" <= ${`${month}-31`}
      GROUP BY mt."unitId"
    ),
    -- Not "quota": SQLite's names are case-insensitive, and the table is "Quota".
    qb AS (
      SELECT q."unitId", MAX(CASE WHEN q."cohort" = 'ALL' THEN q."value" END) AS qall, ${quotaCols}
      FROM "Quota" q ${inSubtree("q")}
      WHERE q."year" = ${period.year}
      GROUP BY q."unitId"
    )
    SELECT b."id", b."code", b."name",
      CASE WHEN cur."unitId" IS NULL THEN 0 ELSE 1 END AS reported,
      CASE WHEN cur."late" THEN 1 ELSE 0 END AS late,
      cur."reviewState" AS "reviewState",
      CASE WHEN cur."lateCorrection" THEN 1 ELSE 0 END AS "lateCorrection",
      ${join(COHORTS.map((c) => raw(`COALESCE(fig.y${COHORT_COLUMNS[c]}, 0) AS y${COHORT_COLUMNS[c]}, COALESCE(fig.m${COHORT_COLUMNS[c]}, 0) AS m${COHORT_COLUMNS[c]}`)))},
      COALESCE(fig.yt, 0) + COALESCE(fig.yp, 0) + COALESCE(fig.ys, 0) + COALESCE(fig.yo, 0) AS ytd,
      COALESCE(fig.cand, 0) AS cand, COALESCE(fig.aware, 0) AS aware, COALESCE(fig.apps, 0) AS apps, COALESCE(fig.removed, 0) AS removed,
      COALESCE(meet.meetings, 0) AS meetings, COALESCE(meet.onroll, 0) AS onroll, COALESCE(meet.present, 0) AS present,
      COALESCE(meet.regular, 0) AS regular, COALESCE(meet.thematic, 0) AS thematic,
      qb.qt AS qt, qb.qp AS qp, qb.qs AS qs, qb.qo AS qo,
      COALESCE(qb.qall, COALESCE(qb.qt, 0) + COALESCE(qb.qp, 0) + COALESCE(qb.qs, 0) + COALESCE(qb.qo, 0), 0) AS qtotal
    FROM branches b
    LEFT JOIN cur ON cur."unitId" = b."id"
    LEFT JOIN fig ON fig."unitId" = b."id"
    LEFT JOIN meet ON meet."unitId" = b."id"
    LEFT JOIN qb ON qb."unitId" = b."id"`;
}

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const nOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/** The digest of a unit's subtree for a period, and the unit. Undefined when the unit does not exist. */
export async function loadDigest(db: Db, rootId: number, period: Period): Promise<{ root: DigestUnit; digest: Digest } | undefined> {
  const rootRow = await db.unit.findUnique({ where: { id: rootId }, select: { id: true, code: true, name: true, kind: true, parentId: true } });
  if (!rootRow) return undefined;
  const root = { ...rootRow, kind: rootRow.kind as UnitKind };
  const totals = await totalsModeFor(db, rootId);
  const wholeTree = root.parentId === null && (await db.unit.count({ where: { parentId: null } })) === 1;
  // A temporary table holds the per-branch rows for the queries below; a
  // transaction keeps them on one connection (PostgreSQL) and drops the table.
  const table = raw(`digest_${process.pid}_${Math.random().toString(36).slice(2, 10)}`);
  const digest = await db.$transaction(
    async (tx) => {
      if (providerOf(db) === "postgresql") {
        // Compiling this one-off query (JIT) would take longer than running it; and a
        // country's aggregation wants its hash tables in memory rather than sorts on disk.
        await tx.$executeRaw(sql`SET LOCAL jit = off`);
        await tx.$executeRaw(sql`SET LOCAL work_mem = '64MB'`);
      }
      await tx.$executeRaw(sql`CREATE TEMPORARY TABLE ${table} AS ${perBranch(rootId, period, totals, wholeTree)}`);
      try {
        return await readDigest(tx as unknown as Db, table, period, totals);
      } finally {
        await tx.$executeRaw(sql`DROP TABLE ${table}`);
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  return { root, digest };
}

async function readDigest(db: Db, table: Sql, period: Period, totals: TotalsMode): Promise<Digest> {
  const cohortTotals = join(
    COHORTS.map((c) => {
      const k = COHORT_COLUMNS[c];
      // A cohort's committee quota: the sum over branches with a quota that set one for the cohort.
      return raw(`SUM(m${k}) AS m${k}, SUM(y${k}) AS y${k}, SUM(CASE WHEN qtotal > 0 THEN q${k} END) AS q${k}`);
    }),
  );
  const labels = sql`
    SUM(CASE WHEN reported = 1 AND "reviewState" = ${ReviewState.APPROVED} THEN 1 ELSE 0 END) AS approved,
    SUM(CASE WHEN reported = 1 AND "reviewState" = ${ReviewState.RETURNED} THEN 1 ELSE 0 END) AS returned,
    SUM(CASE WHEN reported = 1 AND "reviewState" = ${ReviewState.PENDING} AND "lateCorrection" = 0 THEN 1 ELSE 0 END) AS pending,
    SUM(CASE WHEN reported = 1 AND "reviewState" = ${ReviewState.PENDING} AND "lateCorrection" = 1 THEN 1 ELSE 0 END) AS corrections`;
  const [sums] = await db.$queryRaw<Record<string, unknown>[]>(sql`
    SELECT COUNT(*) AS branches, SUM(reported) AS received, SUM(CASE WHEN reported = 1 THEN late ELSE 0 END) AS late, ${labels},
      ${cohortTotals},
      SUM(ytd) AS ytd, SUM(cand) AS cand, SUM(aware) AS aware, SUM(apps) AS apps, SUM(removed) AS removed,
      SUM(CASE WHEN regular > 0 THEN 1 ELSE 0 END) AS "regularHeld", SUM(CASE WHEN thematic > 0 THEN 1 ELSE 0 END) AS "thematicHeld",
      SUM(meetings) AS meetings, SUM(onroll) AS onroll, SUM(present) AS present,
      SUM(CASE WHEN qtotal > 0 THEN qtotal ELSE 0 END) AS quota, SUM(CASE WHEN qtotal > 0 THEN 0 ELSE 1 END) AS "branchesWithout"
    FROM ${table}`);
  const names = (where: Sql) => db.$queryRaw<BranchRef[]>(sql`SELECT "id" AS "unitId", "code", "name" FROM ${table} WHERE ${where} ORDER BY "code" LIMIT ${DIGEST_NAMES}`);
  const [missing, withoutRegular, behindRows] = await Promise.all([
    names(sql`reported = 0`),
    names(sql`regular = 0`),
    db.$queryRaw<{ unitId: number; code: string; name: string; quota: unknown; admitted: unknown }[]>(sql`
      SELECT "id" AS "unitId", "code", "name", qtotal AS quota, ytd AS admitted FROM ${table}
      WHERE qtotal > 0 AND ytd < qtotal
      ORDER BY (ytd * 1.0) / qtotal, qtotal - ytd DESC, "code" LIMIT ${FURTHEST_BEHIND}`),
  ]);
  const s = sums ?? {};
  const tally = (prefix: "m" | "y") => {
    const byCohort = {} as Record<CohortField, number>;
    for (const c of COHORTS) byCohort[c] = n(s[`${prefix}${COHORT_COLUMNS[c]}`]);
    return { total: COHORTS.reduce((t, c) => t + byCohort[c], 0), byCohort };
  };
  const month = tally("m");
  const yearToDate = tally("y");
  const quotaTotal = n(s.quota);
  const quotaByCohort = {} as Record<CohortField, number | null>;
  const progressByCohort = {} as Record<CohortField, number | null>;
  for (const c of COHORTS) {
    quotaByCohort[c] = nOrNull(s[`q${COHORT_COLUMNS[c]}`]);
    progressByCohort[c] = quotaByCohort[c] ? yearToDate.byCohort[c] / quotaByCohort[c]! : null;
  }
  const onRoll = n(s.onroll);
  const ref = (r: BranchRef): BranchRef => ({ unitId: Number(r.unitId), code: r.code, name: r.name });
  const behind: BehindBranch[] = behindRows.map((r) => {
    const quota = n(r.quota);
    const admitted = n(r.admitted);
    return { ...ref(r), quota, admitted, fraction: admitted / quota, shortfall: quota - admitted };
  });
  return {
    period,
    branches: n(s.branches),
    reports: {
      received: n(s.received),
      late: n(s.late),
      missingCount: n(s.branches) - n(s.received),
      missing: missing.map(ref),
      review: { approved: n(s.approved), pending: n(s.pending), returned: n(s.returned), "late-correction": n(s.corrections) },
    },
    totals,
    admitted: { month, yearToDate },
    quota: { total: quotaTotal, byCohort: quotaByCohort, branchesWithout: n(s.branchesWithout) },
    progress: { total: quotaTotal ? yearToDate.total / quotaTotal : null, byCohort: progressByCohort },
    pipeline: { candidates: n(s.cand), awarenessClass: n(s.aware), applicationsInReview: n(s.apps) },
    meetings: {
      regularHeld: n(s.regularHeld),
      withoutRegularCount: n(s.branches) - n(s.regularHeld),
      withoutRegular: withoutRegular.map(ref),
      thematicHeldQuarter: n(s.thematicHeld),
      count: n(s.meetings),
      attendance: onRoll > 0 ? n(s.present) / onRoll : null,
    },
    removed: n(s.removed),
    furthestBehind: behind,
  };
}
