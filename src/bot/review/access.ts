// The checks a reviewer's button press goes through before anything changes.
import { canReview, type Actor } from "../../domain/roles.js";
import { RecordKind } from "../../domain/review.js";
import { loadReviewRecord, type ReviewRecord } from "../../store/review.js";
import type { RecordRef } from "../../store/review-queue.js";
import { ancestorsOf } from "../../store/units.js";
import type { AppDeps } from "../context.js";

export function refOf(kind: string, id: string): RecordRef {
  return { kind: kind === RecordKind.MEETING ? RecordKind.MEETING : RecordKind.REPORT, id: Number(id) };
}

/** The record, if it exists and this person reviews its branch; undefined otherwise (a forged or stale button). */
export async function reviewable(deps: AppDeps, actor: Actor, ref: RecordRef): Promise<ReviewRecord | undefined> {
  const record = await loadReviewRecord(deps.db, ref);
  if (!record) return undefined;
  return canReview(actor, await ancestorsOf(deps.db, record.unitId)) ? record : undefined;
}
