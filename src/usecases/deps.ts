// What a use case may reach: the database, the clock, the settings it reads, and
// the outbox's "send now". Handlers pass theirs (src/bot/context.ts AppDeps).
import type { Config } from "../config.js";
import type { Db } from "../db/client.js";

export type Clock = () => Date;

export interface Outbox {
  /** Sends queued messages now (a review card, a returned report) instead of at the next minute. */
  kick(): void;
}

export interface UseCaseDeps {
  db: Db;
  clock: Clock;
  config: Pick<Config, "TZ" | "ADMIN_IDS">;
  outbox: Outbox;
}
