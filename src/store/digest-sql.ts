// A committee's digest computed by the database: the subtree's BranchMonth rows
// for the period (one per branch, kept up to date as records change: see
// src/store/branch-months.ts) and its quotas make a per-branch table, and a few
// small queries read the totals, the first names of each list and the five
// furthest behind from it. JavaScript receives about a hundred rows whatever the
// size of the tree, and the database reads one row per branch, not its records.
//
// The same SQL runs on SQLite and PostgreSQL. buildDigest(digestInput(...)) is
// the reference it must agree with (test/e2e/digest-sql.test.ts, test/support/digest-input.ts).
// Both take the report's counts from src/domain/report-fields.ts; the arithmetic is each their own.
import { providerOf, type Db } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";
import { DIGEST_NAMES, FURTHEST_BEHIND, type BehindBranch, type Digest } from "../domain/digest.js";
import { type BranchRef, type DigestUnit } from "../domain/branch-aggregates.js";
import type { Period } from "../domain/period.js";
import { COHORTS, DIGEST_COUNT_FIELDS, REMOVAL_FIELDS, type CohortField, type DigestCountField } from "../domain/report-fields.js";
import type { ReviewLabel } from "../domain/review.js";
import { TotalsMode } from "../domain/review-totals.js";
import { UnitKind } from "../domain/units.js";
import { COHORT_STEM, COUNT_STEM, COUNTED_PREFIX } from "./branch-months.js";
import { payDigestRefreshes } from "./digest-refresh.js";
import { totalsModeFor } from "./totals-setting.js";
import { committeePeople, selfCoveredBranches } from "./reviewers.js";
import { ancestorsOf } from "./units.js";
import { Role } from "../domain/roles.js";

type Sql = Prisma.Sql;
const { sql, raw, join } = Prisma;

/** Names of the cohorts in the per-branch table (y…, m…, q… columns): their column stems, in lower case. */
const COHORT_COLUMNS = Object.fromEntries(COHORTS.map((c) => [c, COHORT_STEM[c].toLowerCase()])) as Record<CohortField, string>;
/** Names of the other counts there (`digest` in src/domain/report-fields.ts), quoted as they are. */
const count = (f: DigestCountField) => `"${f}"`;

/**
 * Who can review the subtree's branches (src/domain/access.ts hasReviewer), as the SQL reads it:
 * a branch is reviewed when a committee member sits on a unit above it, unless it is one of
 * `selfCovered` (covered only by its own secretary or deputy, src/store/reviewers.ts).
 */
interface Coverage {
  /** A committee member on a unit above the root. */
  aboveRoot: boolean;
  /** …or on the root itself: then every unit below it is covered, and no walk is needed for it. */
  onRoot: boolean;
  /** No committee member anywhere: nothing is covered, and no walk is needed either. */
  nowhere: boolean;
  selfCovered: number[];
}

/**
 * SELECT producing one row per branch of the subtree: its BranchMonth row for
 * the period (src/store/branch-months.ts) as the totals count, whether someone can
 * review it, and its quota. `wholeTree`: the root is the only one, so every branch
 * is in its subtree and, when a committee member sits on the root (or nowhere), no
 * recursive walk of the tree is needed.
 */
function perBranch(rootId: number, period: Period, totals: TotalsMode, wholeTree: boolean, coverage: Coverage): Sql {
  const p = COUNTED_PREFIX[totals];
  const reviewedBy = (covered: Sql) =>
    coverage.selfCovered.length > 0 ? sql`CASE WHEN u."id" IN (${join(coverage.selfCovered)}) THEN 0 ELSE ${covered} END` : covered;
  const quotaCols = join(
    COHORTS.map((c) => sql`MAX(CASE WHEN q."cohort" = ${c} THEN q."value" END) AS ${raw(`q${COHORT_COLUMNS[c]}`)}`),
  );
  const figure = (column: string, as: string) => raw(`COALESCE(s."${column}", 0) AS ${as}`);
  // A counted figure: with "approved" totals, a branch nobody can review counts as sent (the "all" columns).
  const countedColumn = (stem: string) =>
    p === COUNTED_PREFIX[TotalsMode.ALL] ? `s."${p}${stem}"` : `CASE WHEN b."reviewed" = 1 THEN s."${p}${stem}" ELSE s."${COUNTED_PREFIX[TotalsMode.ALL]}${stem}" END`;
  const countedFigure = (stem: string, as: string) => raw(`COALESCE(${countedColumn(stem)}, 0) AS ${as}`);
  const cohorts = COHORTS.flatMap((c) => {
    const k = COHORT_COLUMNS[c];
    const stem = COHORT_STEM[c];
    return [countedFigure(`Year${stem}`, `y${k}`), countedFigure(`Month${stem}`, `m${k}`)];
  });
  const ytd = raw(COHORTS.map((c) => `COALESCE(${countedColumn(`Year${COHORT_STEM[c]}`)}, 0)`).join(" + "));
  return sql`
    ${
      wholeTree && (coverage.onRoot || coverage.nowhere)
        ? sql`WITH branches AS (SELECT u."id", u."code", u."name", ${reviewedBy(sql`${raw(coverage.nowhere ? "0" : "1")}`)} AS "reviewed" FROM "Unit" u WHERE u."kind" = ${UnitKind.BRANCH}),`
        : sql`WITH RECURSIVE sub("id", "above") AS (
      SELECT "id", ${raw(coverage.aboveRoot ? "1" : "0")} FROM "Unit" WHERE "id" = ${rootId}
      UNION ALL
      SELECT u."id", CASE WHEN sub."above" = 1 OR EXISTS (
        SELECT 1 FROM "Membership" m WHERE m."unitId" = sub."id" AND m."role" = ${Role.COMMITTEE}
      ) THEN 1 ELSE 0 END
      FROM "Unit" u JOIN sub ON u."parentId" = sub."id"
    ),
    branches AS (
      SELECT u."id", u."code", u."name", ${reviewedBy(sql`sub."above"`)} AS "reviewed"
      FROM "Unit" u JOIN sub ON sub."id" = u."id" WHERE u."kind" = ${UnitKind.BRANCH}
    ),`
    }
    -- Not "quota": SQLite's names are case-insensitive, and the table is "Quota".
    qb AS (
      SELECT q."unitId", MAX(CASE WHEN q."cohort" = 'ALL' THEN q."value" END) AS qall, ${quotaCols}
      FROM "Quota" q ${wholeTree ? sql`` : sql`JOIN branches b ON b."id" = q."unitId"`}
      WHERE q."year" = ${period.year}
      GROUP BY q."unitId"
    )
    SELECT b."id", b."code", b."name",
      CASE WHEN s."reported" THEN 1 ELSE 0 END AS reported,
      CASE WHEN s."late" THEN 1 ELSE 0 END AS late,
      s."review" AS review, b."reviewed" AS reviewed,
      ${join(cohorts)},
      ${ytd} AS ytd,
      ${join(DIGEST_COUNT_FIELDS.map((f) => countedFigure(COUNT_STEM[f], count(f))))},
      ${figure("meetings", "meetings")}, ${figure("onRoll", "onroll")}, ${figure("present", "present")}, ${figure("lowAttendance", "low")},
      ${figure("regularMeetings", "regular")}, ${figure("thematicQuarter", "thematic")},
      ${raw(COHORTS.map((c) => `qb.q${COHORT_COLUMNS[c]} AS q${COHORT_COLUMNS[c]}`).join(", "))},
      COALESCE(qb.qall, ${raw(COHORTS.map((c) => `COALESCE(qb.q${COHORT_COLUMNS[c]}, 0)`).join(" + "))}, 0) AS qtotal
    FROM branches b
    LEFT JOIN "BranchMonth" s ON s."unitId" = b."id" AND s."year" = ${period.year} AND s."month" = ${period.month}
    LEFT JOIN qb ON qb."unitId" = b."id"`;
}

const n = (v: unknown): number => (v === null || v === undefined ? 0 : Number(v));
const nOrNull = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));

/**
 * The digest of a unit's subtree for a period, the unit, and where a committee member would review
 * every branch of it (the unit itself, or a branch's parent; null for a branch at the top). Undefined
 * when the unit does not exist.
 */
export async function loadDigest(db: Db, rootId: number, period: Period): Promise<{ root: DigestUnit; digest: Digest; inviteAt: string | null } | undefined> {
  const rootRow = await db.unit.findUnique({ where: { id: rootId }, select: { id: true, code: true, name: true, kind: true, parentId: true } });
  if (!rootRow) return undefined;
  // Rows owed a refresh (a submission whose after-step did not run yet, or never did) are paid before they are read.
  await payDigestRefreshes(db);
  const root = { ...rootRow, kind: rootRow.kind as UnitKind };
  const totals = await totalsModeFor(db, rootId);
  const wholeTree = root.parentId === null && (await db.unit.count({ where: { parentId: null } })) === 1;
  const coverage = await coverageOf(db, rootId);
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
      await tx.$executeRaw(sql`CREATE TEMPORARY TABLE ${table} AS ${perBranch(rootId, period, totals, wholeTree, coverage)}`);
      try {
        return await readDigest(tx as unknown as Db, table, period, totals);
      } finally {
        await tx.$executeRaw(sql`DROP TABLE ${table}`);
      }
    },
    { timeout: 60_000, maxWait: 30_000 },
  );
  const parent = root.kind === UnitKind.BRANCH && root.parentId !== null ? await db.unit.findUnique({ where: { id: root.parentId }, select: { code: true } }) : null;
  return { root, digest, inviteAt: root.kind === UnitKind.COMMITTEE ? root.code : (parent?.code ?? null) };
}

async function coverageOf(db: Db, rootId: number): Promise<Coverage> {
  const people = await committeePeople(db);
  const above = new Set(await ancestorsOf(db, rootId));
  const sits = (where: (unitId: number) => boolean) => people.some((ms) => ms.some((m) => m.role === Role.COMMITTEE && where(m.unitId)));
  return {
    aboveRoot: sits((id) => above.has(id)),
    onRoot: sits((id) => id === rootId),
    nowhere: !sits(() => true),
    selfCovered: await selfCoveredBranches(db, people, rootId),
  };
}

async function readDigest(db: Db, table: Sql, period: Period, totals: TotalsMode): Promise<Digest> {
  const cohortTotals = join(
    COHORTS.map((c) => {
      const k = COHORT_COLUMNS[c];
      // A cohort's committee quota: the sum over branches with a quota that set one for the cohort.
      return raw(`SUM(m${k}) AS m${k}, SUM(y${k}) AS y${k}, SUM(CASE WHEN qtotal > 0 THEN q${k} END) AS q${k}`);
    }),
  );
  const label = (l: ReviewLabel) => sql`SUM(CASE WHEN reported = 1 AND review = ${l} THEN 1 ELSE 0 END)`;
  const labels = sql`${label("approved")} AS approved, ${label("returned")} AS returned,
    ${label("pending")} AS pending, ${label("late-correction")} AS corrections`;
  const [sums] = await db.$queryRaw<Record<string, unknown>[]>(sql`
    SELECT COUNT(*) AS branches, SUM(reported) AS received, SUM(CASE WHEN reported = 1 THEN late ELSE 0 END) AS late, ${labels},
      SUM(CASE WHEN reviewed = 1 THEN 0 ELSE 1 END) AS unreviewed,
      ${cohortTotals},
      SUM(ytd) AS ytd, ${raw(DIGEST_COUNT_FIELDS.map((f) => `SUM(${count(f)}) AS ${count(f)}`).join(", "))},
      SUM(CASE WHEN regular > 0 THEN 1 ELSE 0 END) AS "regularHeld", SUM(CASE WHEN thematic > 0 THEN 1 ELSE 0 END) AS "thematicHeld",
      SUM(meetings) AS meetings, SUM(onroll) AS onroll, SUM(present) AS present, SUM(CASE WHEN low > 0 THEN 1 ELSE 0 END) AS "lowHeld",
      SUM(CASE WHEN qtotal > 0 THEN qtotal ELSE 0 END) AS quota, SUM(CASE WHEN qtotal > 0 THEN 0 ELSE 1 END) AS "branchesWithout"
    FROM ${table}`);
  const names = (where: Sql) => db.$queryRaw<BranchRef[]>(sql`SELECT "id" AS "unitId", "code", "name" FROM ${table} WHERE ${where} ORDER BY "code" LIMIT ${DIGEST_NAMES}`);
  const [missing, withoutRegular, lowAttendance, unreviewed, behindRows] = await Promise.all([
    names(sql`reported = 0`),
    names(sql`regular = 0`),
    names(sql`low > 0`),
    names(sql`reviewed = 0`),
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
    unreviewed: { count: n(s.unreviewed), names: unreviewed.map(ref) },
    admitted: { month, yearToDate },
    quota: { total: quotaTotal, byCohort: quotaByCohort, branchesWithout: n(s.branchesWithout) },
    progress: { total: quotaTotal ? yearToDate.total / quotaTotal : null, byCohort: progressByCohort },
    pipeline: { candidates: n(s.candidates), awarenessClass: n(s.awarenessClass), applicationsInReview: n(s.applicationsInReview) },
    meetings: {
      regularHeld: n(s.regularHeld),
      withoutRegularCount: n(s.branches) - n(s.regularHeld),
      withoutRegular: withoutRegular.map(ref),
      thematicHeldQuarter: n(s.thematicHeld),
      count: n(s.meetings),
      lowAttendanceCount: n(s.lowHeld),
      lowAttendance: lowAttendance.map(ref),
      attendance: onRoll > 0 ? n(s.present) / onRoll : null,
    },
    removed: Object.fromEntries(REMOVAL_FIELDS.map((k) => [k, n(s[k])])) as Digest["removed"],
    furthestBehind: behind,
  };
}
