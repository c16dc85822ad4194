import { providerOf, type Db } from "../db/client.js";
import type { Prisma } from "../db/generated/client.js";
import { meetingSchema, type Attachment, type IsoDate, type MeetingDraft, type MeetingFact, type MeetingKind } from "../domain/meeting.js";
import type { Period } from "../domain/period.js";
import { displayName } from "./users.js";
import { writeNextVersion } from "./versioning.js";
import { RecordKind } from "../domain/review.js";
import { queueReviewCards } from "./review-queue.js";
import { refreshBranchMonths } from "./branch-months.js";
import type { Refusal as FilingRefusal } from "../domain/access.js";

export const MEETING_SELECT = {
  id: true,
  unitId: true,
  kind: true,
  heldOn: true,
  version: true,
  topic: true,
  place: true,
  chair: true,
  recorder: true,
  onRoll: true,
  present: true,
  absentExcused: true,
  absentUnexcused: true,
  content: true,
  conclusions: true,
  submittedAt: true,
  submittedBy: { select: { firstName: true, lastName: true } },
  attachments: { orderBy: { position: "asc" }, select: { kind: true, fileId: true, fileUniqueId: true, fileName: true, size: true } },
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
export function meetingDraftOf(row: Row): MeetingDraft {
  const { kind, heldOn, topic, place, chair, recorder, onRoll, present, absentExcused, absentUnexcused, content, conclusions, attachments } = row;
  return {
    kind: kind as MeetingKind,
    heldOn,
    topic,
    place,
    chair,
    recorder,
    onRoll,
    present,
    absentExcused,
    absentUnexcused,
    content,
    conclusions,
    attachments: attachments.map((a) => ({ ...a, kind: a.kind as Attachment["kind"] })),
  };
}

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

export type SubmitMeetingResult =
  | { status: "ok"; version: number }
  | { status: "conflict"; current: StoredMeeting }
  /** The sender may no longer file for the branch (store/rights.ts): nothing stored. */
  | { status: "refused"; why: FilingRefusal };

export async function submitMeeting(
  db: Db,
  input: {
    unitId: number;
    draft: MeetingDraft;
    baseVersion: number;
    userId: number;
    now: Date;
    /** The sender's rights, read in the transaction that stores the version (the bot always passes it). */
    refusal?: (tx: Prisma.TransactionClient) => Promise<FilingRefusal | undefined>;
  },
): Promise<SubmitMeetingResult> {
  const { attachments, ...fields } = meetingSchema.parse(input.draft);
  const key = { unitId: input.unitId, kind: fields.kind, heldOn: fields.heldOn };
  const result = await writeNextVersion(db, input.baseVersion, {
    ...(input.refusal ? { refusal: input.refusal } : {}),
    currentVersion: async (tx) =>
      (await tx.meeting.findFirst({ where: { ...key, supersededAt: null }, select: { version: true } }))?.version ?? 0,
    supersede: (tx, version) => tx.meeting.updateMany({ where: { ...key, version }, data: { supersededAt: input.now } }),
    create: async (tx, version) => {
      const row = await tx.meeting.create({
        data: {
          ...fields,
          unitId: input.unitId,
          version,
          submittedById: input.userId,
          submittedAt: input.now,
          attachments: { create: attachments.map((a, position) => ({ ...a, position })) },
        },
        select: { id: true },
      });
      await queueReviewCards(tx, { kind: RecordKind.MEETING, id: row.id, unitId: input.unitId }, input.now);
      await refreshBranchMonths(tx, providerOf(db), input.unitId, Number(fields.heldOn.slice(0, 4)));
    },
  });
  if (result.status !== "conflict") return result;
  return { status: "conflict", current: (await currentMeeting(db, input.unitId, key.kind, key.heldOn))! };
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
