// The questions of /bienban.
import { addDays, checkMeetingDate, checkAttachment, DOCUMENT_KINDS, formatIsoDate, MEETING_LIMITS, MeetingKind, parseMeetingDate, todayIn, type Attachment, type IsoDate } from "../../domain/meeting.js";
import { MEETING_GROUPS, meetingField, type MeetingTextField } from "../../domain/meeting-fields.js";
import { cleanTypedText } from "../../domain/text.js";
import type { Parsed, Question } from "../forms/session.js";
import { choiceQuestion, countChoices, countQuestion, fieldQuestion, textQuestion } from "../forms/questions.js";
import type { Translate } from "../../i18n.js";

export function kindQuestion(t: Translate): Question<MeetingKind> {
  return choiceQuestion<MeetingKind>(
    t(meetingField("kind").ask),
    [[MeetingKind.REGULAR, MeetingKind.THEMATIC].map((k) => ({ label: t(`meeting-kind-${k}`), value: k }))],
    t("form-choose-button"),
  );
}

export function dateQuestion(t: Translate, now: Date, timeZone: string): Question<IsoDate> {
  const today = todayIn(now, timeZone);
  const yesterday = addDays(today, -1);
  return {
    text: t(meetingField("heldOn").ask),
    buttons: [
      [
        { label: t("meeting-date-today", { date: formatIsoDate(today, false) }), value: today },
        { label: t("meeting-date-yesterday", { date: formatIsoDate(yesterday, false) }), value: yesterday },
      ],
    ],
    parse(answer): Parsed<IsoDate> {
      if ("file" in answer) return { ok: false, error: t("form-text-expected") };
      const r =
        "choice" in answer
          ? (checkMeetingDate(answer.choice, now, timeZone) ?? answer.choice)
          : parseMeetingDate(answer.text, now, timeZone);
      if (/^\d{4}-\d{2}-\d{2}$/.test(r)) return { ok: true, value: r, shown: formatIsoDate(r) };
      return { ok: false, error: t(`meeting-date-${r}`) };
    },
  };
}

/** A text the minutes must have (a thematic meeting's topic is asked only for one). */
export function textFieldQuestion(t: Translate, field: MeetingTextField): Question<string> {
  const spec = meetingField(field);
  return textQuestion(t, t(spec.ask, { max: spec.max }), { max: spec.max, skippable: false }) as Question<string>;
}

/** The roll bounds every attendance figure: the others must add up to it. */
const ON_ROLL_MAX = meetingField("onRoll").max;

export function onRollQuestion(t: Translate, last?: number): Question<number> {
  return countQuestion(t, t(meetingField("onRoll").ask), {
    max: ON_ROLL_MAX,
    min: { value: 1, error: t("meeting-roll-zero") },
    ...(last !== undefined ? { offer: { label: t("meeting-same-as-last", { n: last }), value: last } } : {}),
  });
}

export function presentQuestion(t: Translate, onRoll: number): Question<number> {
  return countQuestion(t, t(meetingField("present").ask, { onRoll }), {
    max: onRoll,
    tooLarge: t("meeting-present-over-roll", { onRoll }),
    offer: { label: t("meeting-all-present", { onRoll }), value: onRoll },
  });
}

export function absentExcusedQuestion(t: Translate, left: number): Question<number> {
  return countQuestion(t, t(meetingField("absentExcused").ask, { left }), {
    max: left,
    quick: [0, 1, 2, 3, 4, 5].filter((n) => n <= left),
    tooLarge: t("meeting-absent-over", { left }),
  });
}

/** The last figure must make attendance add up to the roll; anything else is refused with the sum shown. */
export function absentUnexcusedQuestion(t: Translate, a: { onRoll: number; present: number; absentExcused: number }): Question<number> {
  const left = a.onRoll - a.present - a.absentExcused;
  const mismatch = (unexcused: number) =>
    t("meeting-attendance-mismatch", {
      present: a.present,
      excused: a.absentExcused,
      unexcused,
      sum: a.present + a.absentExcused + unexcused,
      onRoll: a.onRoll,
      left,
    });
  const q = countQuestion(t, t(meetingField("absentUnexcused").ask, { left }), {
    max: ON_ROLL_MAX,
    check: (n) => (n === left ? undefined : mismatch(n)),
  });
  return { ...q, buttons: countChoices([left]) };
}

export type FilesAnswer = { done: true } | { file: Attachment };

export function filesQuestion(t: Translate, attached: number): Question<FilesAnswer> {
  const DONE = "done";
  return {
    text: attached === 0 ? t(meetingField("attachments").ask) : t("meeting-ask-more-files", { count: attached }),
    buttons: [[{ label: t(attached === 0 ? "meeting-files-none" : "meeting-files-done"), value: DONE }]],
    acceptsFiles: true,
    parse(answer): Parsed<FilesAnswer> {
      if ("choice" in answer && answer.choice === DONE) return { ok: true, value: { done: true }, shown: t(attached === 0 ? "meeting-files-none" : "meeting-files-done") };
      if (!("file" in answer)) return { ok: false, error: t("meeting-file-expected") };
      const f = answer.file;
      const checked = checkAttachment(f, attached);
      if (!checked.ok) {
        return {
          ok: false,
          error: t(`meeting-file-${checked.problem}`, {
            size: Math.round(((f.size ?? 0) / 1024 / 1024) * 10) / 10,
            max: MEETING_LIMITS.attachments,
            name: cleanTypedText(f.fileName ?? "").slice(0, 60),
            extension: checked.claimed ? DOCUMENT_KINDS[checked.claimed].extension : "",
            kind: checked.claimed ? t(`meeting-file-kind-${checked.claimed}`) : "",
          }),
        };
      }
      const file: Attachment = {
        fileId: f.fileId,
        fileUniqueId: f.fileUniqueId,
        kind: checked.kind,
        fileName: f.fileName ?? null,
        size: f.size ?? null,
      };
      return { ok: true, value: { file }, shown: f.fileName ?? (f.isPhoto ? "📷" : "📄") };
    },
  };
}

/** The form's "Sửa" buttons: one a group. */
export const MEETING_EDITABLE = MEETING_GROUPS;
export type MeetingEditable = (typeof MEETING_EDITABLE)[number];

export function meetingFieldQuestion(t: Translate): Question<MeetingEditable> {
  return fieldQuestion(t, MEETING_EDITABLE.map((g) => ({ label: t(`meeting-field-${g}`), value: g })));
}
