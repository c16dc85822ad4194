// A report's submission in one transaction of the driver's prepared statements
// (src/store/driver-transaction.ts): one statement reads everything the rules ask
// (the sender's roles in the branch and whether a delegation is in force, the month's
// current version, whether the month is closed, who reviews the branch), the caller's
// rules decide, and the writes follow: the version replaced, the new one, what the caller
// writes with it (its review cards: the outbox's job and deliveries, sent after the receipt), and the branch's
// digest rows owed a refresh (paid after the receipt, src/store/digest-refresh.ts).
// Prisma's interactive transaction cost the same work twice as many statements on
// SQLite, each several times a prepared one (issue 13).
import { driverOf, type Db, type Driver } from "../db/client.js";
import type { ReportFigures } from "../domain/report.js";
import { oweDigestRefreshStatement } from "./digest-refresh.js";
import { inDriverTransaction, isUniqueViolation, type Row, type Statement, type Steps } from "./driver-transaction.js";
import { createReportStatement, CURRENT_VERSION_SQL, supersedeStatement, type ReportKey } from "./reports.js";
import { REVIEWERS_ARGS, REVIEWERS_SQL } from "./reviewers.js";
import { UNIT_CHAIN } from "./units.js";

/** What the rules are asked about, read in the transaction that stores the version. */
export interface FilingFacts {
  /** The sender's roles in the branch itself (filing rights come from no other). */
  roles: string[];
  /** A delegation of the branch's secretary is in force today. */
  delegated: boolean;
  /** The month's current version, 0 for none. */
  current: number;
  /** The month is closed (/khoaso) on the branch or a unit above it. */
  closed: boolean;
  /** Telegram ids of whoever reviews the branch's records (reviewerChatIds). */
  reviewers: bigint[];
}

/** What the rules make of the facts: nothing stored (and why), or the version written. */
export type FilingDecision<R> =
  | { status: "refused"; why: R }
  | { status: "conflict" }
  /** A closed month's amendment without a reason: nothing stored, the reason is asked. */
  | { status: "reason-needed" }
  /** `alongside`: the writes that go with the version (its review cards, src/outbox/review-notices.ts). */
  | { status: "write"; correctionReason: string | null; alongside: (driver: Driver, reportId: number) => Statement[] };

export type FilingOutcome<R> = Exclude<FilingDecision<R>, { status: "write" }> | { status: "ok"; version: number };

export interface VersionToFile extends ReportKey {
  telegramId: number;
  /** The sender's User.id, the version's author. */
  userId: number;
  /** Today in the deployment's time zone (YYYY-MM-DD): which delegations are in force. */
  today: string;
  figures: ReportFigures;
  late: boolean;
  now: Date;
}

/** The one read: rows of ("kind", "text", "num"), a kind per fact. */
function factsStatement(v: VersionToFile): Statement {
  return {
    name: "report-file-facts",
    text:
      `WITH RECURSIVE ${UNIT_CHAIN} ` +
      `SELECT 'role' AS "kind", m."role" AS "text", CAST(NULL AS BIGINT) AS "num" FROM "Membership" m JOIN "User" p ON p."id" = m."userId" ` +
      `WHERE p."telegramId" = ? AND m."unitId" = ? ` +
      `UNION ALL SELECT 'delegated', NULL, NULL FROM "Delegation" d ` +
      `WHERE d."unitId" = ? AND d."revokedAt" IS NULL AND d."startsOn" <= ? AND (d."endsOn" IS NULL OR d."endsOn" >= ?) ` +
      `UNION ALL SELECT 'version', NULL, c."version" FROM (${CURRENT_VERSION_SQL}) c ` +
      `UNION ALL SELECT 'closed', NULL, NULL FROM "PeriodLock" l WHERE l."unitId" IN (SELECT "id" FROM up) AND l."year" = ? AND l."month" = ? ` +
      `UNION ALL SELECT 'reviewer', NULL, r."telegramId" FROM (${REVIEWERS_SQL}) r`,
    args: [
      v.unitId,
      BigInt(v.telegramId),
      v.unitId,
      v.unitId,
      v.today,
      v.today,
      // The current version, then the locks on the chain.
      v.unitId,
      v.year,
      v.month,
      v.year,
      v.month,
      ...REVIEWERS_ARGS(v.unitId),
    ],
  };
}

function factsOf(rows: Row[]): FilingFacts {
  const of = (kind: string) => rows.filter((r) => r.kind === kind);
  const version = of("version")[0];
  return {
    roles: of("role").map((r) => String(r.text)),
    delegated: of("delegated").length > 0,
    current: version ? Number(version.num) : 0,
    closed: of("closed").length > 0,
    reviewers: of("reviewer").map((r) => BigInt(r.num as bigint | number | string)),
  };
}

/**
 * Writes version current + 1 of the month's report if `decide` says so. Two writers that read the
 * same current version at once (possible on PostgreSQL): the unique (…, version) index lets one
 * through and the other gets a conflict.
 */
export async function fileReportVersion<R>(db: Db, v: VersionToFile, decide: (facts: FilingFacts) => FilingDecision<R>): Promise<FilingOutcome<R>> {
  const driver = await driverOf(db);
  function* steps(): Steps<FilingOutcome<R>> {
    const facts = factsOf(yield factsStatement(v));
    const decision = decide(facts);
    if (decision.status !== "write") return decision;
    const version = facts.current + 1;
    if (facts.current > 0) yield supersedeStatement(driver, v, facts.current, v.now);
    const [row] = yield createReportStatement(driver, { ...v, version, correctionReason: decision.correctionReason });
    for (const s of decision.alongside(driver, Number(row!.id))) yield s;
    yield oweDigestRefreshStatement(driver, v.unitId, v.year, v.now);
    return { status: "ok", version };
  }
  try {
    return await inDriverTransaction(driver, steps);
  } catch (e) {
    if (isUniqueViolation(e)) return { status: "conflict" };
    throw e;
  }
}
