// Invites made before codes were hashed: the migration 20261201100000_secrets_at_rest
// renamed the column to codeHash, but SQL cannot hash on SQLite (no sha256
// function) nor on every PostgreSQL (pgcrypto may not be installed), so their
// codes are hashed here, in JavaScript, and still open the same invites.
import { inviteCodeHash } from "../domain/invite.js";
import type { Db } from "./client.js";

export const SECRETS_AT_REST_MIGRATION = "20261201100000_secrets_at_rest";

/**
 * Hashes every code still stored as it was typed; returns how many. Safe to
 * run again: a hash is 64 characters, and the codes older versions stored were
 * always 22 (16 random bytes in base64url), so no row is hashed twice.
 */
export async function hashLegacyInviteCodes(db: Db): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ id: number | bigint; codeHash: string }[]>(
    `SELECT "id", "codeHash" FROM "Invite" WHERE length("codeHash") <> 64`,
  );
  for (const row of rows) {
    await db.invite.update({ where: { id: Number(row.id) }, data: { codeHash: inviteCodeHash(row.codeHash) } });
  }
  return rows.length;
}

/**
 * SQLite keeps deleted and overwritten values in free pages and in the WAL
 * until they are reused, and a backup copies every page: VACUUM rewrites the
 * file from live rows only, and the checkpoint empties the WAL. (PostgreSQL's
 * old row versions go with autovacuum, and pg_dump copies live rows only.)
 */
export async function scrubSqliteFile(db: Db): Promise<void> {
  await db.$executeRawUnsafe("VACUUM");
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
}
