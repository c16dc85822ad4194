// Filing the minutes of a meeting: what the form shows before asking, and the
// sending itself (the rights again, the version, the review cards and the digest
// rows owed a refresh, in one transaction); and reading a branch's minutes (/xembienban).
import { Action, may, type Refusal } from "../domain/access.js";
import { meetingSchema, type IsoDate, type MeetingDraft, type MeetingKind } from "../domain/meeting.js";
import type { Period } from "../domain/period.js";
import { RecordKind } from "../domain/review.js";
import { reportingUnits, type Actor } from "../domain/roles.js";
import { loadTarget } from "../store/access.js";
import { createMeeting, currentMeeting, lastOnRoll, meetingFiles, meetingsInMonth, meetingVersions, type StoredMeeting } from "../store/meetings.js";
import { queueReviewCards } from "../outbox/review-notices.js";
import { findUnit } from "../store/units.js";
import { oweDigestRefresh } from "../store/digest-refresh.js";
import { writeNextVersion } from "../store/versioning.js";
import type { UseCaseDeps } from "./deps.js";
import { refusalInTransaction } from "./filing.js";

/** The minutes already kept for this meeting (same kind, same day), which the form then amends. */
export function existingMinutes(deps: UseCaseDeps, unitId: number, kind: MeetingKind, heldOn: IsoDate): Promise<StoredMeeting | null> {
  return currentMeeting(deps.db, unitId, kind, heldOn);
}

/** Members on the roll at the branch's latest meeting: offered as the default. */
export function membersOnRoll(deps: UseCaseDeps, unitId: number): Promise<number | undefined> {
  return lastOnRoll(deps.db, unitId);
}

export interface MinutesToFile {
  /** The sender, by Telegram id (their rights) and User.id (the version's author). */
  telegramId: number;
  userId: number;
  unitId: number;
  draft: MeetingDraft;
  /** The version the sender was looking at (0 for none): if another came since, nothing is stored. */
  baseVersion: number;
}

/** What the form renders; plain JSON (`at` an ISO time). */
export type FiledMinutes = (
  | { status: "ok"; version: number }
  | { status: "conflict"; current: StoredMeeting }
  /** The sender may no longer file for the branch: nothing stored. */
  | { status: "refused"; why: Refusal }
) & { at: string };

export async function fileMinutes(deps: UseCaseDeps, input: MinutesToFile): Promise<FiledMinutes> {
  const at = deps.clock();
  const draft = meetingSchema.parse(input.draft);
  const key = { unitId: input.unitId, kind: draft.kind, heldOn: draft.heldOn };
  const written = await writeNextVersion(deps.db, input.baseVersion, {
    refusal: (tx) => refusalInTransaction(tx, input.telegramId, input.unitId, at, deps.config.TZ),
    ...meetingVersions(key, at),
    create: async (tx, version) => {
      const id = await createMeeting(tx, { unitId: input.unitId, version, draft, userId: input.userId, now: at });
      await queueReviewCards(tx, { kind: RecordKind.MEETING, id, unitId: input.unitId }, at);
      // Owed, not done here: paid right after the receipt (src/store/digest-refresh.ts).
      await oweDigestRefresh(tx, input.unitId, Number(draft.heldOn.slice(0, 4)), at);
    },
  });
  // After the update, so after the receipt: the owed digest rows, then the review cards.
  if (written.status === "ok") deps.outbox.kick();
  const result = written.status === "conflict" ? { status: "conflict" as const, current: (await currentMeeting(deps.db, key.unitId, key.kind, key.heldOn))! } : written;
  return { ...result, at: at.toISOString() };
}

export type MinutesOfMonth =
  /** No unit named, and the person has no branch of their own. */
  | { status: "no-unit" }
  | { status: "unit-missing" }
  | { status: "not-allowed" }
  | { status: "ok"; unit: { id: number; name: string }; meetings: StoredMeeting[] };

/** A branch's minutes of a month (/xembienban): the unit named by `code`, or the person's own branch. */
export async function minutesOfMonth(deps: UseCaseDeps, actor: Actor, code: string | undefined, period: Period): Promise<MinutesOfMonth> {
  const own = reportingUnits(actor)[0];
  const unit = code ? await findUnit(deps.db, code) : own ? { id: own.unitId, name: own.unitName } : null;
  if (!code && !unit) return { status: "no-unit" };
  if (!unit) return { status: "unit-missing" };
  if (!(await mayView(deps, actor, unit.id))) return { status: "not-allowed" };
  return { status: "ok", unit: { id: unit.id, name: unit.name }, meetings: await meetingsInMonth(deps.db, unit.id, period) };
}

/** A meeting's files, to send again; null when there is no such meeting or the person may not see its branch. */
export async function minutesFiles(deps: UseCaseDeps, actor: Actor, meetingId: number) {
  const meeting = await meetingFiles(deps.db, meetingId);
  return meeting && (await mayView(deps, actor, meeting.unitId)) ? meeting : null;
}

async function mayView(deps: UseCaseDeps, actor: Actor, unitId: number): Promise<boolean> {
  return may(actor, Action.VIEW, await loadTarget(deps.db, unitId, deps.clock(), deps.config.TZ));
}
