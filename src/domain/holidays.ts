// Vietnamese public holidays and the Tết break, and the rule that a deadline falling on one
// moves to the next working day (issue 14, point 9). The dates come from date-holidays, which
// knows the lunar calendar (Tết, Giỗ tổ Hùng Vương), so nobody keeps a list by hand.
//
// Only the days off ("public"; a substitute day off is public too) count: the library's
// "observance" days (Ngày thành lập Đảng, Tết Trung thu…) are working days.
import Holidays from "date-holidays";

export interface LocalDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export interface MovedDate {
  /** The day the deadline really falls on. */
  on: LocalDate;
  /** The day it was set for, when a holiday moved it. */
  movedFrom?: LocalDate;
  /** The holiday's Vietnamese name (as the library gives it), when moved. */
  holiday?: string;
}

const DAY_MS = 86_400_000;

let calendar: Holidays | undefined;
/** Building the country's rules costs a few milliseconds: once per process, on first use. */
function vietnam(): Holidays {
  calendar ??= new Holidays("VN", { languages: ["vi"], timezone: "Asia/Ho_Chi_Minh" });
  return calendar;
}

const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const byYear = new Map<number, ReadonlyMap<string, string>>();

/**
 * The days off of a year, "YYYY-MM-DD" → name; a span (the five days of Tết) gives each of its
 * days. A day inside a run of days off takes the name of the holiday that began last by then, so
 * the days after Tết's first day read "Tết Nguyên Đán", not "Giao thừa". Memoised: deadlines are
 * worked out on hot paths (every reminder, every report filed).
 */
function daysOff(year: number): ReadonlyMap<string, string> {
  const known = byYear.get(year);
  if (known) return known;
  const starts = new Map<string, string>();
  const covered = new Set<string>();
  // The year before too: a break that begins in late December would run into January.
  for (const h of [...vietnam().getHolidays(year - 1), ...vietnam().getHolidays(year)]) {
    if (h.type !== "public") continue;
    const [y, m, d] = h.date.slice(0, 10).split("-").map(Number) as [number, number, number];
    const first = Date.UTC(y, m - 1, d);
    // start and end are instants in Vietnam's zone, which has no daylight saving: whole days.
    const days = Math.max(1, Math.round((h.end.getTime() - h.start.getTime()) / DAY_MS));
    if (!starts.has(dayKey(first))) starts.set(dayKey(first), h.name);
    for (let i = 0; i < days; i++) covered.add(dayKey(first + i * DAY_MS));
  }
  const out = new Map<string, string>();
  let name = "";
  for (const key of [...covered].sort()) {
    const previous = dayKey(Date.parse(`${key}T00:00:00Z`) - DAY_MS);
    name = starts.get(key) ?? (covered.has(previous) ? name : "");
    if (key.startsWith(`${year}-`) && name) out.set(key, name);
  }
  byYear.set(year, out);
  return out;
}

const keyOf = (d: LocalDate) => `${d.year}-${String(d.month).padStart(2, "0")}-${String(d.day).padStart(2, "0")}`;

/** The public holiday (or day of the Tết break) on this day, by its Vietnamese name; undefined on any other day. */
export function holidayOn(date: LocalDate): string | undefined {
  return daysOff(date.year).get(keyOf(date));
}

const isWeekend = (ms: number) => {
  const weekday = new Date(ms).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * Where a deadline set for `date` really falls: the same day unless it is a holiday, else the
 * next working day (not a holiday, not a Saturday or Sunday). A deadline on a plain weekend
 * stays: the rule is about holidays, and a secretary can file from home on a Sunday.
 */
export function moveOffHolidays(date: LocalDate): MovedDate {
  const holiday = holidayOn(date);
  if (!holiday) return { on: date };
  let ms = Date.UTC(date.year, date.month - 1, date.day);
  for (;;) {
    ms += DAY_MS;
    const d = new Date(ms);
    const next = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    if (!isWeekend(ms) && !holidayOn(next)) return { on: next, movedFrom: date, holiday };
  }
}

/** The same for a date written "YYYY-MM-DD", as requests store it. */
export function moveIsoOffHolidays(iso: string): { on: string; movedFrom?: string; holiday?: string } {
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const moved = moveOffHolidays({ year, month, day });
  return moved.movedFrom ? { on: keyOf(moved.on), movedFrom: iso, holiday: moved.holiday! } : { on: iso };
}
