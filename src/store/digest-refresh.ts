// Digest rows owed a refresh (DigestRefresh, prisma/schema.prisma). A submission
// writes the owed row in its own transaction instead of rewriting the branch's
// twelve BranchMonth rows there, so that its receipt is not kept waiting; the
// refresh is paid right after the receipt (the outbox's kick), and by whoever
// comes next if that never happens (a crash): every start, every scheduler tick
// and every digest read pays what is owed first. Paying deletes the owed row in
// the transaction that rewrites the rows, so each owed refresh is paid once.
import { providerOf, type Db, type Driver, type Provider } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { refreshBranchMonths } from "./branch-months.js";
import type { Statement } from "./driver-transaction.js";
import { stamp } from "./update-claims.js";

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

/** Pays every refresh owed now; returns how many this call paid (another payer's are not counted). */
export async function payDigestRefreshes(db: Db, provider: Provider = providerOf(db)): Promise<number> {
  const owed = await db.digestRefresh.findMany({ select: { unitId: true, year: true } });
  let paid = 0;
  for (const { unitId, year } of owed) {
    const done = await db.$transaction(async (tx) => {
      // Gone: another payer (a kick, a tick, another instance) took it first.
      if ((await tx.digestRefresh.deleteMany({ where: { unitId, year } })).count === 0) return false;
      await refreshBranchMonths(tx, provider, unitId, year);
      return true;
    });
    if (done) paid++;
  }
  return paid;
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
