// What a request's reminder and late list say, from the data read at sending
// (src/outbox/request-kinds.ts): formatting only, no reads.
import { InlineKeyboard } from "grammy";
import { formatIsoDate } from "../domain/meeting.js";
import { requestButtonData } from "../domain/request-buttons.js";
import { effectiveDueOn, requestDeadline, type RequestDue } from "../domain/request-deadline.js";
import { requestMove, withMove } from "./deadline-moved.js";
import { formatDateTime } from "../domain/time.js";
import { splitIntoMessages } from "../domain/text.js";
import type { Translate } from "../i18n.js";
import type { OutMessage } from "./out-message.js";

export interface RequestReminderData {
  requestId: number;
  revision: number;
  title: string;
  /** Who asks: the unit it was sent from */
  from: string;
  due: RequestDue;
  /** Days left at sending, 0 on the due day */
  days: number;
  /** The recipient's branches still without an answer, one message each */
  units: string[];
}

export interface RequestLateListData {
  title: string;
  due: RequestDue;
  targets: number;
  missing: { code: string; name: string }[];
}

/** "15/12/2026", or "10:00 15/12/2026" when a time was set. */
export function requestDueText(due: RequestDue, timeZone: string): string {
  return due.dueTime ? formatDateTime(requestDeadline(due, timeZone), timeZone) : formatIsoDate(effectiveDueOn(due));
}

export function requestReminderMessages(t: Translate, d: RequestReminderData, timeZone: string): OutMessage[] {
  const when = d.days === 0 ? t("request-reminder-today") : t("request-reminder-days", { days: d.days });
  return d.units.map((unit) => ({
    text: withMove(t, t("request-reminder-text", { title: d.title, from: d.from, unit, deadline: requestDueText(d.due, timeZone), when }), requestMove(d.due)),
    keyboard: new InlineKeyboard().text(t("request-button-answer"), requestButtonData({ kind: "answer", requestId: d.requestId, revision: d.revision })),
  }));
}

export function requestLateListMessages(t: Translate, d: RequestLateListData, timeZone: string): OutMessage[] {
  const head = withMove(
    t,
    t("request-late-list-head", {
      title: d.title,
      deadline: requestDueText(d.due, timeZone),
      missing: d.missing.length,
      targets: d.targets,
    }),
    requestMove(d.due),
  );
  return splitIntoMessages([head, ...d.missing.map((u) => t("request-late-list-line", { code: u.code, name: u.name }))]).map((text) => ({ text }));
}
