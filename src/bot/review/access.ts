// The checks a reviewer's button press goes through before anything changes.
import { Action, may } from "../../domain/access.js";
import type { Actor } from "../../domain/roles.js";
import { parseId } from "../../domain/numbers.js";
import { RecordKind } from "../../domain/review.js";
import { loadReviewRecord, type ReviewRecord } from "../../store/review.js";
import type { RecordRef } from "../../store/review-queue.js";
import { loadTarget } from "../../store/access.js";
import type { AppDeps } from "../context.js";

/** The record a button names; undefined when its data could name none (a forged id). */
export function refOf(kind: string, id: string): RecordRef | undefined {
  const n = parseId(id);
  if (n === undefined || (kind !== RecordKind.MEETING && kind !== RecordKind.REPORT)) return undefined;
  return { kind, id: n };
}

/** The record, if it exists and this person reviews its branch; undefined otherwise (a forged or stale button). */
export async function reviewable(deps: AppDeps, actor: Actor, ref: RecordRef): Promise<ReviewRecord | undefined> {
  const record = await loadReviewRecord(deps.db, ref);
  if (!record) return undefined;
  return may(actor, Action.REVIEW, await loadTarget(deps.db, record.unitId, deps.clock(), deps.config.TZ)) ? record : undefined;
}
