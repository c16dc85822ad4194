// The conversations plugin's storage (one row of ConversationState a chat with an open
// form, the same JSON as @grammyjs/storage-prisma wrote) through the driver's prepared
// statements. The row an update claimed (update-claims.ts) already carries the state:
// the plugin's read of it costs no statement, and its write is the answer's one write.
//
// Every write is conditional on the version read with the state: two instances that
// handled the same chat at once (a webhook timed out, Telegram sent the next update
// elsewhere) cannot overwrite each other. The one that comes second gets a
// FormStateConflict, and the update is run again on the state the other one left
// (src/bot/middleware/dedup.ts): never dropped, never applied to a stale form.
import type { Db, Driver } from "../db/client.js";
import { driverOf } from "../db/client.js";
import { claimUpdate, FORM_HOLD_MS, run, stamp, type Claim } from "./update-claims.js";

/** The chat's form changed since this update read it: the update must be run again on the new state. */
export class FormStateConflict extends Error {
  constructor(readonly key: string) {
    super("the form's state was changed by another instance meanwhile");
    this.name = "FormStateConflict";
  }
}

/** The update was handled by another instance meanwhile (its write moved the row past it): nothing more to do. */
export class FormUpdateTaken extends Error {
  constructor(readonly key: string) {
    super("another instance handled this update meanwhile");
    this.name = "FormUpdateTaken";
  }
}

/** What this instance knows of a chat's row while one of its updates is handled. */
interface Known {
  /** The update being handled (undefined: the store used without a claim). */
  updateId: number | undefined;
  /** Whether `value` is the row as it stands (else the plugin's read asks the database). */
  known: boolean;
  value: string | undefined;
  /** The version read with `value`; null: there was no row; undefined: not read. */
  version: number | null | undefined;
  /** The claim holds the row (heldUntil) until a write or the release. */
  holding: boolean;
  /** The claim only read the row: the next write (or the release) moves its last update id. */
  byWrite: boolean;
}

/** `T`: the plugin's stored shape, which this store keeps as JSON without looking into it. */
export class FormStateStore<T = unknown> {
  private readonly rows = new Map<string, Known>();

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
    private readonly holdMs = FORM_HOLD_MS,
    /** Whether no other instance runs on the database (instance-presence.ts): then an answer is claimed by its write. */
    private readonly alone: () => boolean = () => false,
  ) {}

  private driver(): Promise<Driver> {
    return driverOf(this.db);
  }

  /** Takes the update on (update-claims.ts); until `release`, the plugin reads the state the claim returned. */
  async claim(updateId: number, formKey: string | undefined): Promise<Claim> {
    const claim = await claimUpdate(await this.driver(), updateId, formKey, this.clock(), this.holdMs, this.alone());
    if (claim.taken && formKey !== undefined) {
      const known = claim.form || claim.noForm;
      const byWrite = claim.byWrite === true;
      this.rows.set(formKey, { updateId, known, value: claim.value, version: claim.form ? claim.version : known ? null : undefined, holding: claim.form && !byWrite, byWrite });
    }
    return claim;
  }

  /** Before the update runs again after a FormStateConflict: the plugin's read fetches the row as it is now. */
  reread(formKey: string, updateId: number): void {
    const held = this.rows.get(formKey);
    this.rows.set(formKey, { updateId, known: false, value: undefined, version: undefined, holding: held?.holding ?? false, byWrite: held?.byWrite ?? false });
  }

  /** At the end of the update: a hold its write did not end is given up, and the next update reads afresh. */
  async release(formKey: string): Promise<void> {
    const held = this.rows.get(formKey);
    this.rows.delete(formKey);
    if (held?.holding && held.updateId !== undefined) {
      await run(await this.driver(), "form-unhold", `UPDATE "ConversationState" SET "heldUntil" = NULL WHERE "key" = ? AND "lastUpdateId" = ?`, [formKey, BigInt(held.updateId)]);
    }
    // Claimed by a read, and the state was not written (an update the form let pass): the
    // update is still taken on, so that its redelivery is known.
    if (held?.byWrite && held.updateId !== undefined) {
      const driver = await this.driver();
      const id = BigInt(held.updateId);
      await run(driver, "form-claim-late", `UPDATE "ConversationState" SET "lastUpdateId" = ?, "updatedAt" = ? WHERE "key" = ? AND ("lastUpdateId" IS NULL OR "lastUpdateId" < ?)`, [
        id,
        stamp(driver, this.clock()),
        formKey,
        id,
      ]);
    }
  }

  private entry(key: string): Known {
    let known = this.rows.get(key);
    if (!known) this.rows.set(key, (known = { updateId: undefined, known: false, value: undefined, version: undefined, holding: false, byWrite: false }));
    return known;
  }

  /** The storage adapter for conversations({ storage: { type: "key", adapter } }). */
  readonly adapter = {
    read: async (key: string): Promise<T | undefined> => {
      const known = this.entry(key);
      if (!known.known) {
        const [row] = await run(await this.driver(), "form-read", `SELECT "value", "version", "lastUpdateId" AS "last" FROM "ConversationState" WHERE "key" = ?`, [key]);
        // Read again after a refused write: another instance's write took this very update on. (A
        // later update's id there says only that one was handled: this one is run again.)
        if (known.byWrite && known.updateId !== undefined && row?.last != null && BigInt(row.last as string | bigint) === BigInt(known.updateId)) {
          known.byWrite = false;
          throw new FormUpdateTaken(key);
        }
        // ... or took it on and closed the form (form-delete-claim below).
        if (known.byWrite && known.updateId !== undefined && !row) {
          const [seen] = await run(await this.driver(), "form-claim-seen", `SELECT 1 AS "seen" FROM "ProcessedUpdate" WHERE "updateId" = ?`, [BigInt(known.updateId)]);
          if (seen) {
            known.byWrite = false;
            throw new FormUpdateTaken(key);
          }
        }
        Object.assign(known, { known: true, value: row ? String(row.value) : undefined, version: row ? Number(row.version) : null });
      }
      return known.value ? (JSON.parse(known.value) as T) : undefined;
    },
    write: async (key: string, data: T): Promise<void> => {
      const driver = await this.driver();
      const known = this.entry(key);
      const value = JSON.stringify(data);
      const at = stamp(driver, this.clock());
      const updateId = known.updateId === undefined ? null : BigInt(known.updateId);
      let written: Record<string, unknown> | undefined;
      if (known.version === undefined) {
        // Written without a read first (not what the plugin does): as the row comes.
        [written] = await run(
          driver,
          "form-upsert",
          `INSERT INTO "ConversationState" ("key", "value", "updatedAt", "lastUpdateId") VALUES (?, ?, ?, ?) ` +
            `ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt", "version" = "ConversationState"."version" + 1 RETURNING "version"`,
          [key, value, at, updateId],
        );
      } else if (known.version === null) {
        // A form opened: the update that opened it is the row's last one handled, so its
        // redelivery is recognised by it. A row already there was opened by another instance.
        [written] = await run(
          driver,
          "form-insert",
          `INSERT INTO "ConversationState" ("key", "value", "updatedAt", "lastUpdateId") VALUES (?, ?, ?, ?) ON CONFLICT ("key") DO NOTHING RETURNING "version"`,
          [key, value, at, updateId],
        );
      } else if (known.byWrite) {
        // The claim only read the row: this write takes the update on, in the same statement.
        [written] = await run(
          driver,
          "form-write-claim",
          // Never back: after a refused write, another instance may have handled a later update.
          `UPDATE "ConversationState" SET "value" = ?, "updatedAt" = ?, "version" = "version" + 1, ` +
            `"lastUpdateId" = CASE WHEN "lastUpdateId" IS NULL OR "lastUpdateId" < ? THEN ? ELSE "lastUpdateId" END WHERE "key" = ? AND "version" = ? RETURNING "version"`,
          [value, at, updateId, updateId, key, known.version],
        );
      } else {
        // The claim already moved lastUpdateId; the hold ends with the write, unless a later
        // update (another instance's, after this hold ran out) holds the row now.
        [written] = await run(
          driver,
          "form-write",
          `UPDATE "ConversationState" SET "value" = ?, "updatedAt" = ?, "version" = "version" + 1, ` +
            `"heldUntil" = CASE WHEN "lastUpdateId" = ? THEN NULL ELSE "heldUntil" END WHERE "key" = ? AND "version" = ? RETURNING "version"`,
          [value, at, updateId, key, known.version],
        );
      }
      if (!written) throw new FormStateConflict(key);
      Object.assign(known, { known: true, value, version: Number(written.version), holding: false, byWrite: false });
    },
    delete: async (key: string): Promise<void> => {
      const driver = await this.driver();
      const known = this.entry(key);
      if (known.version === undefined || known.version === null) {
        await run(driver, "form-delete", `DELETE FROM "ConversationState" WHERE "key" = ?`, [key]);
      } else {
        const [gone] = await run(driver, "form-delete-version", `DELETE FROM "ConversationState" WHERE "key" = ? AND "version" = ? RETURNING "key"`, [key, known.version]);
        if (!gone) throw new FormStateConflict(key);
      }
      // The form's row took this update on; with the row gone, a redelivery of the form's
      // last answer is recognised by a ProcessedUpdate row instead.
      if (known.updateId !== undefined) {
        await run(driver, "form-delete-claim", `INSERT INTO "ProcessedUpdate" ("updateId", "receivedAt") VALUES (?, ?) ON CONFLICT DO NOTHING`, [
          BigInt(known.updateId),
          stamp(driver, this.clock()),
        ]);
      }
      Object.assign(known, { known: true, value: undefined, version: null, holding: false, byWrite: false });
    },
  };
}
