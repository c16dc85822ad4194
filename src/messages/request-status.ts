// /yeucau's list, a request's status view, and the reminder sent to a missing branch, as
// Vietnamese text with their buttons (the buttons' data from the domain's one encoding).
import { InlineKeyboard } from "grammy";
import { formatEffectiveDue } from "../domain/request-deadline.js";
import { RequestStatus } from "../domain/request.js";
import { requestButtonData } from "../domain/request-buttons.js";
import { closeConfirmData, requestPageData, STATUS_NAMED, type Page, type StatusCounts } from "../domain/request-view.js";
import { splitIntoMessages } from "../domain/text.js";
import type { Translate } from "../i18n.js";
import { requestMove, withMove } from "./deadline-moved.js";
import type { OutMessage } from "./out-message.js";

/** The day answers are really due (moved off a holiday, src/domain/request-deadline.ts). */
const due = (r: { dueOn: string; dueTime: string | null }) => formatEffectiveDue(r);
/** A button's label holds a short title: Telegram cuts long ones anyway. */
const short = (title: string) => (title.length > 40 ? `${title.slice(0, 39)}…` : title);

export interface ListLine {
  id: number;
  title: string;
  dueOn: string;
  dueTime: string | null;
  status: string;
  targets: number;
  answered: number;
  ownAnswered?: boolean;
}

export function requestListOut(t: Translate, list: { requests: ListLine[]; page: Page; total: number; mayCreate: boolean }): OutMessage {
  const keyboard = new InlineKeyboard();
  const create = () => (list.mayCreate ? keyboard.text(t("rq-list-new"), requestButtonData({ kind: "new" })).row() : keyboard);
  if (list.total === 0) return { text: t(list.mayCreate ? "rq-list-empty-creator" : "rq-list-empty"), keyboard: create() };
  const lines = [t("rq-list-title", { page: list.page.page, pages: list.page.pages, total: list.total })];
  list.requests.forEach((r, i) => {
    const n = list.page.skip + i + 1;
    const own = r.ownAnswered === undefined ? "" : t(r.ownAnswered ? "rq-list-own-answered" : "rq-list-own-missing");
    lines.push(t(r.status === RequestStatus.CLOSED ? "rq-list-line-closed" : "rq-list-line", { n, title: r.title, due: due(r), answered: r.answered, targets: r.targets }) + own);
    keyboard.text(t("rq-list-button", { n, title: short(r.title) }), requestButtonData({ kind: "view", requestId: r.id })).row();
  });
  if (list.page.page > 1) keyboard.text(t("rq-list-previous"), requestPageData(list.page.page - 1));
  if (list.page.page < list.page.pages) keyboard.text(t("rq-list-next"), requestPageData(list.page.page + 1));
  keyboard.row();
  create();
  return { text: lines.join("\n"), keyboard };
}

export interface StatusViewData {
  request: { id: number; title: string; dueOn: string; dueTime: string | null; status: string };
  access: "manage" | "branch";
  counts: StatusCounts;
  secretaries: Map<number, string[]>;
  own: { name: string; answered: boolean }[];
}

/** The status view: texts (split to Telegram's length), the last one carrying the buttons. */
export function requestStatusOut(t: Translate, d: StatusViewData): OutMessage[] {
  const { counts: c, request: r } = d;
  const lines = [
    t("rq-status-title", { title: r.title }),
    t(r.status === RequestStatus.CLOSED ? "rq-status-due-closed" : "rq-status-due", { due: due(r) }),
    t("rq-status-answered", { answered: c.answered, targets: c.targets, approved: c.approved, pending: c.pending, returned: c.returned }),
  ];
  if (d.access === "branch") {
    for (const o of d.own) lines.push(t(o.answered ? "rq-status-own-answered" : "rq-status-own-missing", { name: o.name }));
    return splitIntoMessages(lines).map((text) => ({ text }));
  }
  if (c.missing.length > 0) {
    lines.push("", t("rq-status-missing", { count: c.missing.length }));
    for (const b of c.missing.slice(0, STATUS_NAMED)) {
      const names = d.secretaries.get(b.unitId);
      lines.push(names ? t("rq-status-missing-line", { name: b.name, secretary: names.join(", ") }) : t("rq-status-missing-line-nobody", { name: b.name }));
    }
    if (c.missing.length > STATUS_NAMED) lines.push(t("rq-status-more", { count: c.missing.length - STATUS_NAMED }));
  }
  if (c.late.length > 0) {
    lines.push("", t("rq-status-late", { count: c.late.length }));
    for (const b of c.late.slice(0, STATUS_NAMED)) lines.push(t("rq-status-late-line", { name: b.name }));
    if (c.late.length > STATUS_NAMED) lines.push(t("rq-status-more", { count: c.late.length - STATUS_NAMED }));
  }
  const texts = splitIntoMessages(lines);
  const keyboard = new InlineKeyboard();
  const id = r.id;
  if (r.status === RequestStatus.OPEN) {
    if (c.missing.length > 0) keyboard.text(t("rq-button-remind"), requestButtonData({ kind: "remind", requestId: id })).row();
    keyboard.text(t("rq-button-close"), requestButtonData({ kind: "close", requestId: id })).row();
  }
  keyboard.text(t("rq-button-export"), requestButtonData({ kind: "export", requestId: id })).row();
  if (r.status === RequestStatus.OPEN) keyboard.text(t("rq-button-edit"), requestButtonData({ kind: "edit", requestId: id }));
  keyboard.text(t("rq-button-copy"), requestButtonData({ kind: "copy", requestId: id }));
  return texts.map((text, i) => (i === texts.length - 1 ? { text, keyboard } : { text }));
}

export function closeConfirmOut(t: Translate, r: { id: number; title: string }): OutMessage {
  return {
    text: t("rq-close-confirm", { title: r.title }),
    keyboard: new InlineKeyboard().text(t("rq-close-yes"), closeConfirmData(r.id)).text(t("rq-close-no"), requestButtonData({ kind: "view", requestId: r.id })),
  };
}

export interface RequestReminderData {
  requestId: number;
  revision: number;
  title: string;
  dueOn: string;
  dueTime: string | null;
  branches: string[];
}

export function requestReminderOut(t: Translate, d: RequestReminderData): OutMessage {
  return {
    text: withMove(t, t("rq-reminder", { title: d.title, due: due(d), branches: d.branches.join(", ") }), requestMove(d)),
    keyboard: new InlineKeyboard().text(t("rq-reminder-button"), requestButtonData({ kind: "answer", requestId: d.requestId, revision: d.revision })),
  };
}
