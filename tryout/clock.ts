// The bot's clock in the try-out: it runs like a real one from wherever it was
// last set, only ever forwards, and the page moves it to the moments that matter
// (the day before a deadline, the deadline, the day after, next Monday 08:00).
// Vietnam keeps UTC+7 all year, so local times are plain arithmetic here.

import { addMonths, dueDateOf } from "../src/domain/period.js";

const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The schedule the moments are worked out for: the bot's defaults (DESIGN.md). */
export const TRYOUT_SCHEDULE = { dueDay: 5, reminderHour: 8, lateListHour: 8, digestWeekday: 1, digestHour: 8 } as const;

export class TryoutClock {
  private setAt = Date.now();

  constructor(private base: number) {}

  now = (): Date => new Date(this.base + (Date.now() - this.setAt));

  /** Sets the time; refuses to go back, since what the bot has sent cannot be unsent. */
  moveTo(at: Date): void {
    if (at.getTime() < this.now().getTime()) throw new RangeError("the clock only moves forward");
    this.set(at);
  }

  /** Sets the time, backwards too: only for building the sample on a fresh database. */
  set(at: Date): void {
    this.base = at.getTime();
    this.setAt = Date.now();
  }
}

/** An instant from a wall-clock time in Vietnam; days and months out of range roll over as Date.UTC's do. */
export function vnTime(year: number, month: number, day: number, hour = 0, minute = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS);
}

export function vnParts(at: Date): { year: number; month: number; day: number; hour: number; minute: number; weekday: number } {
  const d = new Date(at.getTime() + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), weekday: d.getUTCDay() };
}

/** "08:00 04/11/2026" */
export function vnLabel(at: Date): string {
  const p = vnParts(at);
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(p.hour)}:${two(p.minute)} ${two(p.day)}/${two(p.month)}/${p.year}`;
}

export type ClockTarget = "before-deadline" | "deadline" | "after-deadline" | "next-monday" | "next-day";
export const CLOCK_TARGETS: readonly ClockTarget[] = ["before-deadline", "deadline", "after-deadline", "next-monday", "next-day"];

/**
 * Where each button takes the clock from `now`: the first such moment strictly
 * after it. A report for month M is due on day 5 of M+1; reminders go at 08:00
 * the day before and on the day, the late list at 08:00 the day after.
 */
export function targetOf(target: ClockTarget, now: Date): Date {
  const s = TRYOUT_SCHEDULE;
  const p = vnParts(now);
  const firstAfter = (at: (monthOffset: number) => Date) => {
    for (let i = -1; i <= 2; i++) {
      const t = at(i);
      if (t.getTime() > now.getTime()) return t;
    }
    throw new Error("unreachable: a deadline falls every month");
  };
  // The deadline in month p.month + i: that of the month before, moved off a holiday as the bot moves it.
  const due = (i: number, days: number, hour: number) => {
    const d = dueDateOf(addMonths({ year: p.year, month: p.month }, i - 1), s.dueDay);
    return vnTime(d.year, d.month, d.day + days, hour);
  };
  switch (target) {
    case "before-deadline":
      return firstAfter((i) => due(i, -1, s.reminderHour));
    case "deadline":
      return firstAfter((i) => due(i, 0, s.reminderHour));
    case "after-deadline":
      return firstAfter((i) => due(i, 1, s.lateListHour));
    case "next-monday": {
      const today = vnTime(p.year, p.month, p.day, s.digestHour);
      const days = (s.digestWeekday - p.weekday + 7) % 7;
      const t = new Date(today.getTime() + days * DAY_MS);
      return t.getTime() > now.getTime() ? t : new Date(t.getTime() + 7 * DAY_MS);
    }
    case "next-day":
      return new Date(now.getTime() + DAY_MS);
  }
}
