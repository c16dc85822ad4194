// A request's missing branches reminded from its status view (/yeucau): checked again at
// sending, so that a branch that answered meanwhile, a request closed meanwhile, or a
// person no longer on duty for the branch, gets nothing.
import type { Db } from "../db/client.js";
import { RequestStatus } from "../domain/request.js";
import type { Translate } from "../i18n.js";
import { requestReminderOut, type RequestReminderData } from "../messages/request-status.js";
import type { OutMessage } from "../messages/out-message.js";
import { onDutyChatIdsByUnit } from "../store/delegations.js";
import { loadRequest } from "../store/requests.js";
import type { ReminderPayload, RequestReminderJobPayload } from "./job-kinds.js";

interface Moment {
  t: Translate;
  timeZone: string;
  now: Date;
}

export const requestReminder = {
  async load(db: Db, job: unknown, payload: unknown, c: Moment, delivery: { chatId: bigint }): Promise<RequestReminderData | null> {
    const request = await loadRequest(db, (job as RequestReminderJobPayload).requestId);
    if (!request || request.status !== RequestStatus.OPEN) return null;
    const asked = (payload as ReminderPayload).unitIds;
    const answered = await db.requestAnswer.findMany({ where: { requestId: request.id, unitId: { in: asked }, supersededAt: null }, select: { unitId: true } });
    const done = new Set(answered.map((a) => a.unitId));
    const onDuty = await onDutyChatIdsByUnit(db, asked, c.now, c.timeZone);
    const unitIds = asked.filter((id) => !done.has(id) && (onDuty.get(id) ?? []).includes(delivery.chatId));
    if (unitIds.length === 0) return null;
    const units = await db.unit.findMany({ where: { id: { in: unitIds } }, select: { name: true }, orderBy: { code: "asc" } });
    return { requestId: request.id, revision: request.revision, title: request.title, dueOn: request.dueOn, dueTime: request.dueTime, branches: units.map((u) => u.name) };
  },
  format: (t: Translate, d: RequestReminderData): OutMessage[] => [requestReminderOut(t, d)],
};
