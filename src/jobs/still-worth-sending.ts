// Just before a planned occasion goes out to one chat: is it still worth
// sending? A catch-up can plan an occasion and be cut short (a restart, a
// Telegram outage); by the time its deliveries go out, a later reminder of the
// same month or a later digest may have been planned, or the deadline passed.
// The planner's rule answers (verdictOf), with what the database holds now.
import type { Db } from "../db/client.js";
import { verdictOf, type Occasion, type OccasionKind, type ScheduleSettings } from "../domain/schedule.js";
import { isOccasionKind, type JobRef, type OccasionJobPayload } from "../outbox/job-kinds.js";
import { laterJobs } from "../outbox/later-jobs.js";

const occasionOf = (job: JobRef): Occasion => {
  const { period, due } = JSON.parse(job.payload) as OccasionJobPayload;
  return { kind: job.kind as OccasionKind, key: job.occasion, at: job.dueAt, period, ...(due ? { due } : {}) };
};

export type SkipCheck = (job: JobRef, now: Date, settings: ScheduleSettings, timeZone: string) => Promise<string | undefined>;

/**
 * Says why the delivery of `job` is not to be sent at `now` ("skipped: superseded by …",
 * "skipped: deadline-passed"), or undefined to send it. Make one per batch of deliveries: the
 * occasions that fell due after a job are read once per job and batch (JobRun has no index on its
 * kind and time, and a round can be thousands of deliveries), yet often enough that an instance
 * planning a later occasion while a round is under way stops the rest of that round.
 */
export function skipCheck(db: Db): SkipCheck {
  const later = new Map<string, Promise<JobRef[]>>();
  return async (job, now, settings, timeZone) => {
    if (!isOccasionKind(job.kind)) return undefined;
    let rows = later.get(job.occasion);
    if (!rows) {
      // Those recorded as skipped count too: they fell due, and the rule is the planner's.
      rows = laterJobs(db, job);
      later.set(job.occasion, rows);
    }
    const verdict = verdictOf(occasionOf(job), (await rows).map(occasionOf), now, settings, timeZone);
    if (verdict.send) return undefined;
    return verdict.by ? `skipped: ${verdict.reason} by ${verdict.by}` : `skipped: ${verdict.reason}`;
  };
}
