import type { Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import type { IsoDate, MeetingDraft, MeetingFact, MeetingKind } from "../domain/meeting.js";
import type { Period } from "../domain/period.js";
import { displayName, NAME_FIELDS } from "./users.js";
import { DRAFT_FIELDS, draftOf } from "./meeting-columns.js";

export const MEETING_SELECT = {
  id: true,
  unitId: true,
  version: true,
  submittedAt: true,
  submittedBy: { select: NAME_FIELDS },
  ...DRAFT_FIELDS,
} as const satisfies Prisma.MeetingSelect;

type Row = Prisma.MeetingGetPayload<{ select: typeof MEETING_SELECT }>;

/** Plain JSON, so it can pass through a form's log. */
export interface StoredMeeting {
  id: number;
  version: number;
  draft: MeetingDraft;
  submittedAt: string;
  submittedBy: string;
}

/** The minutes as the form holds them, from a row selected with MEETING_SELECT (and maybe more). */
export const meetingDraftOf: (row: Row) => MeetingDraft = draftOf;

function toStored(row: Row): StoredMeeting {
  return {
    id: row.id,
    version: row.version,
    draft: meetingDraftOf(row),
    submittedAt: row.submittedAt.toISOString(),
    submittedBy: displayName(row.submittedBy),
  };
}

export async function currentMeeting(db: Db, unitId: number, kind: MeetingKind, heldOn: IsoDate): Promise<StoredMeeting | null> {
  const row = await db.meeting.findFirst({ where: { unitId, kind, heldOn, supersededAt: null }, select: MEETING_SELECT });
  return row ? toStored(row) : null;
}

/** Members on the roll at the branch's latest recorded meeting: offered as the default. */
export async function lastOnRoll(db: Db, unitId: number): Promise<number | undefined> {
  const row = await db.meeting.findFirst({
    where: { unitId, supersededAt: null },
    orderBy: [{ heldOn: "desc" }, { id: "desc" }],
    select: { onRoll: true },
  });
  return row?.onRoll;
}

/** One meeting of a branch: the key its versions share. */
export interface MeetingKey {
  unitId: number;
  kind: MeetingKind;
  heldOn: IsoDate;
}

/** The versions of one meeting's minutes, for writeNextVersion (src/store/versioning.ts). */
export function meetingVersions(key: MeetingKey, now: Date) {
  return {
    currentVersion: async (tx: Prisma.TransactionClient) =>
      (await tx.meeting.findFirst({ where: { ...key, supersededAt: null }, select: { version: true } }))?.version ?? 0,
    supersede: (tx: Prisma.TransactionClient, version: number) => tx.meeting.updateMany({ where: { ...key, version }, data: { supersededAt: now } }),
  };
}

/** Writes one version of a meeting's minutes with its files; returns its id. */
export async function createMeeting(
  tx: Prisma.TransactionClient,
  input: { unitId: number; version: number; draft: MeetingDraft; userId: number; now: Date },
): Promise<number> {
  const { attachments, ...fields } = input.draft;
  const row = await tx.meeting.create({
    data: {
      ...fields,
      unitId: input.unitId,
      version: input.version,
      submittedById: input.userId,
      submittedAt: input.now,
      attachments: { create: attachments.map((a, position) => ({ ...a, position })) },
    },
    select: { id: true },
  });
  return row.id;
}

function monthRange(p: Period) {
  const next = p.month === 12 ? { year: p.year + 1, month: 1 } : { year: p.year, month: p.month + 1 };
  const first = (q: Period) => `${q.year}-${String(q.month).padStart(2, "0")}-01`;
  return { gte: first(p), lt: first(next) };
}

export async function meetingsInMonth(db: Db, unitId: number, p: Period): Promise<StoredMeeting[]> {
  const rows = await db.meeting.findMany({
    where: { unitId, supersededAt: null, heldOn: monthRange(p) },
    orderBy: [{ heldOn: "asc" }, { kind: "asc" }],
    select: MEETING_SELECT,
  });
  return rows.map(toStored);
}

export async function meetingFactsOfYear(db: Db, unitId: number, year: number): Promise<MeetingFact[]> {
  const rows = await db.meeting.findMany({
    where: { unitId, supersededAt: null, heldOn: { gte: `${year}-01-01`, lt: `${year + 1}-01-01` } },
    select: { kind: true, heldOn: true, onRoll: true, present: true },
  });
  return rows.map((r) => ({ ...r, kind: r.kind as MeetingKind }));
}

/** A meeting's files with the branch it belongs to, for the access check before re-sending them. */
export async function meetingFiles(db: Db, meetingId: number) {
  return db.meeting.findUnique({
    where: { id: meetingId },
    select: { unitId: true, heldOn: true, kind: true, attachments: { orderBy: { position: "asc" } } },
  });
}
