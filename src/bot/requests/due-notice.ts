// The place where the public holidays (issue 14, point 9: src/domain/holidays.ts, built beside
// this form) are asked about a request's due date. A due date on a holiday or in the Tết break
// is taken as chosen, and the person is told (request-due-holiday) so they can pick another.
import type { Due } from "../../domain/request-rules.js";

/**
 * The name of the public holiday the due date falls on, or undefined. To be wired to
 * src/domain/holidays.ts when it lands (until then no day is known as a holiday).
 */
export function holidayOnDue(due: Due): string | undefined {
  void due;
  return undefined;
}
