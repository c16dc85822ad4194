// Whether a committee's group reads its /tonghop with people's names (the secretaries of the
// branches still missing): off unless the committee chooses it (/caidat <mã> tên hiện), since
// anyone added to a group reads what is posted there (issue 12, point 8).
import { withoutMarks } from "./text.js";

export const DEFAULT_GROUP_NAMES = false;

/** The words of /caidat <mã> tên hiện|ẩn, typed with or without diacritics, "tên" optional. */
const WORDS: Record<string, boolean> = { hien: true, an: false, co: true, khong: false };

/** true: show names, false: hide them, null: a word that names neither. */
export function parseNamesWord(raw: string): boolean | null {
  const words = withoutMarks(raw).toLowerCase().split(/\s+/).filter(Boolean);
  const rest = words[0] === "ten" ? words.slice(1) : words;
  if (rest.length !== 1) return null;
  return WORDS[rest[0]!] ?? null;
}
