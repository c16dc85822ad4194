// Report rows for the digest's unit tests.
import type { DigestReport } from "../../../src/domain/branch-aggregates.js";
import { emptyCounts } from "../../../src/domain/report.js";

/** An approved report of 2026 with every count 0, but those given. */
export function digestReport(unitId: number, month: number, over: Partial<DigestReport> = {}): DigestReport {
  return { unitId, year: 2026, month, late: false, reviewState: "APPROVED", lateCorrection: false, ...emptyCounts(), ...over };
}
