// How a request's reminder and late list are rendered at the moment each goes out
// (src/outbox/kinds.ts calls these as it calls its own): what is true then, or null
// for nothing to say. A closed request says nothing; a branch that has answered since
// the plan is not reminded; a person no longer on duty for it is not either; a reminder
// superseded by a later one of the same request, or past its deadline, is not sent.
import type { Db } from "../db/client.js";
import { filingUnits } from "../domain/access.js";
import { todayIn } from "../domain/meeting.js";
import { requestDaysLeft } from "../domain/request-deadline.js";
import { laterReminderKeys } from "../domain/request-schedule.js";
import { RequestStatus } from "../domain/request.js";
import type { Translate } from "../i18n.js";
import { requestLateListMessages, requestReminderMessages, type RequestLateListData, type RequestReminderData } from "../messages/request-reminders.js";
import type { OutMessage } from "../messages/out-message.js";
import { loadActor } from "../store/access.js";
import { delegatedUnitIds } from "../store/delegations.js";
import { requestHeading, unansweredTargets } from "../store/request-facts.js";
import type { ReminderPayload, RequestOccasionJobPayload } from "./job-kinds.js";

/** What of the moment of sending these read (kinds.ts RenderContext has all of it). */
interface SendingMoment {
  t: Translate;
  timeZone: string;
  now: Date;
}

interface RequestRenderer<D> {
  load(db: Db, job: unknown, payload: unknown, c: SendingMoment, delivery: { chatId: bigint }): Promise<D | null>;
  format(t: Translate, data: D, c: SendingMoment): OutMessage[];
}

async function openHeading(db: Db, requestId: number) {
  const r = await requestHeading(db, requestId);
  return r && r.status === RequestStatus.OPEN ? r : null;
}

export const requestDueReminder: RequestRenderer<RequestReminderData> = {
  async load(db, job, payload, c, delivery) {
    const { requestId, daysBefore } = job as RequestOccasionJobPayload;
    const r = await openHeading(db, requestId);
    if (!r) return null;
    const days = requestDaysLeft(r, c.now, c.timeZone);
    if (days === null) return null;
    // A later reminder of the same request fell due meanwhile (a round cut short): it says what is true now.
    const later = laterReminderKeys(requestId, daysBefore ?? 0);
    if (later.length > 0 && (await db.jobRun.count({ where: { occasion: { in: later }, dueAt: { lte: c.now } } })) > 0) return null;
    const actor = await loadActor(db, Number(delivery.chatId), []);
    const files = filingUnits(actor, await delegatedUnitIds(db, todayIn(c.now, c.timeZone))).may.map((m) => m.unitId);
    const unitIds = (payload as ReminderPayload).unitIds.filter((id) => files.includes(id));
    if (unitIds.length === 0) return null;
    const units = (await unansweredTargets(db, requestId, unitIds)).map((u) => u.name);
    if (units.length === 0) return null;
    return { requestId, revision: r.revision, title: r.title, from: r.unitName, due: r, days, units };
  },
  format: (t, d, c) => requestReminderMessages(t, d, c.timeZone),
};

export const requestLateList: RequestRenderer<RequestLateListData> = {
  // The list as it stands when it goes out, however late.
  async load(db, job) {
    const { requestId } = job as RequestOccasionJobPayload;
    const r = await openHeading(db, requestId);
    if (!r) return null;
    const missing = await unansweredTargets(db, requestId);
    if (missing.length === 0) return null;
    const targets = await db.requestTarget.count({ where: { requestId } });
    return { title: r.title, due: r, targets, missing: missing.map(({ code, name }) => ({ code, name })) };
  },
  format: (t, d, c) => requestLateListMessages(t, d, c.timeZone),
};
