// Once a minute: plan every occasion that fell due since the last tick (also
// after downtime, up to a few days back), then send whatever is still pending.
import cron, { type ScheduledTask } from "node-cron";
import type { Api } from "grammy";
import type { Db } from "../db/client.js";
import { occasionsDue } from "../domain/schedule.js";
import type { Logger } from "../log.js";
import type { Translate } from "../i18n.js";
import { loadSchedule } from "../store/settings.js";
import { planOccasion } from "./planner.js";
import { DeliverySender, type DrainResult } from "./sender.js";

const LAST_TICK_KEY = "scheduler.lastTick";
/** Occasions missed while the bot was down longer than this are not sent late. */
const CATCH_UP_MS = 3 * 86_400_000;

export interface SchedulerDeps {
  db: Db;
  api: Api;
  log: Logger;
  t: Translate;
  timeZone: string;
  clock: () => Date;
  leaseMs?: number;
}

export class Scheduler {
  private task: ScheduledTask | undefined;
  private running: Promise<DrainResult> | undefined;
  private sender: DeliverySender;

  constructor(private deps: SchedulerDeps) {
    this.sender = new DeliverySender(deps.db, deps.api, deps.log, deps.leaseMs);
  }

  start(): void {
    this.task = cron.schedule("* * * * *", () => void this.tick().catch((err) => this.deps.log.error({ err }, "scheduler tick failed")), {
      timezone: this.deps.timeZone,
      name: "occasions",
      noOverlap: true,
    });
  }

  async stop(): Promise<void> {
    await this.task?.stop();
    await this.running?.catch(() => undefined);
  }

  /** One pass; overlapping calls share the pass in progress. */
  tick(): Promise<DrainResult> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async pass(): Promise<DrainResult> {
    const { db, clock, timeZone, log } = this.deps;
    const now = clock();
    const stored = await db.setting.findUnique({ where: { key: LAST_TICK_KEY } });
    // A first start looks back no further than now: nothing from before the bot existed.
    const last = stored ? new Date(JSON.parse(stored.value) as string) : now;
    const from = new Date(Math.max(last.getTime(), now.getTime() - CATCH_UP_MS));
    const schedule = await loadSchedule(db);
    for (const occasion of occasionsDue(schedule, from, now, timeZone)) {
      if (await planOccasion(db, occasion, now)) log.info({ occasion: occasion.key }, "occasion planned");
    }
    if (now.getTime() > last.getTime() || !stored) {
      const value = JSON.stringify(now.toISOString());
      await db.setting.upsert({
        where: { key: LAST_TICK_KEY },
        create: { key: LAST_TICK_KEY, value, updatedBy: 0n, updatedAt: now },
        update: { value, updatedAt: now },
      });
    }
    const result = await this.sender.drain(async () => ({
      db,
      t: this.deps.t,
      timeZone,
      schedule,
      now,
    }));
    if (result.sent + result.blocked + result.failed + result.skipped > 0) log.info({ ...result }, "deliveries sent");
    return result;
  }
}
