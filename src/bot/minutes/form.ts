// /bienban: the minutes of one branch meeting.
import { attendanceRate, checkMeetingDate, formatIsoDate, lowAttendance, MeetingKind, type IsoDate, type MeetingDraft } from "../../domain/meeting.js";
import { MEETING_GROUPS, MEETING_KEY_GROUPS } from "../../domain/meeting-fields.js";
import { formatDateTime } from "../../domain/time.js";
import type { StoredMeeting } from "../../store/meetings.js";
import { existingMinutes, fileMinutes, membersOnRoll } from "../../usecases/minutes.js";
import type { AppDeps, FormContext, FormConversation } from "../context.js";
import { FormSession } from "../forms/session.js";
import type { KnownActors } from "../middleware/actor.js";
import { summaryQuestion } from "../forms/questions.js";
import { refusalText, stillFiles, whoFiles } from "../forms/filer.js";
import {
  absentExcusedQuestion,
  absentUnexcusedQuestion,
  dateQuestion,
  filesQuestion,
  kindQuestion,
  meetingFieldQuestion,
  onRollQuestion,
  presentQuestion,
  textFieldQuestion,
  type MeetingEditable,
} from "./questions.js";
import { meetingSummary } from "../../messages/meeting-summary.js";
import { formatPercent } from "../../domain/percent.js";

export const MINUTES_FORM = "minutes";

export interface MeetingPreset {
  unitId: number;
  kind: MeetingKind;
  heldOn: IsoDate;
}

/** `actors`: the roles attachActor keeps (create-bot.ts), which the form opens on. */
export function createMinutesForm(deps: AppDeps, actors?: KnownActors) {
  const tz = deps.config.TZ;

  /** `preset`: the meeting a returned notice's button reopens; otherwise the secretary says which. */
  return async function minutes(conversation: FormConversation, ctx: FormContext, preset?: MeetingPreset) {
    const form = new FormSession(conversation, ctx, deps);
    const t = form.t.bind(form);

    const filer = await whoFiles(form, deps, actors);
    if (!filer) return;
    const { userId, unit } = filer;
    const now = new Date(await form.external(() => deps.clock().getTime()));

    // A returned meeting's button reopens it; its date is held to the rule of a typed one.
    const presetDate = preset?.unitId === unit.id ? checkMeetingDate(preset.heldOn, now, tz) : undefined;
    if (presetDate) await form.say(t(`meeting-date-${presetDate}`));
    const fix = preset?.unitId === unit.id && !presetDate ? preset : undefined;
    let m: MeetingDraft = {
      kind: fix?.kind ?? (await form.ask(kindQuestion(t))),
      topic: null,
      heldOn: "",
      place: "",
      chair: "",
      recorder: "",
      onRoll: 0,
      present: 0,
      absentExcused: 0,
      absentUnexcused: 0,
      content: "",
      conclusions: "",
      attachments: [],
    };
    if (m.kind === MeetingKind.THEMATIC && !fix) m.topic = await askTopic();
    m.heldOn = fix?.heldOn ?? (await form.ask(dateQuestion(t, now, tz)));
    let baseVersion = 0;
    const existing = await loadExisting(m.kind, m.heldOn);
    if (existing) {
      m = existing.draft;
      baseVersion = existing.version;
      await form.say(amendingNotice(existing));
    } else {
      for (const group of MEETING_GROUPS.filter((g) => !MEETING_KEY_GROUPS.includes(g))) {
        m = await askGroup(group, m);
      }
    }

    for (;;) {
      const action = await form.ask(
        summaryQuestion(t, `${meetingSummary(t, unit.name, m)}\n\n${warningLine(m)}${t("meeting-summary-prompt")}`, t("meeting-button-send")),
      );
      if (action === "cancel") return form.finish(t("meeting-cancelled"));
      if (action === "edit") {
        const group = await form.ask(meetingFieldQuestion(t));
        m = await askGroup(group, m);
        if (MEETING_KEY_GROUPS.includes(group)) {
          // Another kind or date is another meeting: it may already have minutes to amend.
          const other = await loadExisting(m.kind, m.heldOn);
          baseVersion = other?.version ?? 0;
          if (other) await form.say(amendingNotice(other));
        }
        continue;
      }
      if (!(await stillFiles(form, deps, unit))) return;
      // And again as the minutes are stored (by the use case): a hand-over taken back, or the role removed, meanwhile.
      const result = await form.external(() => fileMinutes(deps, { telegramId: form.userId, userId, unitId: unit.id, draft: m, baseVersion }));
      if (result.status === "refused") return form.finish(refusalText(form, result.why, unit));
      if (result.status === "conflict") {
        const c = result.current;
        await form.say(t("meeting-conflict", { who: c.submittedBy, version: c.version, time: formatDateTime(new Date(c.submittedAt), tz) }));
        baseVersion = c.version;
        continue;
      }
      return form.finish(
        t("meeting-receipt", {
          kindLower: t(`meeting-kind-${m.kind}`).toLowerCase(),
          date: formatIsoDate(m.heldOn),
          unit: unit.name,
          time: formatDateTime(new Date(result.at), tz),
          version: result.version,
          rate: formatPercent(attendanceRate(m)),
        }),
      );
    }


    /** Fewer than half present: said, not refused (the minutes are what happened), above the summary too. */
    function warningLine(d: MeetingDraft): string {
      return lowAttendance(d) ? `${t("meeting-low-attendance", { present: d.present, onRoll: d.onRoll, rate: formatPercent(attendanceRate(d)) })}\n\n` : "";
    }

    function askTopic() {
      return form.ask(textFieldQuestion(t, "topic"));
    }

    function loadExisting(kind: MeetingKind, heldOn: IsoDate): Promise<StoredMeeting | null> {
      return form.external(() => existingMinutes(deps, unit.id, kind, heldOn));
    }

    function amendingNotice(e: StoredMeeting): string {
      return t("meeting-amending", {
        kind: t(`meeting-kind-${e.draft.kind}`).toLowerCase(),
        date: formatIsoDate(e.draft.heldOn),
        version: e.version,
        time: formatDateTime(new Date(e.submittedAt), tz),
      });
    }

    async function askGroup(group: MeetingEditable, d: MeetingDraft): Promise<MeetingDraft> {
      switch (group) {
        case "kind": {
          const kind = await form.ask(kindQuestion(t));
          return { ...d, kind, topic: kind === MeetingKind.THEMATIC ? await askTopic() : null };
        }
        case "date":
          return { ...d, heldOn: await form.ask(dateQuestion(t, now, tz)) };
        case "place":
          return { ...d, place: await form.ask(textFieldQuestion(t, "place")) };
        case "chair":
          return { ...d, chair: await form.ask(textFieldQuestion(t, "chair")) };
        case "recorder":
          return { ...d, recorder: await form.ask(textFieldQuestion(t, "recorder")) };
        case "content":
          return { ...d, content: await form.ask(textFieldQuestion(t, "content")) };
        case "conclusions":
          return { ...d, conclusions: await form.ask(textFieldQuestion(t, "conclusions")) };
        case "attendance": {
          const last = await form.external(() => membersOnRoll(deps, unit.id));
          const onRoll = await form.ask(onRollQuestion(t, last));
          const present = await form.ask(presentQuestion(t, onRoll));
          if (present === onRoll) return { ...d, onRoll, present, absentExcused: 0, absentUnexcused: 0 };
          const absentExcused = await form.ask(absentExcusedQuestion(t, onRoll - present));
          const absentUnexcused =
            present + absentExcused === onRoll ? 0 : await form.ask(absentUnexcusedQuestion(t, { onRoll, present, absentExcused }));
          const next = { ...d, onRoll, present, absentExcused, absentUnexcused };
          // Said as soon as the attendance is known, and again above the summary.
          const warning = warningLine(next);
          if (warning) await form.say(warning.trim());
          return next;
        }
        case "files": {
          const attachments: MeetingDraft["attachments"] = [];
          for (;;) {
            const a = await form.ask(filesQuestion(t, attachments.length));
            if ("done" in a) return { ...d, attachments };
            attachments.push(a.file);
          }
        }
      }
    }
  };
}
