// Once a minute: plan every occasion that fell due since the last tick, then
// send whatever is still pending. After downtime the window is the whole time
// the bot was down, and the domain's rule (sortOutWindow) says which of its
// occasions are still worth sending: the latest reminder of a month before its
// deadline, the latest digest, every late list.
import cron, { type ScheduledTask } from "node-cron";
import type { Api } from "grammy";
import type { Db } from "../db/client.js";
import { occasionsDue, sortOutWindow, type ScheduleSettings } from "../domain/schedule.js";
import type { Logger } from "../log.js";
import type { Translate } from "../i18n.js";
import type { RenderContext } from "../outbox/kinds.js";
import { lastTick, oneInstanceAtATime, recordTick } from "../outbox/planning.js";
import { payDigestRefreshes } from "../store/digest-refresh.js";
import { loadSchedule } from "../store/settings.js";
import { planOccasion, skipOccasion } from "./planner.js";
import { planRequestOccasions } from "./request-planner.js";
import { DeliverySender, type DrainResult } from "./sender.js";

export interface SchedulerDeps {
  db: Db;
  api: Api;
  log: Logger;
  t: Translate;
  timeZone: string;
  clock: () => Date;
  leaseMs?: number;
  /** ADMIN_IDS and the bot's @username, for what is rendered at sending (RenderContext). */
  adminIds: readonly number[];
  botUsername: string;
}

export class Scheduler {
  private task: ScheduledTask | undefined;
  private running: Promise<DrainResult> | undefined;
  private draining: Promise<void> | undefined;
  private drainAgain = false;
  /** The drain in progress: a tick's and a kick's never overlap, see exclusive. */
  private drainChain: Promise<unknown> = Promise.resolve();
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
    await this.draining?.catch(() => undefined);
  }

  /** One pass; overlapping calls share the pass in progress. */
  tick(): Promise<DrainResult> {
    this.running ??= this.pass().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /**
   * Sends what is queued now, without planning occasions. A kick during a run
   * makes the run go round once more, so nothing queued meanwhile waits for the
   * next minute; the promise settles when nothing kicked before it is left.
   */
  kick(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.drainAgain = false;
        const schedule = await loadSchedule(this.deps.db);
        await this.exclusive(() => this.sender.drain(async () => this.renderContext(schedule)));
      } while (this.drainAgain);
    })().finally(() => {
      this.draining = undefined;
    });
    return this.draining;
  }

  /**
   * One drain at a time in a process. Otherwise a kick's drain could claim what
   * a tick just planned, and the tick return before it is sent; and the two
   * would share one send rate without knowing it.
   */
  private exclusive<T>(drain: () => Promise<T>): Promise<T> {
    const run = this.drainChain.then(drain, drain);
    this.drainChain = run.catch(() => undefined);
    return run;
  }

  private renderContext(schedule: ScheduleSettings): RenderContext {
    const { t, timeZone, clock, adminIds, botUsername } = this.deps;
    return { t, timeZone, schedule, now: clock(), adminIds, botUsername };
  }

  private async pass(): Promise<DrainResult> {
    const { db, clock, log } = this.deps;
    const now = clock();
    // Digest rows a submission owed and no kick paid (a crash after its receipt): before any digest is planned.
    await payDigestRefreshes(db).catch((err: unknown) => log.error({ err }, "could not refresh owed digest rows"));
    const schedule = await loadSchedule(db);
    const planned = await oneInstanceAtATime(db, () => this.plan(now, schedule));
    if (!planned) log.debug("another instance is planning this minute's occasions");
    // Rendered at the moment each delivery goes out, not at `now`: a long round can pass midnight.
    const result = await this.exclusive(() => this.sender.drain(async () => this.renderContext(schedule)));
    if (result.sent + result.blocked + result.failed + result.skipped + result.deferred > 0) log.info({ ...result }, "deliveries sent");
    return result;
  }

  private async plan(now: Date, schedule: ScheduleSettings): Promise<void> {
    const { db, timeZone, log } = this.deps;
    const stored = await lastTick(db);
    // A first start looks back no further than now: nothing from before the bot existed.
    // Otherwise back to the last tick however long ago: a late list is owed however late.
    const last = stored ?? now;
    // Every occasion of the window is recorded, planned or skipped, before the tick is: a process
    // stopped in between sees the same window again (and more of it) at its next tick, and the rule
    // only turns "send" into "skip" as the window grows, never back. What was planned and has since
    // become pointless is stopped when it would be sent (skipCheck), by the same rule.
    for (const { occasion, verdict } of sortOutWindow(occasionsDue(schedule, last, now, timeZone), now, schedule, timeZone)) {
      if (verdict.send) {
        if (await planOccasion(db, occasion, now, timeZone)) log.info({ occasion: occasion.key }, "occasion planned");
      } else if (await skipOccasion(db, occasion, verdict, now)) {
        log.info({ occasion: occasion.key, reason: verdict.reason, by: verdict.by }, "occasion skipped");
      }
    }
    // Requests' reminders and late lists, by the same window and the same rule of recording each decision.
    await planRequestOccasions(db, last, now, timeZone, log);
    if (now.getTime() > last.getTime() || !stored) await recordTick(db, now);
  }
}
