// What the still-worth-sending check (jobs/still-worth-sending.ts) reads: the
// jobs of the same kind that fell due after one, planned or recorded as skipped.
import type { Db } from "../db/client.js";
import type { JobRef } from "./job-kinds.js";

export function laterJobs(db: Db, job: Pick<JobRef, "kind" | "dueAt">): Promise<JobRef[]> {
  return db.jobRun.findMany({ where: { kind: job.kind, dueAt: { gt: job.dueAt } }, select: { occasion: true, kind: true, dueAt: true, payload: true } });
}
