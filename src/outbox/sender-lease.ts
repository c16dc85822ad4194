// One sender at a time across instances: each instance's Bot API client keeps its own
// throttle (Telegram's ~30 messages a second), so two instances draining at once would
// send at twice the rate and earn 429s. The instance that holds this row's lease drains;
// the others wait until it gives the lease back (at the end of its drain) or lets it run
// out (it died, or stalled for longer than the lease). One row, the same statements on
// SQLite (several processes on one file) and PostgreSQL; measured by the wall clock.
//
// Deliveries keep their own claims (claims.ts): the lease is about the rate, the claims
// about each message going once.
import { randomUUID } from "node:crypto";
import { driverOf, type Db } from "../db/client.js";
import { run } from "../store/update-claims.js";

/** How long the lease lasts without a renewal; renewed every third of it while draining. */
export const SENDER_LEASE_MS = 10_000;
const NAME = "outbox";

export class SenderLease {
  /** This instance, as the row names it (not a secret: a random id). */
  readonly holder = `sender-${randomUUID()}`;
  private renewedAt = 0;
  private renewing: Promise<boolean> | undefined;

  constructor(
    private readonly db: Db,
    readonly leaseMs = SENDER_LEASE_MS,
  ) {}

  /** Takes the lease when it is free, has run out, or is this instance's already; true when it is this instance's. */
  async take(): Promise<boolean> {
    const now = Date.now();
    const rows = await run(
      await driverOf(this.db),
      "sender-lease-take",
      `INSERT INTO "SenderLease" ("name", "holder", "expiresAt") VALUES (?, ?, ?) ` +
        `ON CONFLICT ("name") DO UPDATE SET "holder" = excluded."holder", "expiresAt" = excluded."expiresAt" ` +
        `WHERE "SenderLease"."holder" = excluded."holder" OR "SenderLease"."expiresAt" <= ? RETURNING "holder"`,
      [NAME, this.holder, BigInt(now + this.leaseMs), BigInt(now)],
    );
    if (rows.length > 0) this.renewedAt = now;
    return rows.length > 0;
  }

  /** While draining, before each delivery: renews the lease when a third of it has passed; false when another instance has it now. */
  keep(): Promise<boolean> {
    if (Date.now() - this.renewedAt < this.leaseMs / 3) return Promise.resolve(true);
    this.renewing ??= this.take().finally(() => (this.renewing = undefined));
    return this.renewing;
  }

  /** At the end of a drain: another instance may take the lease at once. */
  async give(): Promise<void> {
    this.renewedAt = 0;
    await run(await driverOf(this.db), "sender-lease-give", `UPDATE "SenderLease" SET "expiresAt" = 0 WHERE "name" = ? AND "holder" = ?`, [NAME, this.holder]);
  }
}
