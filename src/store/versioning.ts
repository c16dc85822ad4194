// Records that are amended, never overwritten: each change is a new version and
// the one it replaces is marked superseded. Shared by reports and minutes.
import type { Db } from "../db/client.js";
import { Prisma } from "../db/generated/client.js";

type Tx = Prisma.TransactionClient;

export type VersionResult = { status: "ok"; version: number } | { status: "conflict" };

/**
 * Writes version `baseVersion + 1` if the current version is still `baseVersion`
 * (0: none yet). If someone else wrote a version since, nothing is written.
 */
export async function writeNextVersion(
  db: Db,
  baseVersion: number,
  ops: {
    currentVersion(tx: Tx): Promise<number>;
    supersede(tx: Tx, version: number): Promise<unknown>;
    create(tx: Tx, version: number): Promise<unknown>;
  },
): Promise<VersionResult> {
  try {
    return await db.$transaction(async (tx) => {
      const current = await ops.currentVersion(tx);
      if (current !== baseVersion) return { status: "conflict" as const };
      if (current > 0) await ops.supersede(tx, current);
      await ops.create(tx, current + 1);
      return { status: "ok" as const, version: current + 1 };
    });
  } catch (e) {
    // Two writers read the same current version at once (possible on PostgreSQL):
    // the unique (…, version) index lets one through and refuses the other.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return { status: "conflict" };
    throw e;
  }
}
