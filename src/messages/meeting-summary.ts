// The summary of a meeting's minutes: what the form shows before they are sent, /xembienban, and a review card.
import { attendanceRate, formatIsoDate, type MeetingDraft } from "../domain/meeting.js";
import { MEETING_FIELDS_BY_GROUP, type MeetingFieldSpecs } from "../domain/meeting-fields.js";
import { formatPercent } from "../domain/percent.js";
import type { Translate } from "../i18n.js";

/** Long texts are cut in summaries so the whole summary stays within one Telegram message. */
const PREVIEW = 1200;

export function preview(t: Translate, text: string): string {
  return text.length > PREVIEW ? t("form-preview-cut", { start: text.slice(0, PREVIEW), length: text.length }) : text;
}

/** A field's value as people read it: the kind's name, the date as dd/mm/yyyy, how many files. */
export function meetingValue(t: Translate, spec: MeetingFieldSpecs, m: MeetingDraft): string | number | null {
  switch (spec.kind) {
    case "choice":
      return t(`meeting-kind-${m.kind}`);
    case "date":
      return formatIsoDate(m[spec.key]);
    case "rate":
      return formatPercent(attendanceRate(m));
    case "files":
      return m[spec.key].length;
    default:
      return m[spec.key];
  }
}

/** meeting-summary in locales/vi.ftl: one { $<key> } for each field of src/domain/meeting-fields.ts. */
export function meetingSummary(t: Translate, unitName: string, m: MeetingDraft): string {
  const vars: Record<string, string | number> = { unit: unitName, kindLower: t(`meeting-kind-${m.kind}`).toLowerCase() };
  for (const spec of MEETING_FIELDS_BY_GROUP) {
    const value = meetingValue(t, spec, m);
    if (spec.kind === "text") {
      // A field of one kind of meeting follows the kind ("Chuyên đề (chủ đề: …)"), and is left out otherwise.
      vars[spec.key] = "onlyFor" in spec ? (value ? t("meeting-summary-topic", { topic: value }) : "") : preview(t, String(value));
    } else if (spec.kind === "files") {
      vars[spec.key] = value === 0 ? t("form-none") : String(value);
    } else {
      vars[spec.key] = value!;
    }
  }
  return t("meeting-summary", vars);
}
