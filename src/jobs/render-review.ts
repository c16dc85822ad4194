// Review cards and decision notices, worked out when sent: a card for a version
// that was decided or replaced before its turn came is not sent at all, nor a
// notice of a decision on a version replaced since.
import { ReviewState, type RecordRef } from "../domain/review.js";
import { approvedNotice, returnNotice, reviewCard } from "../messages/review-card.js";
import { loadReviewRecord } from "../store/review.js";
import { APPROVED_JOB, REVIEW_JOB } from "../outbox/review-notices.js";
import type { OutMessage, RenderContext } from "./render.js";

export async function renderRecordNotice(c: RenderContext, kind: string, ref: RecordRef): Promise<OutMessage[]> {
  const record = await loadReviewRecord(c.db, ref);
  if (!record || !record.current) return [];
  if (kind === REVIEW_JOB) return record.state === ReviewState.PENDING ? [reviewCard(c.t, record, c.timeZone)] : [];
  if (kind === APPROVED_JOB) return record.state === ReviewState.APPROVED ? [approvedNotice(c.t, record)] : [];
  return record.state === ReviewState.RETURNED ? [returnNotice(c.t, record)] : [];
}
