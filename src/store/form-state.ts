// The conversations plugin's storage (one row of ConversationState a chat with an open
// form, the same JSON as @grammyjs/storage-prisma wrote) through the driver's prepared
// statements. The row an update claimed (update-claims.ts) already carries the state:
// the plugin's read of it costs no statement, and its write is the answer's one write.
import type { Db, Driver } from "../db/client.js";
import { driverOf } from "../db/client.js";
import { claimUpdate, run, stamp, type Claim } from "./update-claims.js";

/** What an update's claim left for the plugin: the state it read and the update's id. */
interface Claimed {
  updateId: number;
  /** Whether `value` is the row as it stands (else the plugin's read asks the database). */
  known: boolean;
  value: string | undefined;
}

/** `T`: the plugin's stored shape, which this store keeps as JSON without looking into it. */
export class FormStateStore<T = unknown> {
  private readonly claimed = new Map<string, Claimed>();

  constructor(
    private readonly db: Db,
    private readonly clock: () => Date,
  ) {}

  private driver(): Promise<Driver> {
    return driverOf(this.db);
  }

  /** Takes the update on (update-claims.ts); until `release`, the plugin reads the state the claim returned. */
  async claim(updateId: number, formKey: string | undefined): Promise<Claim> {
    const claim = await claimUpdate(await this.driver(), updateId, formKey, this.clock());
    if (claim.taken && formKey !== undefined) this.claimed.set(formKey, { updateId, known: claim.form || claim.noForm, value: claim.value });
    return claim;
  }

  /** At the end of the update: the next one reads afresh. */
  release(formKey: string): void {
    this.claimed.delete(formKey);
  }

  /** The storage adapter for conversations({ storage: { type: "key", adapter } }). */
  readonly adapter = {
    read: async (key: string): Promise<T | undefined> => {
      const known = this.claimed.get(key);
      let value = known?.value;
      if (!known?.known) {
        const [row] = await run(await this.driver(), "form-read", `SELECT "value" FROM "ConversationState" WHERE "key" = ?`, [key]);
        value = row ? String(row.value) : undefined;
      }
      return value ? (JSON.parse(value) as T) : undefined;
    },
    write: async (key: string, data: T): Promise<void> => {
      const driver = await this.driver();
      const known = this.claimed.get(key);
      const value = JSON.stringify(data);
      // The update that wrote it is the row's last one handled: its redelivery is recognised by it.
      await run(
        driver,
        "form-write",
        `INSERT INTO "ConversationState" ("key", "value", "updatedAt", "lastUpdateId") VALUES (?, ?, ?, ?) ` +
          `ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value", "updatedAt" = excluded."updatedAt", "lastUpdateId" = COALESCE(excluded."lastUpdateId", "ConversationState"."lastUpdateId")`,
        [key, value, stamp(driver, this.clock()), known ? BigInt(known.updateId) : null],
      );
      if (known) Object.assign(known, { known: true, value });
    },
    delete: async (key: string): Promise<void> => {
      const driver = await this.driver();
      const known = this.claimed.get(key);
      await run(driver, "form-delete", `DELETE FROM "ConversationState" WHERE "key" = ?`, [key]);
      // The form's row took this update on; with the row gone, a redelivery of the form's
      // last answer is recognised by a ProcessedUpdate row instead.
      if (known) {
        await run(driver, "form-delete-claim", `INSERT INTO "ProcessedUpdate" ("updateId", "receivedAt") VALUES (?, ?) ON CONFLICT DO NOTHING`, [
          BigInt(known.updateId),
          stamp(driver, this.clock()),
        ]);
      }
      if (known) Object.assign(known, { known: true, value: undefined });
    },
  };
}
