import type { Db } from "../db/client.js";
import type { QuotaCohort, QuotaRow } from "../domain/branch-aggregates.js";
import { audit } from "./audit.js";

export async function setQuota(
  db: Db,
  q: { unitId: number; unitCode: string; year: number; cohort: QuotaCohort; value: number; actorId: number; now: Date },
): Promise<{ before: number | null }> {
  return db.$transaction(async (tx) => {
    const key = { unitId: q.unitId, year: q.year, cohort: q.cohort };
    const before = await tx.quota.findUnique({ where: { unitId_year_cohort: key } });
    const data = { value: q.value, updatedBy: BigInt(q.actorId), updatedAt: q.now };
    await tx.quota.upsert({ where: { unitId_year_cohort: key }, create: { ...key, ...data }, update: data });
    await audit(tx, {
      actorId: q.actorId,
      at: q.now,
      action: "quota.set",
      subject: q.unitCode,
      details: { year: q.year, cohort: q.cohort, before: before?.value ?? null, after: q.value },
    });
    return { before: before?.value ?? null };
  });
}

/**
 * A year's quotas of the given units. Read for the whole year and filtered here:
 * a province's thousands of ids in one `IN (…)` pass SQLite's limit of bound
 * parameters, and a year has at most a few rows per branch.
 */
export async function quotasOf(db: Db, unitIds: number[], year: number): Promise<QuotaRow[]> {
  const wanted = new Set(unitIds);
  const rows = await db.quota.findMany({ where: { year }, orderBy: { updatedAt: "asc" } });
  return rows
    .filter((r) => wanted.has(r.unitId))
    .map((r) => ({ unitId: r.unitId, year: r.year, cohort: r.cohort as QuotaCohort, value: r.value }));
}
