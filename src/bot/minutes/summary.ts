import { attendanceRate, formatIsoDate, type MeetingDraft } from "../../domain/meeting.js";
import { formatPercent } from "../../domain/text.js";
import type { Translate } from "../../i18n.js";

/** Long texts are cut in summaries so the whole summary stays within one Telegram message. */
const PREVIEW = 1200;

export function preview(t: Translate, text: string): string {
  return text.length > PREVIEW ? t("form-preview-cut", { start: text.slice(0, PREVIEW), length: text.length }) : text;
}


export function meetingSummary(t: Translate, unitName: string, m: MeetingDraft): string {
  return t("meeting-summary", {
    kind: t(`meeting-kind-${m.kind}`),
    kindLower: t(`meeting-kind-${m.kind}`).toLowerCase(),
    unit: unitName,
    topic: m.topic ? t("meeting-summary-topic", { topic: m.topic }) : "",
    date: formatIsoDate(m.heldOn),
    place: m.place,
    chair: m.chair,
    recorder: m.recorder,
    present: m.present,
    onRoll: m.onRoll,
    rate: formatPercent(attendanceRate(m)),
    absentExcused: m.absentExcused,
    absentUnexcused: m.absentUnexcused,
    content: preview(t, m.content),
    conclusions: preview(t, m.conclusions),
    files: m.attachments.length === 0 ? t("form-none") : String(m.attachments.length),
  });
}
