// Each update is handled once, however often it arrives: Telegram redelivers
// a webhook update it got no answer for, a poller that crashed before
// confirming its offset fetches a batch again, and several instances may share
// one database. The update id is claimed with an insert; a second delivery hits
// the primary key and is skipped.
//
// Claimed before handling, not after: an update that fails half-way is not
// handled again (the update boundary has already told the person), which is
// safer for forms and sends than handling it twice.
import type { Context, MiddlewareFn } from "grammy";
import type { Db } from "../../db/client.js";
import { Prisma } from "../../db/generated/client.js";
import { markSkipped } from "./update-boundary.js";

/**
 * Telegram keeps an undelivered update for 24 hours at most, so a duplicate
 * cannot come later than that; two days leaves a margin and keeps the table
 * small. Shorter than a week on purpose: after a week without updates Telegram
 * picks the next update id at random, and old ids should be gone by then.
 */
export const PROCESSED_UPDATE_RETENTION_MS = 2 * 86_400_000;

export function dedupUpdates(db: Db, clock: () => Date): MiddlewareFn<Context> {
  return async (ctx, next) => {
    try {
      await db.processedUpdate.create({ data: { updateId: BigInt(ctx.update.update_id), receivedAt: clock() } });
    } catch (e) {
      if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") {
        markSkipped(ctx, "duplicate");
        return;
      }
      throw e;
    }
    await next();
  };
}

/** Forgets updates older than the retention; returns how many rows went. */
export async function purgeProcessedUpdates(db: Db, now: Date): Promise<number> {
  const { count } = await db.processedUpdate.deleteMany({
    where: { receivedAt: { lt: new Date(now.getTime() - PROCESSED_UPDATE_RETENTION_MS) } },
  });
  return count;
}
