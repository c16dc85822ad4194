// What each kind of job in the outbox says, from the data its loader read at
// sending (src/outbox/kinds.ts): formatting only, no reads.
import { InlineKeyboard, InputFile } from "grammy";
import { deepLinkUrl } from "../domain/deep-link.js";
import type { Digest } from "../domain/digest.js";
import { formatPeriod, type Period } from "../domain/period.js";
import { formatDate } from "../domain/time.js";
import type { Translate } from "../i18n.js";
import { withMove, type DeadlineMove } from "./deadline-moved.js";
import { digestMessages, lateListMessages } from "./digest.js";
import { digestChart } from "./digest-chart.js";
import type { OutMessage } from "./out-message.js";
import { approvedNotice, returnNotice, reviewCard } from "./review-card.js";

/** A version under review, as the card and notices take it (messages read no store of their own). */
type ReviewRecord = Parameters<typeof reviewCard>[1];

export interface ReminderData {
  period: Period;
  deadline: Date;
  /** Days left until the deadline at sending, 0 on the day itself. */
  days: number;
  /** The branches of the recipient still without a report, one message each. */
  units: string[];
  /** When the due day set fell on a holiday and the deadline moved (src/domain/period.ts dueDateOf). */
  moved?: DeadlineMove;
}
export interface GroupDigestData {
  unitName: string;
  digest: Digest;
  /** Where a committee member would be invited to review the digest's branches (src/store/digest-sql.ts loadDigest). */
  inviteAt?: string | null;
  /** The secretaries of the missing branches, when the group's committee chose names (src/domain/group-names.ts). */
  people?: ReadonlyMap<number, string[]>;
}
export interface LateListData extends GroupDigestData {
  deadline: Date;
  /** When the due day set fell on a holiday and the deadline moved. */
  moved?: DeadlineMove;
}

export function reminderMessages(t: Translate, d: ReminderData, timeZone: string): OutMessage[] {
  const p = formatPeriod(d.period);
  return d.units.map((unit) => ({
    text: withMove(
      t,
      t("reminder-text", {
        period: p,
        unit,
        deadline: formatDate(d.deadline, timeZone),
        when: d.days === 0 ? t("reminder-when-today") : t("reminder-when-days", { days: d.days }),
      }),
      d.moved,
    ),
    keyboard: new InlineKeyboard().text(t("reminder-button", { period: p }), `report:${d.period.year}-${d.period.month}`),
  }));
}

/**
 * Buttons under a group's digest or late list: they open the private chat with the bot on the
 * report of the month shown (and the minutes when a branch has no regular meeting), so that a
 * late secretary reading the group reaches the form in one tap. Telegram opens the link only
 * in the tapper's own chat, where the bot checks what they may file as for a typed /baocao.
 */
function privateChatButtons(t: Translate, d: Digest, botUsername: string, withMinutes: boolean): InlineKeyboard {
  const keyboard = new InlineKeyboard().url(t("digest-report-button", { period: formatPeriod(d.period) }), deepLinkUrl(botUsername, { kind: "report", period: d.period }));
  if (withMinutes) keyboard.row().url(t("late-minutes-button"), deepLinkUrl(botUsername, { kind: "minutes" }));
  return keyboard;
}

/** The buttons go under the last text, where the reader ends up. */
function withButtons(texts: string[], keyboard: InlineKeyboard): OutMessage[] {
  return texts.map((text, i) => (i === texts.length - 1 ? { text, keyboard } : { text }));
}

export function lateListOut(t: Translate, d: LateListData, timeZone: string, botUsername: string): OutMessage[] {
  const texts = lateListMessages(t, d.unitName, d.digest, formatDate(d.deadline, timeZone), d.people);
  // Under the title's message: why the deadline it names is not the day set.
  if (d.moved) texts[0] = withMove(t, texts[0]!, d.moved);
  return withButtons(texts, privateChatButtons(t, d.digest, botUsername, d.digest.meetings.withoutRegularCount > 0));
}

/** The digest's texts, then its chart when a quota gives it something to show. */
export function digestOut(t: Translate, d: GroupDigestData, botUsername: string): OutMessage[] {
  const out: OutMessage[] = withButtons(digestMessages(t, d.unitName, d.digest, { inviteAt: d.inviteAt ?? null, ...(d.people ? { people: d.people } : {}) }), privateChatButtons(t, d.digest, botUsername, false));
  const chart = digestChart(t, d.unitName, d.digest);
  if (chart) out.push({ photo: new InputFile(chart.png, "tien-do.png"), caption: chart.caption });
  return out;
}

export const reviewCardOut = (t: Translate, r: ReviewRecord, timeZone: string): OutMessage[] => [reviewCard(t, r, timeZone)];
export const approvedOut = (t: Translate, r: ReviewRecord): OutMessage[] => [approvedNotice(t, r)];
export const returnedOut = (t: Translate, r: ReviewRecord): OutMessage[] => [returnNotice(t, r)];
