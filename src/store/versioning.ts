// Records that are amended, never overwritten: each change is a new version and
// the one it replaces is marked superseded. Shared by reports and minutes.
import type { Db } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";

type Tx = Prisma.TransactionClient;

export type VersionResult<R = never> = { status: "ok"; version: number } | { status: "conflict" } | { status: "refused"; why: R };

/**
 * Writes version `baseVersion + 1` if the current version is still `baseVersion`
 * (0: none yet). If someone else wrote a version since, nothing is written; nor
 * when `refusal` gives a reason (the writer's rights, read in the same transaction).
 */
export async function writeNextVersion<R = never>(
  db: Db,
  baseVersion: number,
  ops: {
    refusal?(tx: Tx): Promise<R | undefined>;
    currentVersion(tx: Tx): Promise<number>;
    supersede(tx: Tx, version: number): Promise<unknown>;
    create(tx: Tx, version: number): Promise<unknown>;
  },
): Promise<VersionResult<R>> {
  try {
    return await db.$transaction(async (tx): Promise<VersionResult<R>> => {
      const why = await ops.refusal?.(tx);
      if (why !== undefined) return { status: "refused", why };
      const current = await ops.currentVersion(tx);
      if (current !== baseVersion) return { status: "conflict" };
      if (current > 0) await ops.supersede(tx, current);
      await ops.create(tx, current + 1);
      return { status: "ok", version: current + 1 };
    });
  } catch (e) {
    // Two writers read the same current version at once (possible on PostgreSQL):
    // the unique (…, version) index lets one through and refuses the other.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { status: "conflict" };
    throw e;
  }
}
