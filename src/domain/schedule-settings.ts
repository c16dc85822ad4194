// The schedule an administrator sets (/hanbaocao, /nhacnho, /lichtonghop, /caidat han …): its
// fields, defaults, bounds and the one rule that validates a change.
import { z } from "zod";
import type { DueRule } from "./deadline.js";

export interface ScheduleSettings {
  /** Day of month M+1 (or of M itself, see dueSameMonth) by which the report for month M is due (end of that day). 1-28. */
  dueDay: number;
  /** The tree's deadline is day dueDay of the report month itself (/caidat han 25 cungthang); absent = false. */
  dueSameMonth?: boolean;
  /** Reminders go this many days before the due day; 0 = on the due day itself. */
  reminderDaysBefore: readonly number[];
  reminderHour: number;
  /** The late list goes this many days after the due day (1 = the day after). */
  lateListDaysAfter: number;
  lateListHour: number;
  /** 0 = Sunday … 6 = Saturday, as Date.getDay(). */
  digestWeekday: number;
  digestHour: number;
  digestMinute: number;
}

/** The defaults of DESIGN.md: due on the 5th, reminders 3 and 1 days before and on the day at 08:00,
 *  late list on the 6th at 08:00, digest on Monday at 08:00. */
export const DEFAULT_SCHEDULE: Readonly<ScheduleSettings> = Object.freeze({
  dueDay: 5,
  dueSameMonth: false,
  reminderDaysBefore: Object.freeze([3, 1, 0]),
  reminderHour: 8,
  lateListDaysAfter: 1,
  lateListHour: 8,
  digestWeekday: 1,
  digestHour: 8,
  digestMinute: 0,
});

/** The words administrators type for a weekday (/lichtonghop t2 8:00), as Date.getDay() numbers; weekday-<word> names each. */
export const WEEKDAYS: Record<string, number> = { cn: 0, t2: 1, t3: 2, t4: 3, t5: 4, t6: 5, t7: 6 };

/**
 * Bounds:
 * - dueDay 1..28: every month has a 28th day (February included), so "due on day N" means the
 *   same day in every month, is never silently moved, and the late list for every month can be
 *   worked out without a special case. 29, 30, 31 would fall on different days in February.
 * - reminderDaysBefore: each 0..27, distinct, at most 10 of them (none = no reminders). 27 is the
 *   furthest a reminder can be while staying within four weeks of the deadline; with dueDay 28 it
 *   is the 1st of the month after the report month.
 * - lateListDaysAfter 1..27: 0 would be the due day itself, before the deadline (23:59:59) has passed.
 * - hours 0..23, minute 0..59, weekday 0..6 (0 = Sunday).
 */
export const SCHEDULE_LIMITS = {
  dueDayMax: 28,
  reminderDaysMax: 27,
  reminderCountMax: 10,
  lateListDaysMax: 27,
} as const;

const int = (min: number, max: number) => z.number().int().min(min).max(max);

export const scheduleSettingsSchema = z.object({
  dueDay: int(1, SCHEDULE_LIMITS.dueDayMax),
  dueSameMonth: z.boolean().optional(),
  reminderDaysBefore: z
    .array(int(0, SCHEDULE_LIMITS.reminderDaysMax))
    .max(SCHEDULE_LIMITS.reminderCountMax)
    .refine((days) => new Set(days).size === days.length, { message: "duplicate" }),
  reminderHour: int(0, 23),
  lateListDaysAfter: int(1, SCHEDULE_LIMITS.lateListDaysMax),
  lateListHour: int(0, 23),
  digestWeekday: int(0, 6),
  digestHour: int(0, 23),
  digestMinute: int(0, 59),
});

/** A change an administrator asks for (e.g. /hanbaocao 10 gives { dueDay: 10 }): any subset of the fields. */
export const scheduleChangeSchema = scheduleSettingsSchema.partial().strict();
export type ScheduleChange = z.infer<typeof scheduleChangeSchema>;

/**
 * Applies a change to the current settings and validates the result. Reminder days come back
 * sorted from furthest to nearest (e.g. [3, 1, 0]), however they were typed.
 */
export function applyScheduleChange(
  current: ScheduleSettings,
  change: unknown,
): { ok: true; settings: ScheduleSettings } | { ok: false; error: z.ZodError } {
  const parsedChange = scheduleChangeSchema.safeParse(change);
  if (!parsedChange.success) return { ok: false, error: parsedChange.error };
  const merged = scheduleSettingsSchema.safeParse({ ...current, ...parsedChange.data });
  if (!merged.success) return { ok: false, error: merged.error };
  const settings = { ...merged.data, reminderDaysBefore: [...merged.data.reminderDaysBefore].sort((a, b) => b - a) };
  return { ok: true, settings };
}

/** The tree's deadline (what a unit with no setting of its own up the tree answers to). */
export const treeRule = (s: Pick<ScheduleSettings, "dueDay" | "dueSameMonth">): DueRule => ({ day: s.dueDay, sameMonth: s.dueSameMonth ?? false });
