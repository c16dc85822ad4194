// The columns of "Meeting" (and its attachments) that hold the minutes' fields, as a Prisma
// select, from the one list of fields (src/domain/meeting-fields.ts).
import type { Prisma } from "../db/generated/client.js";
import { MEETING_FIELD_SPECS, type Attachment, type MeetingDraft, type MeetingFieldSpecs, type MeetingKind } from "../domain/meeting-fields.js";

type Column = Extract<MeetingFieldSpecs, { kind: "choice" | "date" | "text" | "count" }>["key"];
const COLUMNS = MEETING_FIELD_SPECS.flatMap((s) => (s.kind === "rate" || s.kind === "files" ? [] : [s.key])) as Column[];

/** The draft's fields: its columns, and its files in the order they were sent. */
export const DRAFT_FIELDS = {
  ...(Object.fromEntries(COLUMNS.map((k) => [k, true])) as { [K in Column]: true }),
  attachments: { orderBy: { position: "asc" }, select: { kind: true, fileId: true, fileUniqueId: true, fileName: true, size: true } },
} as const satisfies Prisma.MeetingSelect;

type DraftRow = Prisma.MeetingGetPayload<{ select: typeof DRAFT_FIELDS }>;

/** The minutes as the form holds them, from a row selected with DRAFT_FIELDS (and maybe more). */
export function draftOf(row: DraftRow): MeetingDraft {
  const fields = Object.fromEntries(COLUMNS.map((k) => [k, row[k]])) as Omit<MeetingDraft, "kind" | "attachments">;
  return {
    ...fields,
    kind: row.kind as MeetingKind,
    attachments: row.attachments.map((a) => ({ ...a, kind: a.kind as Attachment["kind"] })),
  };
}
