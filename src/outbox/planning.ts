// The planner's own state in the database: how far occasions have been planned
// (the last tick), and, on PostgreSQL, whose turn it is to plan.
import { providerOf, type Db } from "../db/client.js";
import { pgLockKey } from "../db/pg-locks.js";

const LAST_TICK_KEY = "scheduler.lastTick";

/** When the last tick planned up to; undefined on a first start. */
export async function lastTick(db: Db): Promise<Date | undefined> {
  const stored = await db.setting.findUnique({ where: { key: LAST_TICK_KEY } });
  return stored ? new Date(JSON.parse(stored.value) as string) : undefined;
}

export async function recordTick(db: Db, now: Date): Promise<void> {
  const value = JSON.stringify(now.toISOString());
  await db.setting.upsert({
    where: { key: LAST_TICK_KEY },
    create: { key: LAST_TICK_KEY, value, updatedBy: 0n, updatedAt: now },
    update: { value, updatedAt: now },
  });
}

/**
 * On PostgreSQL, instances sharing the database plan in turn: the one holding
 * the lock plans, the others skip this minute (planning is idempotent anyway,
 * by the occasion's key, so this saves work rather than guarding correctness).
 * Returns false when another instance held the lock. SQLite serves one instance.
 */
export async function oneInstanceAtATime(db: Db, task: () => Promise<void>): Promise<boolean> {
  if (providerOf(db) !== "postgresql") {
    await task();
    return true;
  }
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRawUnsafe<{ locked: boolean }[]>(`SELECT pg_try_advisory_xact_lock(${pgLockKey("planning")}) AS locked`);
      if (!row?.locked) return false;
      await task();
      return true;
    },
    { timeout: 120_000, maxWait: 30_000 },
  );
}
