// Sends planned deliveries one by one. Each delivery is claimed before it is
// sent and recorded after every message, so a restart resumes where the last
// run stopped instead of starting the round again.
//
// A delivery is CLAIMED while it is rendered and between its messages, and
// SENDING only from just before a request to Telegram until its answer is
// recorded. A process that dies with a delivery CLAIMED sent nothing of the
// part in hand, so whoever takes it over sends that part. One that dies with it
// SENDING most likely reached Telegram (the request takes far longer than the
// step before it), and Telegram has no way to ask: a second copy is the likelier
// harm, so that part is not sent again and the delivery carries a note.
import { GrammyError, type Api } from "grammy";
import type { Db } from "../db/client.js";
import type { Logger } from "../log.js";
import { safeErrorText } from "../safe-error.js";
import { renderDelivery, type OutMessage, type RenderContext } from "./render.js";
import { skipCheck, type JobRef, type SkipCheck } from "./still-worth-sending.js";

/** A delivery claimed longer ago than this by a process that then died is taken over. */
export const DEFAULT_LEASE_MS = 120_000;
const MAX_ATTEMPTS = 5;
/** Statuses of a delivery some process is working on. */
const HELD = ["CLAIMED", "SENDING"] as const;

export interface DrainResult {
  sent: number;
  skipped: number;
  blocked: number;
  failed: number;
}

export class DeliverySender {
  constructor(
    private db: Db,
    private api: Api,
    private log: Logger,
    private leaseMs = DEFAULT_LEASE_MS,
  ) {}

  /** `context` is asked again for each delivery: its `now` is the moment that delivery is rendered and sent. */
  async drain(context: () => Promise<RenderContext>): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, skipped: 0, blocked: 0, failed: 0 };
    let afterId = 0;
    for (;;) {
      const batch = await this.db.delivery.findMany({
        where: {
          id: { gt: afterId },
          OR: [{ status: "PENDING" }, { status: { in: [...HELD] }, updatedAt: { lt: new Date(Date.now() - this.leaseMs) } }],
        },
        orderBy: { id: "asc" },
        take: 100,
        include: { job: { select: { occasion: true, kind: true, dueAt: true, payload: true } } },
      });
      if (batch.length === 0) break;
      const moot = skipCheck(this.db);
      for (const d of batch) {
        afterId = d.id;
        const outcome = await this.deliver(await context(), d, moot);
        if (outcome) result[outcome]++;
      }
    }
    await this.finishJobs((await context()).now);
    return result;
  }

  private async deliver(
    c: RenderContext,
    d: { id: number; status: string; updatedAt: Date; chatId: bigint; payload: string; sentParts: number; attempts: number; occasion: string; job: JobRef },
    moot: SkipCheck,
  ): Promise<keyof DrainResult | undefined> {
    // Claim it: of two instances (or a retry racing a slow send), one wins.
    const claimed = await this.db.delivery.updateMany({
      where: { id: d.id, status: d.status, updatedAt: d.updatedAt },
      data: { status: "CLAIMED", attempts: { increment: 1 }, updatedAt: new Date() },
    });
    if (claimed.count === 0) return undefined;
    const chatId = Number(d.chatId);
    const interrupted = d.status === "SENDING";
    try {
      // Checked once claimed, so that of two instances only the one that sends decides.
      const skip = await moot(d.job, c.now, c.schedule, c.timeZone);
      if (skip) {
        this.log.debug({ chat_id: chatId, occasion: d.occasion, reason: skip }, "delivery skipped");
        return await this.finish(d.id, "SKIPPED", c.now, { error: skip });
      }
      const messages = await renderDelivery(c, d.job.kind, JSON.parse(d.job.payload), JSON.parse(d.payload));
      if (messages.length === 0) return await this.finish(d.id, "SKIPPED", c.now);
      const from = interrupted ? d.sentParts + 1 : d.sentParts;
      if (interrupted) {
        this.log.warn({ chat_id: chatId, occasion: d.occasion, part: d.sentParts + 1 }, "resuming a delivery cut short; the part in flight is not repeated");
        await this.db.delivery.update({ where: { id: d.id }, data: { sentParts: from, error: `interrupted while sending part ${d.sentParts + 1}` } });
      }
      for (let part = from; part < messages.length; part++) {
        await this.db.delivery.update({ where: { id: d.id }, data: { status: "SENDING", updatedAt: new Date() } });
        await this.send(chatId, messages[part]!);
        // After the last part, finishing records it: one write less per message of a reminder round.
        if (part + 1 < messages.length) {
          await this.db.delivery.update({ where: { id: d.id }, data: { status: "CLAIMED", sentParts: part + 1, updatedAt: new Date() } });
        }
      }
      return await this.finish(d.id, "SENT", c.now, { sentParts: messages.length });
    } catch (err) {
      // 403: the person blocked the bot or left; the group removed it. Recorded, skipped, the run goes on.
      if (err instanceof GrammyError && err.error_code === 403) {
        this.log.warn({ chat_id: chatId, occasion: d.occasion }, "recipient blocked the bot");
        return await this.finish(d.id, "BLOCKED", c.now, { error: err.description });
      }
      const final = d.attempts + 1 >= MAX_ATTEMPTS;
      this.log.error({ err, chat_id: chatId, occasion: d.occasion, final }, "delivery failed");
      await this.db.delivery.update({
        where: { id: d.id },
        // A copy of the error kept in the database: the same rule as the log (no payload, no token).
        data: { status: final ? "FAILED" : "PENDING", error: safeErrorText(err), updatedAt: new Date() },
      });
      return final ? "failed" : undefined;
    }
  }

  private async finish(id: number, status: "SENT" | "SKIPPED" | "BLOCKED", now: Date, { error, sentParts }: { error?: string; sentParts?: number } = {}) {
    await this.db.delivery.update({
      where: { id },
      data: {
        status,
        updatedAt: new Date(),
        ...(status === "SENT" ? { sentAt: now } : {}),
        ...(error ? { error: error.slice(0, 500) } : {}),
        ...(sentParts !== undefined ? { sentParts } : {}),
      },
    });
    return ({ SENT: "sent", SKIPPED: "skipped", BLOCKED: "blocked" } as const)[status];
  }

  private async send(chatId: number, m: OutMessage) {
    if ("photo" in m) await this.api.sendPhoto(chatId, m.photo, { caption: m.caption });
    else await this.api.sendMessage(chatId, m.text, m.keyboard ? { reply_markup: m.keyboard } : {});
  }

  private async finishJobs(now: Date) {
    const open = await this.db.jobRun.findMany({ where: { finishedAt: null }, select: { occasion: true } });
    for (const j of open) {
      const left = await this.db.delivery.count({ where: { occasion: j.occasion, status: { in: ["PENDING", ...HELD] } } });
      if (left === 0) await this.db.jobRun.update({ where: { occasion: j.occasion }, data: { finishedAt: now } });
    }
  }
}
