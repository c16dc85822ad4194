// Digest rows owed a refresh (DigestRefresh, prisma/schema.prisma). A submission
// writes the owed row in its own transaction instead of rewriting the branch's
// twelve BranchMonth rows there, so that its receipt is not kept waiting; the
// refresh is paid right after the receipt (the outbox's kick), and by whoever
// comes next if that never happens (a crash): every start, every scheduler tick
// and every digest read pays what is owed first. Paying deletes the owed row in
// the transaction that rewrites the rows, so each owed refresh is paid once.
import { driverOf, type Db, type Driver } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { refreshBranchMonthsSteps } from "./branch-months.js";
import { inDriverTransaction, type Statement, type Steps } from "./driver-transaction.js";
import { run, stamp } from "./update-claims.js";

/**
 * Records, in the caller's transaction, that a branch's rows for `year` are owed a refresh.
 * An upsert rather than "insert unless present": updating a row already owed locks it, so a
 * payer deleting it at the same moment waits for this transaction and then reads its records.
 */
export async function oweDigestRefresh(tx: Prisma.TransactionClient, unitId: number, year: number, now: Date): Promise<void> {
  await tx.digestRefresh.upsert({
    where: { unitId_year: { unitId, year } },
    create: { unitId, year, owedAt: now },
    update: { owedAt: now },
    select: { unitId: true },
  });
}

/** oweDigestRefresh as a driver's statement, for a transaction sent without Prisma (src/store/driver-transaction.ts). */
export function oweDigestRefreshStatement(driver: Driver, unitId: number, year: number, now: Date): Statement {
  return {
    name: "digest-owe",
    text: `INSERT INTO "DigestRefresh" ("unitId", "year", "owedAt") VALUES (?, ?, ?) ON CONFLICT ("unitId", "year") DO UPDATE SET "owedAt" = excluded."owedAt"`,
    args: [unitId, year, stamp(driver, now)],
  };
}

/**
 * Pays every refresh owed now; returns how many this call paid (another payer's are not counted).
 * Through the driver's prepared statements (it runs right after every submission's receipt): one
 * read of what is owed, then for each a transaction that deletes its row and, if it was still
 * there, rewrites the branch's rows for the year in the database (refreshBranchMonthsSteps).
 */
export async function payDigestRefreshes(db: Db): Promise<number> {
  const driver = await driverOf(db);
  const owed = await run(driver, "digest-owed", `SELECT "unitId", "year" FROM "DigestRefresh" ORDER BY "unitId", "year"`, []);
  let paid = 0;
  for (const row of owed) {
    if (await inDriverTransaction(driver, () => payOne(driver, Number(row.unitId), Number(row.year)))) paid++;
  }
  return paid;
}

function* payOne(driver: Driver, unitId: number, year: number): Steps<boolean> {
  const taken = yield { name: "digest-take", text: `DELETE FROM "DigestRefresh" WHERE "unitId" = ? AND "year" = ? RETURNING "unitId"`, args: [unitId, year] };
  // Gone: another payer (a kick, a tick, another instance) took it first.
  if (taken.length === 0) return false;
  yield* refreshBranchMonthsSteps(driver, unitId, year);
  return true;
}

/**
 * `pay` run by one caller at a time in this process: a call while it runs makes it run once
 * more afterwards (what was owed meanwhile is paid too), rather than racing it for the same rows.
 */
export function coalesced(pay: () => Promise<unknown>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await pay();
      } while (again);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };
}
