// Reading a whole number typed on a phone.

export type CountProblem = "not-number" | "negative" | "decimal" | "too-large";

export type CountResult = { ok: true; value: number } | { ok: false; problem: CountProblem };

const ZERO_WORDS = new Set(["không", "khong", "ko", "k"]);

/**
 * Accepts "12", " 12 ", "1.000" or "1,000" (thousands grouping), "không" (0).
 * Refuses "12,5" or "12.5" as decimals, "-3" as negative, anything above `max` as too large.
 */
export function parseCount(text: string, max: number): CountResult {
  // NFC: some Vietnamese keyboards send "ô" as "o" + U+0302.
  const t = text.normalize("NFC").trim().toLowerCase();
  if (ZERO_WORDS.has(t)) return { ok: true, value: 0 };
  if (/^[-−–]\s*\d+([.,]\d+)*$/u.test(t)) return { ok: false, problem: "negative" };
  let digits: string;
  if (/^\d+$/.test(t)) digits = t;
  else if (/^\d{1,3}([.,]\d{3})+$/.test(t) && !/^0[.,]/.test(t)) digits = t.replace(/[.,]/g, "");
  else if (/^\d*[.,]\d+$/.test(t)) return { ok: false, problem: "decimal" };
  else return { ok: false, problem: "not-number" };
  const value = Number(digits);
  if (!Number.isSafeInteger(value) || value > max) return { ok: false, problem: "too-large" };
  return { ok: true, value };
}

/** Row ids are 32-bit integers in the database (Prisma Int). */
export const ID_MAX = 2_147_483_647;

/**
 * An id carried in a button's data ("rv:a:R:17", "mfiles:3", "ho:on:5"). The client can send
 * anything there: an id that no row can have is refused here, not handed to the database
 * (which fails on one over 32 bits).
 */
export function parseId(raw: string): number | undefined {
  if (!/^\d{1,10}$/.test(raw)) return undefined;
  const id = Number(raw);
  return id >= 1 && id <= ID_MAX ? id : undefined;
}
