// Which instances run on this database. An instance alone on it claims a form's update
// with the answer's own write (a read, then the state's conditional write that also moves
// the row's last update id: one write an answer). With another instance about, the claim
// holds the row first (a second write), so that the chat's next update, which Telegram
// may hand to the other instance after a webhook timed out, waits for this one's state
// instead of asking the same question twice (src/store/update-claims.ts).
//
// Each instance renews its row every few seconds and looks at the others' every second.
// Until its first look, and whenever a look fails, it takes itself for not alone: the
// hold costs a write, going without it when another instance runs could cost a repeated
// question. An instance started meanwhile is noticed within a second; in that second a
// race costs at most a question shown twice, never an answer (the version still guards).
import { randomUUID } from "node:crypto";
import { driverOf, type Db } from "../db/client.js";
import type { Logger } from "../log.js";
import { run } from "./update-claims.js";

/** How long a row vouches for its instance without a renewal. */
export const PRESENCE_TTL_MS = 15_000;
const RENEW_EVERY_MS = 5_000;
const LOOK_EVERY_MS = 1_000;

export class InstancePresence {
  /** This instance, as its row names it (a random id, not a secret). */
  readonly id = `instance-${randomUUID()}`;
  private othersSeen = true;
  private timer: NodeJS.Timeout | undefined;
  private renewedAt = 0;
  private failing = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
  ) {}

  /** Whether no other instance was seen at the last look. */
  get alone(): boolean {
    return !this.othersSeen;
  }

  /** Before updates are taken: this instance's row, and a first look at the others. */
  async start(): Promise<void> {
    // Rows of instances that died long ago (a failure here is the first look's to report).
    await driverOf(this.db)
      .then((driver) => run(driver, "presence-purge", `DELETE FROM "InstancePresence" WHERE "seenUntil" < ?`, [BigInt(Date.now() - PRESENCE_TTL_MS)]))
      .catch(() => undefined);
    await this.look();
    this.timer = setInterval(() => void this.look(), LOOK_EVERY_MS).unref();
  }

  /** Renews this instance's row when due, and counts the others' that have not run out. */
  async look(): Promise<void> {
    try {
      const driver = await driverOf(this.db);
      const now = Date.now();
      if (now - this.renewedAt >= RENEW_EVERY_MS) {
        await run(
          driver,
          "presence-renew",
          `INSERT INTO "InstancePresence" ("id", "seenUntil") VALUES (?, ?) ON CONFLICT ("id") DO UPDATE SET "seenUntil" = excluded."seenUntil"`,
          [this.id, BigInt(now + PRESENCE_TTL_MS)],
        );
        this.renewedAt = now;
      }
      const [row] = await run(driver, "presence-others", `SELECT COUNT(*) AS "others" FROM "InstancePresence" WHERE "id" <> ? AND "seenUntil" > ?`, [this.id, BigInt(now)]);
      const others = Number(row?.others ?? 1) > 0;
      if (others !== this.othersSeen) this.log.info({ others }, others ? "another instance runs on this database: form updates hold their row" : "alone on this database: one write an answer");
      this.othersSeen = others;
      this.failing = false;
    } catch (err) {
      this.othersSeen = true;
      if (!this.failing) this.log.warn({ err }, "could not look for other instances: taken as not alone until a look succeeds");
      this.failing = true;
    }
  }

  /** At a stop: the row goes, so that an instance left alone knows it at its next look. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.othersSeen = true;
    try {
      await run(await driverOf(this.db), "presence-leave", `DELETE FROM "InstancePresence" WHERE "id" = ?`, [this.id]);
    } catch (err) {
      this.log.warn({ err }, "could not remove this instance's presence: it runs out by itself");
    }
  }
}
