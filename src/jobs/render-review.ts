// Review cards and return notices, worked out when sent: a card for a version
// that was decided or replaced before its turn came is not sent at all.
import { ReviewState } from "../domain/review.js";
import { returnNotice, reviewCard } from "../messages/review-card.js";
import { loadReviewRecord } from "../store/review.js";
import { REVIEW_JOB, type RecordRef } from "../store/review-queue.js";
import type { OutMessage, RenderContext } from "./render.js";

export async function renderRecordNotice(c: RenderContext, kind: string, ref: RecordRef): Promise<OutMessage[]> {
  const record = await loadReviewRecord(c.db, ref);
  if (!record || !record.current) return [];
  if (kind === REVIEW_JOB) return record.state === ReviewState.PENDING ? [reviewCard(c.t, record, c.timeZone)] : [];
  return record.state === ReviewState.RETURNED ? [returnNotice(c.t, record)] : [];
}
