// The private message that brings a request (/yeucau) to a branch's person on duty: who asks,
// what, by when, and the button that opens the answer form of that revision.
import { InlineKeyboard } from "grammy";
import { requestButtonData } from "../domain/request-buttons.js";
import { formatEffectiveDue } from "../domain/request-deadline.js";
import type { Due } from "../domain/request-rules.js";
import { requestMove, withMove } from "./deadline-moved.js";
import type { Translate } from "../i18n.js";
import type { OutMessage } from "./out-message.js";

export interface RequestDeliveryData {
  requestId: number;
  revision: number;
  title: string;
  who: string;
  /** The committee the person asks as a member of; null for an administrator */
  committee: string | null;
  branches: string[];
  questions: number;
  due: Due;
}

export function requestDeliveryOut(t: Translate, d: RequestDeliveryData): OutMessage[] {
  const lines = [
    d.revision > 1 ? t("request-delivery-changed", { title: d.title, revision: d.revision }) : t("request-delivery-new", { title: d.title }),
    d.committee === null ? t("request-delivery-who-admin", { who: d.who }) : t("request-delivery-who", { who: d.who, committee: d.committee }),
    t("request-delivery-for", { branches: d.branches.join(", ") }),
    t("request-delivery-what", { count: d.questions }),
    withMove(t, t("request-delivery-due", { due: formatEffectiveDue(d.due) }), requestMove(d.due)),
  ];
  const keyboard = new InlineKeyboard().text(t("request-button-answer"), requestButtonData({ kind: "answer", requestId: d.requestId, revision: d.revision }));
  return [{ text: lines.join("\n"), keyboard }];
}
