// Branch meetings: kinds, dates, attendance, and the rules of how often they are due
// (regular every month, thematic at least once a quarter: Chỉ thị 10-CT/TW, Hướng dẫn 12-HD/BTCTW).
// The fields of the minutes are described in ./meeting-fields.ts.
import { z } from "zod";
import { meetingField, MEETING_FIELDS_BY_GROUP, MeetingKind, type Attachment, type IsoDate, type MeetingDraft } from "./meeting-fields.js";
import { daysInMonth, toLocal } from "./time.js";

export { MeetingKind, type Attachment, type IsoDate, type MeetingDraft } from "./meeting-fields.js";

export const MEETING_LIMITS = {
  attachments: meetingField("attachments").max,
  /** Telegram lets bots download files up to 20 MB; a bigger scan could never be fetched again. */
  attachmentBytes: 20 * 1024 * 1024,
  /** Minutes are recorded soon after the meeting; older ones go through an administrator. */
  daysBack: 400,
} as const;

export type DateProblem = "format" | "invalid" | "future" | "too-old";

const pad = (n: number) => String(n).padStart(2, "0");

export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function todayIn(now: Date, timeZone: string): IsoDate {
  const l = toLocal(now, timeZone);
  return isoDate(l.year, l.month, l.day);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return isoDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** "dd/mm" or "dd/mm/yyyy" for people. */
export function formatIsoDate(date: IsoDate, withYear = true): string {
  const [y, m, d] = date.split("-");
  return withYear ? `${d}/${m}/${y}` : `${d}/${m}`;
}

/**
 * Reads a date typed as dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy or d/m. Without a year it is
 * `reference`'s year, moved one year in the direction given when that would put it on the wrong side
 * of `reference` ("past": a date not after it, "future": a date not before it).
 * Not accepted: ISO order, words such as "hôm kia".
 */
export function parseTypedDate(text: string, reference: IsoDate, yearless: "past" | "future"): IsoDate | "format" | "invalid" {
  const m = text.normalize("NFC").trim().match(/^(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?$/);
  if (!m) return "format";
  const day = Number(m[1]);
  const month = Number(m[2]);
  let year = m[3] ? Number(m[3]) : Number(reference.slice(0, 4));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return "invalid";
  const wrongSide = yearless === "past" ? isoDate(year, month, day) > reference : isoDate(year, month, day) < reference;
  if (!m[3] && wrongSide) {
    year += yearless === "past" ? -1 : 1;
    if (day > daysInMonth(year, month)) return "invalid";
  }
  return isoDate(year, month, day);
}

/**
 * A date carried as "YYYY-MM-DD" (a button's data, a form's preset): a real calendar day, or
 * why not. "2026-02-31" has the shape but no such day, and would compare as a string like any other.
 */
export function checkIsoDate(date: string): "format" | "invalid" | undefined {
  const m = date.match(/^(\d{4})-(\d{2})-(\d{2})$/);
  if (!m) return "format";
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return "invalid";
  return undefined;
}

/** A meeting's date; d/m is this year, or last year when that day is still ahead. */
export function parseMeetingDate(text: string, now: Date, timeZone: string): IsoDate | DateProblem {
  const date = parseTypedDate(text, todayIn(now, timeZone), "past");
  if (date === "format" || date === "invalid") return date;
  return checkMeetingDate(date, now, timeZone) ?? date;
}

export function checkMeetingDate(date: IsoDate, now: Date, timeZone: string): DateProblem | undefined {
  const malformed = checkIsoDate(date);
  if (malformed) return malformed;
  const today = todayIn(now, timeZone);
  if (date > today) return "future";
  if (date < addDays(today, -MEETING_LIMITS.daysBack)) return "too-old";
  return undefined;
}

export interface Attendance {
  onRoll: number;
  present: number;
  absentExcused: number;
  absentUnexcused: number;
}

export function attendanceRate(a: Pick<Attendance, "onRoll" | "present">): number {
  return a.onRoll === 0 ? 0 : a.present / a.onRoll;
}

/**
 * Fewer than half of the members on the roll present (2 of 12; 6 of 12 is half, not fewer): the
 * meeting is recorded, and counted as held, but the form warns, and /tiendo and the digest say so.
 */
export function lowAttendance(a: Pick<Attendance, "onRoll" | "present">): boolean {
  return a.present * 2 < a.onRoll;
}

const text = (max: number) => z.string().trim().min(1).max(max);
const attachment = z.object({
  fileId: z.string().min(1),
  fileUniqueId: z.string().min(1),
  kind: z.enum(["PHOTO", "PDF", "DOCX"]),
  fileName: z.string().nullable(),
  size: z.number().int().nullable(),
});

/** The check of one field, from its entry in ./meeting-fields.ts; none for a derived one. */
function fieldSchema(spec: (typeof MEETING_FIELDS_BY_GROUP)[number]): z.ZodType | undefined {
  switch (spec.kind) {
    case "choice":
      return z.enum([MeetingKind.REGULAR, MeetingKind.THEMATIC]);
    case "date":
      return z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
    case "text":
      return "onlyFor" in spec ? text(spec.max).nullable() : text(spec.max);
    case "count": {
      const n = z.number().int().min("min" in spec ? spec.min : 0);
      return "max" in spec ? n.max(spec.max) : n;
    }
    case "files":
      return z.array(attachment).max(spec.max);
    case "rate":
      return undefined;
  }
}

const fieldsShape = Object.fromEntries(MEETING_FIELDS_BY_GROUP.flatMap((s) => {
  const schema = fieldSchema(s);
  return schema ? [[s.key, schema]] : [];
}));
/** A field there only for one kind of meeting (the topic of a thematic one). */
const kindOnly = MEETING_FIELDS_BY_GROUP.flatMap((s) => ("onlyFor" in s ? [{ key: s.key, kind: s.onlyFor }] : []));

export const meetingSchema = kindOnly.reduce(
  (schema, f) => schema.refine((m) => (m.kind === f.kind) === (m[f.key] !== null), { path: [f.key] }),
  (z.object(fieldsShape) as unknown as z.ZodType<MeetingDraft>).refine((m) => m.present + m.absentExcused + m.absentUnexcused === m.onRoll, { path: ["present"] }),
);

/** "type": not a photo, a PDF nor a Word file; "name": said to be one of them, but named otherwise (virus.exe). */
export type AttachmentProblem = "type" | "name" | "too-big" | "too-many";

/** Documents taken as minutes besides photos: their types (as senders give them) and the ending their names must have. */
export const DOCUMENT_KINDS = {
  PDF: { types: ["application/pdf", "application/x-pdf"], extension: ".pdf" },
  // Word's own type for .docx, and the older one some phones still give a .docx.
  DOCX: { types: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword"], extension: ".docx" },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;

/** "Some bytes": a sender that did not know the type. The name decides then. */
const UNKNOWN_TYPE = "application/octet-stream";

export type AttachmentCheck =
  | { ok: true; kind: Attachment["kind"] }
  /** `claimed`: for "name", the kind the type says the file is. */
  | { ok: false; problem: AttachmentProblem; claimed?: DocumentKind };

const kinds = Object.entries(DOCUMENT_KINDS) as [DocumentKind, (typeof DOCUMENT_KINDS)[DocumentKind]][];

/**
 * A photo (Telegram's own, which has no name), or a document that is a PDF or a Word file (.docx)
 * by every sign it carries: its type, when given, is that kind's, and its name, when given, ends
 * in that kind's extension. Both are chosen by the sender, so one alone does not make a PDF when
 * the other says something else. A document with a known type and no name is taken: nothing
 * contradicts the type, and only programs, not Telegram's apps, send a document without a name.
 */
export function checkAttachment(
  file: { mimeType?: string; fileName?: string; size?: number; isPhoto: boolean },
  alreadyAttached: number,
  /** How many files the record takes: the minutes' by default; a request's answer has its own (REQUEST_LIMITS.files). */
  maxFiles: number = MEETING_LIMITS.attachments,
): AttachmentCheck {
  if (alreadyAttached >= maxFiles) return { ok: false, problem: "too-many" };
  let kind: Attachment["kind"] = "PHOTO";
  if (!file.isPhoto) {
    const type = file.mimeType?.trim().toLowerCase();
    const name = file.fileName?.trim().toLowerCase() || undefined;
    const byName = name === undefined ? undefined : kinds.find(([, k]) => name.endsWith(k.extension))?.[0];
    if (type === undefined || type === "" || type === UNKNOWN_TYPE) {
      if (!byName) return { ok: false, problem: "type" };
      kind = byName;
    } else {
      const byType = kinds.find(([, k]) => (k.types as readonly string[]).includes(type))?.[0];
      if (!byType) return { ok: false, problem: "type" };
      if (name !== undefined && byName !== byType) return { ok: false, problem: "name", claimed: byType };
      kind = byType;
    }
  }
  if ((file.size ?? 0) > MEETING_LIMITS.attachmentBytes) return { ok: false, problem: "too-big" };
  return { ok: true, kind };
}

export function quarterOf(month: number): number {
  return Math.ceil(month / 3);
}

export interface MeetingFact {
  kind: MeetingKind;
  heldOn: IsoDate;
  onRoll: number;
  present: number;
}

export type MonthMeetingStatus = "held" | "missing" | "open";

/**
 * A year of obligations: for each month so far, was a regular meeting held; for each
 * quarter so far, a thematic one. The month or quarter still running is "open" until it ends
 * without a meeting; one that has ended without one is "missing". `firstMonth`: the first
 * month the branch answers for (src/domain/progress.ts firstMonthOf), and its quarter.
 * `lowAttendance`: the year's meetings at which fewer than half were present, by date.
 */
export function meetingCompliance(meetings: MeetingFact[], year: number, now: Date, timeZone: string, firstMonth = 1) {
  const today = todayIn(now, timeZone);
  const [cy, cm] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const inYear = meetings.filter((m) => m.heldOn.startsWith(`${year}-`));
  const monthOf = (m: MeetingFact) => Number(m.heldOn.slice(5, 7));
  const lastMonth = year < cy ? 12 : year > cy ? 0 : cm;
  const months: { month: number; status: MonthMeetingStatus; count: number }[] = [];
  for (let month = firstMonth; month <= lastMonth; month++) {
    const count = inYear.filter((m) => m.kind === MeetingKind.REGULAR && monthOf(m) === month).length;
    months.push({ month, count, status: count > 0 ? "held" : year === cy && month === cm ? "open" : "missing" });
  }
  const quarters: { quarter: number; status: MonthMeetingStatus; count: number }[] = [];
  for (let quarter = quarterOf(firstMonth); quarter <= quarterOf(Math.max(lastMonth, 1)) && lastMonth >= firstMonth; quarter++) {
    const count = inYear.filter((m) => m.kind === MeetingKind.THEMATIC && quarterOf(monthOf(m)) === quarter).length;
    const running = year === cy && quarter === quarterOf(cm);
    quarters.push({ quarter, count, status: count > 0 ? "held" : running ? "open" : "missing" });
  }
  const rates = inYear.filter((m) => m.onRoll > 0).map(attendanceRate);
  const averageAttendance = rates.length ? rates.reduce((a, b) => a + b, 0) / rates.length : null;
  const low = inYear.filter(lowAttendance).sort((a, b) => (a.heldOn < b.heldOn ? -1 : a.heldOn > b.heldOn ? 1 : 0));
  return { months, quarters, averageAttendance, lowAttendance: low };
}
