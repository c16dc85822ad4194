// The place where the public holidays (src/domain/holidays.ts) are asked about a request's due
// date as it is chosen in /yeucau. A due date on a holiday or in the Tết break is taken as
// chosen and moves to the next working day (src/domain/request-deadline.ts effectiveDue); the
// person is told (request-due-holiday) where it moves, so they can pick another day instead.
import { effectiveDue, formatEffectiveDue } from "../../domain/request-deadline.js";
import type { Due } from "../../domain/request-rules.js";

/** The holiday the due date falls on and the date it moves to, or undefined on a working day. */
export function holidayOnDue(due: Due): { holiday: string; moved: string } | undefined {
  const e = effectiveDue(due);
  return e.holiday ? { holiday: e.holiday, moved: formatEffectiveDue(due) } : undefined;
}
