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
import {
  anyClaimable,
  claim,
  claimable,
  DEFAULT_LEASE_MS,
  failAttempt,
  finish,
  finishJobs,
  isLastAttempt,
  markPartSent,
  markSending,
  passInterruptedPart,
  releaseForLater,
  type QueuedDelivery,
} from "../outbox/claims.js";
import type { OutMessage } from "../messages/out-message.js";
import { renderDelivery, type RenderContext } from "../outbox/kinds.js";
import { DeliveryStatus, type Outcome } from "../outbox/status.js";
import { safeErrorText } from "../safe-error.js";
import { isTelegramOutage } from "../telegram-errors.js";
import { skipCheck, type SkipCheck } from "./still-worth-sending.js";
import type { Pace } from "./send-pace.js";

export interface DrainResult {
  sent: number;
  skipped: number;
  blocked: number;
  failed: number;
  /** Left for a later round because Telegram could not be reached (the round stopped there). */
  deferred: number;
}

/** Deliveries in hand at once: enough that their statements keep up with the pace; one of them sends at a time (oneAtATime). */
const IN_HAND = 4;

/** A delivery in hand when the drain ended (the lease went to another instance, a stop): not sent, left for later. */
class NotNow extends Error {}

export class DeliverySender {
  constructor(
    private db: Db,
    private api: Api,
    private log: Logger,
    private leaseMs = DEFAULT_LEASE_MS,
    /** Waited for just before a part is marked SENDING (./send-pace.ts). */
    private pace: Pace = async () => {},
  ) {}

  /**
   * `context` is asked again for each delivery: its `now` is the moment that delivery is rendered and sent.
   * `goOn` is asked before each delivery (the sender lease, a stop): false ends the drain after those in hand.
   */
  async drain(context: () => Promise<RenderContext>, goOn: () => Promise<boolean> = async () => true): Promise<DrainResult> {
    const result: DrainResult = { sent: 0, skipped: 0, blocked: 0, failed: 0, deferred: 0 };
    this.goOn = goOn;
    let afterId = 0;
    let ended = false;
    while (!ended) {
      const batch = await claimable(this.db, afterId, this.leaseMs);
      if (batch.length === 0) break;
      afterId = batch.at(-1)!.id;
      const moot = skipCheck(this.db);
      // A few deliveries in hand at once, so that the throttle (app.ts) rather than each one's
      // statements and round trip sets the pace; one chat's in the order they were planned.
      const chats = new Map<bigint, Promise<unknown>>();
      let next = 0;
      const worker = async () => {
        while (!ended && next < batch.length) {
          if (!(await goOn())) {
            ended = true;
            break;
          }
          // Another worker may have taken the last one meanwhile.
          if (next >= batch.length) break;
          const d = batch[next++]!;
          const before = chats.get(d.chatId);
          const mine = (async () => {
            await before;
            if (ended) return;
            const outcome = await this.deliver(await context(), d, moot);
            // Telegram is away: the rest would fail the same way; the next round tries again.
            if (outcome === "away") {
              result.deferred++;
              ended = true;
            } else if (outcome === "stop") ended = true;
            else if (outcome) result[outcome]++;
          })();
          chats.set(d.chatId, mine.catch(() => undefined));
          await mine;
        }
      };
      await Promise.all(Array.from({ length: IN_HAND }, worker));
    }
    await finishJobs(this.db, (await context()).now);
    return result;
  }

  /** Whether a drain would find anything to send now (one cheap statement, no lease needed to ask). */
  anythingToSend(): Promise<boolean> {
    return anyClaimable(this.db, this.leaseMs);
  }

  private async deliver(c: RenderContext, d: QueuedDelivery, moot: SkipCheck): Promise<keyof DrainResult | "away" | "stop" | undefined> {
    // Claim it: of two instances (or a retry racing a slow send), one wins.
    if (!(await claim(this.db, d))) return undefined;
    const chatId = Number(d.chatId);
    const interrupted = d.status === DeliveryStatus.SENDING;
    try {
      // Checked once claimed, so that of two instances only the one that sends decides.
      const skip = await moot(d.job, c.now, c.schedule, c.timeZone);
      if (skip) {
        this.log.debug({ chat_id: chatId, occasion: d.occasion, reason: skip }, "delivery skipped");
        return await this.finish(d.id, DeliveryStatus.SKIPPED, c.now, { error: skip });
      }
      const messages = await renderDelivery(this.db, c, d.job.kind, JSON.parse(d.job.payload), JSON.parse(d.payload), d);
      if (messages.length === 0) return await this.finish(d.id, DeliveryStatus.SKIPPED, c.now);
      const from = interrupted ? d.sentParts + 1 : d.sentParts;
      if (interrupted) {
        this.log.warn({ chat_id: chatId, occasion: d.occasion, part: d.sentParts + 1 }, "resuming a delivery cut short; the part in flight is not repeated");
        await passInterruptedPart(this.db, d.id, from);
      }
      for (let part = from; part < messages.length; part++) {
        await this.oneAtATime(async () => {
          await this.pace();
          // Waited for its turn: still this instance's to send (the lease), and not stopping?
          if (!(await this.goOn())) throw new NotNow();
          await markSending(this.db, d.id);
          await this.send(chatId, messages[part]!);
        });
        // After the last part, finishing records it: one write less per message of a reminder round.
        if (part + 1 < messages.length) await markPartSent(this.db, d.id, part + 1);
      }
      return await this.finish(d.id, DeliveryStatus.SENT, c.now, { sentParts: messages.length });
    } catch (err) {
      if (err instanceof NotNow) {
        await releaseForLater(this.db, d.id, "left for the instance that sends now");
        return "stop";
      }
      // 403: the person blocked the bot or left; the group removed it. Recorded, skipped, the run goes on.
      if (err instanceof GrammyError && err.error_code === 403) {
        this.log.warn({ chat_id: chatId, occasion: d.occasion }, "recipient blocked the bot");
        return await this.finish(d.id, DeliveryStatus.BLOCKED, c.now, { error: err.description });
      }
      // Telegram away (no connection, 5xx), or asking this chat to wait longer than auto-retry waits (a
      // 429 can be one chat's limit): the message is not at fault, its attempt does not count.
      if (isTelegramOutage(err)) {
        this.log.warn({ err, chat_id: chatId, occasion: d.occasion }, "Telegram did not take the delivery: it waits for a later round");
        await releaseForLater(this.db, d.id, safeErrorText(err));
        return err instanceof GrammyError && err.error_code === 429 ? "deferred" : "away";
      }
      const final = isLastAttempt(d);
      this.log.error({ err, chat_id: chatId, occasion: d.occasion, final }, "delivery failed");
      // A copy of the error kept in the database: the same rule as the log (no payload, no token).
      await failAttempt(this.db, d.id, final, safeErrorText(err));
      return final ? "failed" : undefined;
    }
  }

  /**
   * From SENDING to Telegram's answer, one delivery at a time: only the one whose request is
   * under way can be SENDING without having reached Telegram, as when one was sent at a time.
   * The others in hand meanwhile do what comes before and after (claim, render, record).
   */
  private sending: Promise<unknown> = Promise.resolve();
  private goOn: () => Promise<boolean> = async () => true;
  private oneAtATime(step: () => Promise<void>): Promise<void> {
    const mine = this.sending.then(step);
    this.sending = mine.catch(() => undefined);
    return mine;
  }

  private async finish(id: number, status: Outcome, now: Date, note: { error?: string; sentParts?: number } = {}) {
    await finish(this.db, id, status, now, note);
    return ({ SENT: "sent", SKIPPED: "skipped", BLOCKED: "blocked" } as const)[status];
  }

  private async send(chatId: number, m: OutMessage) {
    if ("menu" in m) {
      // The menu of this one private chat; without one of its own, the menu of every private chat shows.
      const scope = { type: "chat" as const, chat_id: chatId };
      if (m.menu.length === 0) await this.api.deleteMyCommands({ scope });
      else await this.api.setMyCommands(m.menu, { scope });
    } else if ("photo" in m) await this.api.sendPhoto(chatId, m.photo, { caption: m.caption });
    else await this.api.sendMessage(chatId, m.text, m.keyboard ? { reply_markup: m.keyboard } : {});
  }
}
