// What an occasion says to one recipient, worked out when it is sent (not when
// it was planned), so that a branch that reported in between is not reminded.
import { InlineKeyboard, InputFile } from "grammy";
import type { Db } from "../db/client.js";
import { deadlineOf, formatPeriod, type Period } from "../domain/period.js";
import { formatDate } from "../domain/time.js";
import { daysLeft, digestPeriodAt, type OccasionKind, type ScheduleSettings } from "../domain/schedule.js";
import type { Translate } from "../i18n.js";
import { digestMessages, lateListMessages } from "../messages/digest.js";
import { digestChart } from "../messages/digest-chart.js";
import { loadDigest } from "../store/digest-sql.js";
import type { GroupPayload, NoticeJobPayload, RecordJobPayload, ReminderPayload } from "../outbox/job-kinds.js";
import { APPROVED_JOB, RETURNED_JOB, REVIEW_JOB } from "../outbox/review-notices.js";
import { renderRecordNotice } from "./render-review.js";
import { NOTICE_JOB } from "../outbox/form-notice.js";

export type OutMessage =
  | { text: string; keyboard?: InlineKeyboard }
  | { photo: InputFile; caption: string };

export interface RenderContext {
  db: Db;
  t: Translate;
  timeZone: string;
  schedule: ScheduleSettings;
  now: Date;
}

/** `job`: the JobRun's payload (an occasion's period, a reviewed record); `payload`: the delivery's. */
export async function renderDelivery(c: RenderContext, kind: string, job: unknown, payload: unknown): Promise<OutMessage[]> {
  if (kind === REVIEW_JOB || kind === RETURNED_JOB || kind === APPROVED_JOB) return renderRecordNotice(c, kind, (job as RecordJobPayload).record);
  // Written when the form ended: what it says (a receipt, a refusal) stays true.
  if (kind === NOTICE_JOB) return [{ text: (job as NoticeJobPayload).text }];
  return renderOccasion(c, kind as OccasionKind, (job as { period: Period }).period, payload as ReminderPayload | GroupPayload);
}

async function renderOccasion(c: RenderContext, kind: OccasionKind, period: Period, payload: ReminderPayload | GroupPayload): Promise<OutMessage[]> {
  if (kind === "reminder") return reminders(c, period, (payload as ReminderPayload).unitIds);
  // A late list is about its month, however late it goes. A digest shows the picture at the
  // moment it is read: one planned on Monday 30/11 and sent on 02/12 after an outage is about
  // November, whose reports are being collected, not October (digestPeriodAt: "sent at").
  const about = kind === "digest" ? digestPeriodAt(c.now, c.timeZone) : period;
  const loaded = await loadDigest(c.db, (payload as GroupPayload).unitId, about);
  // The group's unit was removed since the occasion was planned: nothing to say.
  if (!loaded) return [];
  const { root, digest } = loaded;
  if (kind === "late-list") {
    const deadline = formatDate(deadlineOf(period, c.schedule.dueDay, c.timeZone), c.timeZone);
    return lateListMessages(c.t, root.name, digest, deadline).map((text) => ({ text }));
  }
  const out: OutMessage[] = digestMessages(c.t, root.name, digest).map((text) => ({ text }));
  const chart = digestChart(c.t, root.name, digest);
  if (chart) out.push({ photo: new InputFile(chart.png, "tien-do.png"), caption: chart.caption });
  return out;
}

async function reminders(c: RenderContext, period: Period, unitIds: number[]): Promise<OutMessage[]> {
  const deadline = deadlineOf(period, c.schedule.dueDay, c.timeZone);
  // Worked out at sending. After the deadline a reminder has nothing true to say: the sender
  // skips it before it gets here, and this keeps the text from ever saying "hôm nay" late.
  const days = daysLeft(period, c.now, c.schedule.dueDay, c.timeZone);
  if (days === null) return [];
  const stillMissing = await c.db.unit.findMany({
    where: { id: { in: unitIds }, reports: { none: { year: period.year, month: period.month, supersededAt: null } } },
    select: { name: true },
    orderBy: { code: "asc" },
  });
  const p = formatPeriod(period);
  return stillMissing.map((u) => ({
    text: c.t("reminder-text", {
      period: p,
      unit: u.name,
      deadline: formatDate(deadline, c.timeZone),
      when: days === 0 ? c.t("reminder-when-today") : c.t("reminder-when-days", { days }),
    }),
    keyboard: new InlineKeyboard().text(c.t("reminder-button", { period: p }), `report:${period.year}-${period.month}`),
  }));
}
