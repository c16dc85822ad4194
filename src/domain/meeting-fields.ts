// Each field of a meeting's minutes, described once. The validation schema (./meeting.ts), the
// form's questions (src/bot/minutes/questions.ts), the summary (src/messages/meeting-summary.ts),
// the review card's changes (src/messages/review-card.ts), the workbook's meeting sheet
// (src/export/sheets.ts) and the Prisma select (src/store/meeting-columns.ts) read this list.
//
// To add a field:
//   1. an entry below (see "Order"), and its value in the form (src/bot/minutes/form.ts asks
//      each group);
//   2. a migration: the column on "Meeting" in prisma/schema.prisma, prisma/migrations and
//      prisma/migrations-postgres;
//   3. its locale keys in locales/vi.ftl: the entry's `ask`, `diff` and `column.header`, and its
//      { $<key> } in meeting-summary. Renaming a label is a change to locales/vi.ftl alone.
//
// Order: this list is the order of the workbook's columns. The form asks, and the summary and the
// review card show, the fields group by group (MEETING_GROUPS), in this order within a group.

export const MeetingKind = { REGULAR: "REGULAR", THEMATIC: "THEMATIC" } as const;
export type MeetingKind = (typeof MeetingKind)[keyof typeof MeetingKind];

/** A calendar date as written in the minutes, "YYYY-MM-DD", in the branch's time zone. */
export type IsoDate = string;

export interface Attachment {
  fileId: string;
  fileUniqueId: string;
  kind: "PHOTO" | "PDF" | "DOCX";
  fileName: string | null;
  size: number | null;
}

/** The form's sections, in the order it asks them; each is one "Sửa" button (meeting-field-<group>). */
export const MEETING_GROUPS = ["kind", "date", "place", "chair", "recorder", "attendance", "content", "conclusions", "files"] as const;
export type MeetingGroup = (typeof MEETING_GROUPS)[number];
/** The groups that say which meeting the minutes are of: asked first, and a change to them may open other minutes. */
export const MEETING_KEY_GROUPS: readonly MeetingGroup[] = ["kind", "date"];

interface Labels {
  key: string;
  group: MeetingGroup;
  /** The form's question. */
  ask?: string;
  /** The name of the field in a review card's list of changes; a derived field has none. */
  diff?: string;
  /** The workbook's column: its header, and its width in characters (a number's by default). */
  column?: { header: string; width?: number };
}

/**
 * choice: the kind of meeting (MeetingKind); date: the day it was held (IsoDate); text: typed text,
 * trimmed, of at most `max` characters; count: a whole number; rate: present over on the roll,
 * derived and not stored; files: the photos, PDFs and Word files of the signed minutes.
 */
export type MeetingFieldSpec =
  | (Labels & { kind: "choice" | "date" | "rate" })
  /** `onlyFor`: there exactly for that kind of meeting, and null otherwise. */
  | (Labels & { kind: "text"; max: number; onlyFor?: MeetingKind })
  /** A count without `max` is bounded by the roll (the attendance rule in ./meeting.ts). */
  | (Labels & { kind: "count"; min?: number; max?: number })
  | (Labels & { kind: "files"; max: number });

export const MEETING_FIELD_SPECS = [
  { key: "kind", kind: "choice", group: "kind",
    ask: "meeting-ask-kind", diff: "review-field-kind", column: { header: "export-meeting-kind", width: 13 } },
  { key: "heldOn", kind: "date", group: "date",
    ask: "meeting-ask-date", diff: "review-field-heldOn", column: { header: "export-meeting-heldOn", width: 12 } },
  { key: "topic", kind: "text", max: 300, onlyFor: MeetingKind.THEMATIC, group: "kind",
    ask: "meeting-ask-topic", diff: "review-field-topic", column: { header: "export-meeting-topic", width: 40 } },
  { key: "place", kind: "text", max: 200, group: "place",
    ask: "meeting-ask-place", diff: "review-field-place", column: { header: "export-meeting-place", width: 28 } },
  { key: "chair", kind: "text", max: 100, group: "chair",
    ask: "meeting-ask-chair", diff: "review-field-chair", column: { header: "export-meeting-chair", width: 22 } },
  { key: "recorder", kind: "text", max: 100, group: "recorder",
    ask: "meeting-ask-recorder", diff: "review-field-recorder", column: { header: "export-meeting-recorder", width: 22 } },
  { key: "onRoll", kind: "count", min: 1, max: 2000, group: "attendance",
    ask: "meeting-ask-onRoll", diff: "review-field-onRoll", column: { header: "export-meeting-onRoll" } },
  { key: "present", kind: "count", group: "attendance",
    ask: "meeting-ask-present", diff: "review-field-present", column: { header: "export-meeting-present" } },
  { key: "absentExcused", kind: "count", group: "attendance",
    ask: "meeting-ask-absentExcused", diff: "review-field-absentExcused", column: { header: "export-meeting-absentExcused" } },
  { key: "absentUnexcused", kind: "count", group: "attendance",
    ask: "meeting-ask-absentUnexcused", diff: "review-field-absentUnexcused", column: { header: "export-meeting-absentUnexcused" } },
  { key: "attendanceRate", kind: "rate", group: "attendance",
    column: { header: "export-meeting-attendanceRate" } },
  { key: "content", kind: "text", max: 4000, group: "content",
    ask: "meeting-ask-content", diff: "review-field-content" },
  { key: "conclusions", kind: "text", max: 4000, group: "conclusions",
    ask: "meeting-ask-conclusions", diff: "review-field-conclusions" },
  { key: "attachments", kind: "files", max: 10, group: "files",
    ask: "meeting-ask-files", diff: "review-field-attachments", column: { header: "export-meeting-attachments" } },
] as const satisfies readonly MeetingFieldSpec[];

type Spec = (typeof MEETING_FIELD_SPECS)[number];
/** The entries of MEETING_FIELD_SPECS, each with its literal types. */
export type MeetingFieldSpecs = Spec;
type KeyOf<S> = S extends { key: infer K extends string } ? K : never;
/** The fields minutes store (the derived attendance rate is not one). */
export type MeetingField = KeyOf<Exclude<Spec, { kind: "rate" }>>;
export type MeetingTextField = KeyOf<Extract<Spec, { kind: "text" }>>;
export type MeetingCountField = KeyOf<Extract<Spec, { kind: "count" }>>;

/** What minutes hold, field by field (the form keeps this as plain JSON). */
export type MeetingDraft = { kind: MeetingKind; heldOn: IsoDate; attachments: Attachment[] } & {
  [K in MeetingCountField]: number;
} & { [S in Extract<Spec, { kind: "text" }> as S["key"]]: S extends { onlyFor: string } ? string | null : string };

/** The fields in the order the form asks them, the summary and the review card show them. */
export const MEETING_FIELDS_BY_GROUP: readonly Spec[] = MEETING_GROUPS.flatMap((g) => MEETING_FIELD_SPECS.filter((s) => s.group === g));
/** The stored fields, in the form's order: the review card compares two versions over these. */
export const MEETING_FIELDS: readonly MeetingField[] = MEETING_FIELDS_BY_GROUP.flatMap((s) => (s.kind === "rate" ? [] : [s.key]));

const byKey = new Map<string, Spec>(MEETING_FIELD_SPECS.map((s) => [s.key, s]));
export function meetingField<K extends Spec["key"]>(key: K): Extract<Spec, { key: K }> {
  return byKey.get(key) as Extract<Spec, { key: K }>;
}
