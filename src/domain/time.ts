// Calendar arithmetic in a named time zone (Asia/Ho_Chi_Minh by default).
// Month and deadline boundaries are those of the zone, never of the server.

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * A zone's offset changes only on quarter hours (every zone's transitions fall on :00, :15, :30 or
 * :45), so it is read once per quarter hour of the instant and the wall clock is worked out from
 * it: formatToParts is the costliest call of an update's replay (measured in bench/steps.ts).
 */
const QUARTER_MS = 15 * 60_000;
const offsets = new Map<string, number>();
const OFFSETS_KEPT = 4096;

function offsetAt(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER_MS);
  const key = `${timeZone}|${quarter}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  const at = quarter * QUARTER_MS;
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(at))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const offsetMs = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - at;
  if (offsets.size >= OFFSETS_KEPT) offsets.clear();
  offsets.set(key, offsetMs);
  return offsetMs;
}

export function toLocal(instant: Date, timeZone: string): LocalDateTime {
  const ms = instant.getTime();
  const wall = new Date(ms + offsetAt(ms, timeZone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
  };
}

/** The instant at which the wall clock of `timeZone` shows the given time. */
export function fromLocal(local: LocalDateTime, timeZone: string, ms = 0): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, ms);
  // Two passes settle the offset even where it changes between the guess and the answer.
  let guess = asUtc;
  for (let i = 0; i < 2; i++) {
    const seen = toLocal(new Date(guess), timeZone);
    const seenAsUtc = Date.UTC(seen.year, seen.month - 1, seen.day, seen.hour, seen.minute, seen.second, ms);
    guess += asUtc - seenAsUtc;
  }
  return new Date(guess);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");

/** dd/mm/yyyy, the way dates are written in Vietnam. */
export function formatDate(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${pad(l.day)}/${pad(l.month)}/${l.year}`;
}

/** HH:MM dd/mm/yyyy */
export function formatDateTime(instant: Date, timeZone: string): string {
  const l = toLocal(instant, timeZone);
  return `${pad(l.hour)}:${pad(l.minute)} ${pad(l.day)}/${pad(l.month)}/${l.year}`;
}
