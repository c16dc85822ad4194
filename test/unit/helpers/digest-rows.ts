// Report rows for the digest's unit tests.
import type { DigestReport } from "../../../src/domain/branch-aggregates.js";
import { emptyFigures } from "../../../src/domain/report.js";

/** An approved report of 2026 with every count 0, but those given. */
export function digestReport(unitId: number, month: number, over: Partial<DigestReport> = {}): DigestReport {
  const { removedReason: _reason, note: _note, ...counts } = emptyFigures();
  return { unitId, year: 2026, month, late: false, reviewState: "APPROVED", lateCorrection: false, ...counts, ...over };
}
