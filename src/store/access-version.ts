// Everyone's roles have one version (the AccessVersion row): each instance keeps the
// people's roles in memory while it stays the same (src/bot/middleware/actor.ts) and
// reads it with the claim every update makes anyway (update-claims.ts). A removed
// person therefore loses their rights on every instance with their next update.
import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";

/**
 * Call in the same transaction as any write to Membership or Delegation (a role given,
 * taken back, handed over): the one place that tells every instance to read roles afresh.
 */
export async function rolesChanged(tx: Db | Prisma.TransactionClient): Promise<void> {
  await tx.$executeRaw`UPDATE "AccessVersion" SET "version" = "version" + 1 WHERE "id" = 1`;
}
