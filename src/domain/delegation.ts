// A secretary's hand-over to the branch's deputies: /uyquyen until taken back,
// or /nghi between two dates. While one is active the deputies file (access.ts) and are reminded.
import { addDays, checkIsoDate, parseTypedDate, todayIn, type IsoDate } from "./meeting.js";
import { Role } from "./roles.js";

export const DelegationKind = { HANDOVER: "HANDOVER", ABSENCE: "ABSENCE" } as const;
export type DelegationKind = (typeof DelegationKind)[keyof typeof DelegationKind];

/** A quarter: a longer absence is a change of secretary, which goes through an administrator. */
export const ABSENCE_MAX_DAYS = 92;

export interface DelegationPeriod {
  startsOn: IsoDate;
  /** null: until taken back */
  endsOn: IsoDate | null;
  revokedAt: Date | null;
}

export function isActive(d: DelegationPeriod, today: IsoDate): boolean {
  return d.revokedAt === null && d.startsOn <= today && (d.endsOn === null || today <= d.endsOn);
}

export type AbsenceProblem = "format" | "invalid" | "end-before-start" | "past" | "too-long";

/** Words people put between the two dates ("1/12 đến 5/12", "1/12 - 5/12"), skipped. */
const BETWEEN = new Set(["đến", "den", "tới", "toi", "-", "–", "—"]);

/**
 * Reads "<from> <to>" of /nghi. A date without a year is the next such day counting from
 * ABSENCE_MAX_DAYS days ago for the start (so an absence that has already begun can be
 * recorded, and "2/1" typed in late December is next January), and from the start for the end.
 * Words such as "đến" between the dates are skipped.
 */
export function parseAbsence(
  text: string,
  now: Date,
  timeZone: string,
): { ok: true; startsOn: IsoDate; endsOn: IsoDate } | { ok: false; problem: AbsenceProblem } {
  const words = text
    .normalize("NFC")
    .trim()
    .split(/\s+/)
    .filter((w) => w && !BETWEEN.has(w.toLowerCase()));
  if (words.length !== 2) return { ok: false, problem: "format" };
  const today = todayIn(now, timeZone);
  const startsOn = parseTypedDate(words[0]!, addDays(today, -ABSENCE_MAX_DAYS), "future");
  if (startsOn === "format" || startsOn === "invalid") return { ok: false, problem: startsOn };
  // "10/12 1/12" is read as swapped dates, not as a year-long absence: the end moves to the
  // next year only when that makes a possible absence (28/12 5/1).
  const sameYear = parseTypedDate(words[1]!, `${startsOn.slice(0, 4)}-01-01`, "future");
  const next = parseTypedDate(words[1]!, startsOn, "future");
  const endsOn = isDate(next) && (!isDate(sameYear) || daysBetween(startsOn, next) < ABSENCE_MAX_DAYS) ? next : sameYear;
  if (endsOn === "format" || endsOn === "invalid") return { ok: false, problem: endsOn };
  const problem = checkAbsence(startsOn, endsOn, today);
  return problem ? { ok: false, problem } : { ok: true, startsOn, endsOn };
}

/** Checks an absence's dates against today (again when a button chosen later records it). */
export function checkAbsence(startsOn: IsoDate, endsOn: IsoDate, today: IsoDate): AbsenceProblem | undefined {
  // A button's dates are not to be trusted: "2027-99-99" would make the day count NaN and pass.
  const malformed = checkIsoDate(startsOn) ?? checkIsoDate(endsOn);
  if (malformed) return malformed;
  if (endsOn < startsOn) return "end-before-start";
  if (endsOn < today) return "past";
  if (daysBetween(startsOn, endsOn) + 1 > ABSENCE_MAX_DAYS) return "too-long";
  return undefined;
}

const isDate = (d: IsoDate | "format" | "invalid"): d is IsoDate => d !== "format" && d !== "invalid";

function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Who is on duty for a branch: its deputies while a delegation is active (its secretaries
 * when it has no deputy, so that nothing goes unheard), otherwise its secretaries.
 */
export function onDuty<T>(members: { role: string; who: T }[], delegated: boolean): T[] {
  const of = (role: Role) => [...new Set(members.filter((m) => m.role === role).map((m) => m.who))];
  const deputies = delegated ? of(Role.DEPUTY) : [];
  return deputies.length > 0 ? deputies : of(Role.SECRETARY);
}
