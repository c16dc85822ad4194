// Once a minute: plan every occasion that fell due since the last tick, then
// send whatever is still pending. After downtime the window is the whole time
// the bot was down, and the domain's rule (sortOutWindow) says which of its
// occasions are still worth sending: the latest reminder of a month before its
// deadline, the latest digest, every late list.
import cron, { type ScheduledTask } from "node-cron";
import type { Api } from "grammy";
import type { Db } from "../db/client.js";
import { occasionsDue, sortOutWindow, treeRule, type ScheduleSettings } from "../domain/schedule.js";
import { dueRulesByUnit, dueRulesInForce } from "../store/deadlines.js";
import type { Logger } from "../log.js";
import type { Translate } from "../i18n.js";
import type { RenderContext } from "../outbox/kinds.js";
import { lastTick, oneInstanceAtATime, recordTick } from "../outbox/planning.js";
import { payDigestRefreshes } from "../store/digest-refresh.js";
import { SenderLease } from "../outbox/sender-lease.js";
import { DEFAULT_LEASE_MS } from "../outbox/claims.js";
import { loadSchedule } from "../store/settings.js";
import { planOccasion, skipOccasion, type Dues } from "./planner.js";
import { planRequestOccasions } from "./request-planner.js";
import { DeliverySender, type DrainResult } from "./sender.js";
import type { Pace } from "./send-pace.js";

/** How often an instance waiting for the sender lease asks again. */
const LEASE_POLL_MS = 200;

export interface SchedulerDeps {
  db: Db;
  api: Api;
  log: Logger;
  t: Translate;
  timeZone: string;
  clock: () => Date;
  leaseMs?: number;
  /** How long the sender lease lasts unrenewed (src/outbox/sender-lease.ts); tests shorten it. */
  senderLeaseMs?: number;
  /** The pace of sends (./send-pace.ts), kept before a delivery is marked SENDING. */
  pace?: Pace;
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
  /** One instance drains at a time (src/outbox/sender-lease.ts). */
  private lease: SenderLease;
  private stopping = false;
  private wake: (() => void) | undefined;

  constructor(private deps: SchedulerDeps) {
    this.lease = new SenderLease(deps.db, deps.senderLeaseMs);
    // Only the lease's holder sends, and it has nothing in hand when it looks for more: a
    // delivery held for half a lease is a dead holder's (it renewed at least every third).
    this.sender = new DeliverySender(deps.db, deps.api, deps.log, Math.min(deps.leaseMs ?? DEFAULT_LEASE_MS, this.lease.leaseMs / 2), deps.pace);
  }

  start(): void {
    this.task = cron.schedule("* * * * *", () => void this.tick().catch((err) => this.deps.log.error({ err }, "scheduler tick failed")), {
      timezone: this.deps.timeZone,
      name: "occasions",
      noOverlap: true,
    });
  }

  /** A drain in progress ends after the deliveries in hand and gives the lease to another instance. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
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
   * next minute; the promise settles when nothing kicked before it is left. Most kicks
   * follow an update that queued nothing (a report with no reviewer, minutes): one read
   * says so, and neither the lease nor the drain is taken then. What is queued afterwards
   * kicks again; jobs left unfinished are finished by the next tick's drain.
   */
  kick(): Promise<void> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.drainAgain = false;
        if (!(await this.sender.anythingToSend())) continue;
        const schedule = await loadSchedule(this.deps.db);
        await this.exclusive(() => this.drainLeased(schedule));
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

  /**
   * Drains once this instance holds the sender lease: while another holds it, waits for it to
   * give it back or let it run out, so that what was queued before the call is sent after it.
   */
  private async drainLeased(schedule: ScheduleSettings): Promise<DrainResult> {
    while (!(await this.lease.take())) {
      if (this.stopping) return { sent: 0, skipped: 0, blocked: 0, failed: 0, deferred: 0 };
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, LEASE_POLL_MS);
        this.wake = () => (clearTimeout(timer), resolve());
      });
    }
    // Renewed on a timer as well as between deliveries: a send kept waiting (auto-retry after a
    // 429) does not let the lease run out while this instance still lives.
    const renew = setInterval(() => void this.lease.keep().catch(() => undefined), this.lease.leaseMs / 3);
    try {
      return await this.sender.drain(
        async () => this.renderContext(schedule),
        async () => !this.stopping && (await this.lease.keep()),
      );
    } finally {
      clearInterval(renew);
      await this.lease.give().catch((err) => this.deps.log.warn({ err }, "could not give the sender lease back: it runs out by itself"));
    }
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
    const result = await this.exclusive(() => this.drainLeased(schedule));
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
    // Every subtree's own deadline: its branches' occasions fall on their own days.
    const tree = treeRule(schedule);
    // Every unit's rule, which reads the whole unit tree, only in a tick that has an occasion to plan.
    let dues: Promise<Dues> | undefined;
    const duesNow = () => (dues ??= dueRulesByUnit(db, tree).then(({ byUnit, units }) => ({ tree, byUnit, ...(units ? { units } : {}) })));
    for (const { occasion, verdict } of sortOutWindow(occasionsDue(schedule, last, now, timeZone, await dueRulesInForce(db, tree)), now, schedule, timeZone)) {
      if (verdict.send) {
        if (await planOccasion(db, occasion, now, timeZone, await duesNow())) log.info({ occasion: occasion.key }, "occasion planned");
      } else if (await skipOccasion(db, occasion, verdict, now)) {
        log.info({ occasion: occasion.key, reason: verdict.reason, by: verdict.by }, "occasion skipped");
      }
    }
    // Requests' reminders and late lists, by the same window and the same rule of recording each decision.
    await planRequestOccasions(db, last, now, timeZone, log);
    if (now.getTime() > last.getTime() || !stored) await recordTick(db, now);
  }
}
