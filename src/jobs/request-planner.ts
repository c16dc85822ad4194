// Plans the reminders and late lists of open requests, once each, through the same queue as
// the monthly ones: a JobRun under the occasion's key (a restart, a second instance or the
// cron firing twice finds the key taken) and one Delivery per recipient.
import type { Db } from "../db/client.js";
import { requestOccasionsDue, requestVerdict, type RequestOccasion } from "../domain/request-schedule.js";
import type { Logger } from "../log.js";
import { enqueueOnce, isQueued, type Recipient } from "../outbox/enqueue.js";
import type { ReminderPayload, RequestOccasionJobPayload } from "../outbox/job-kinds.js";
import { onDutyChatIdsByUnit } from "../store/delegations.js";
import { openRequests, requestHeading, unansweredTargets, unitGroupChat } from "../store/request-facts.js";

/** Whoever is on duty on the occasion's day for the branches still without an answer, one delivery per person. */
async function reminderRecipients(db: Db, o: RequestOccasion, timeZone: string): Promise<Recipient[]> {
  const missing = (await unansweredTargets(db, o.requestId)).map((u) => u.id);
  if (missing.length === 0) return [];
  const byChat = new Map<bigint, number[]>();
  for (const [unitId, chatIds] of await onDutyChatIdsByUnit(db, missing, o.at, timeZone)) {
    for (const chatId of chatIds) byChat.set(chatId, [...(byChat.get(chatId) ?? []), unitId]);
  }
  return [...byChat].map(([chatId, unitIds]) => ({ chatId, payload: { unitIds } satisfies ReminderPayload }));
}

/** The requester's private chat, and the group registered for the request's unit, if any. */
async function lateListRecipients(db: Db, requestId: number): Promise<Recipient[]> {
  const r = await requestHeading(db, requestId);
  if (!r) return [];
  const group = await unitGroupChat(db, r.unitId);
  return [{ chatId: r.requesterChatId }, ...(group !== undefined && group !== r.requesterChatId ? [{ chatId: group }] : [])];
}

/** Every occasion of the open requests in (from, to], planned or recorded as skipped; returns what was planned. */
export async function planRequestOccasions(db: Db, from: Date, to: Date, timeZone: string, log: Logger): Promise<void> {
  for (const r of await openRequests(db)) {
    const request = { ...r, sentAt: r.sentAt! };
    const due = requestOccasionsDue(request, from, to, timeZone);
    for (const o of due) {
      if (await isQueued(db, o.key)) continue;
      const verdict = requestVerdict(o, request, due, to, timeZone);
      const payload: RequestOccasionJobPayload = { requestId: o.requestId, ...(o.daysBefore !== undefined ? { daysBefore: o.daysBefore } : {}) };
      if (!verdict.send) {
        // Recorded, not merely left out: a later tick or another instance finds the key taken.
        const skipped = { reason: verdict.reason, ...(verdict.by ? { by: verdict.by } : {}) };
        if (await enqueueOnce(db, { occasion: o.key, kind: o.kind, payload: { ...payload, skipped }, dueAt: o.at, now: to, finished: true }, [])) {
          log.info({ occasion: o.key, reason: verdict.reason }, "request occasion skipped");
        }
        continue;
      }
      const recipients = o.kind === "request-due-reminder" ? await reminderRecipients(db, o, timeZone) : await lateListRecipients(db, o.requestId);
      if (await enqueueOnce(db, { occasion: o.key, kind: o.kind, payload, dueAt: o.at, now: to }, recipients)) {
        log.info({ occasion: o.key, recipients: recipients.length }, "request occasion planned");
      }
    }
  }
}
