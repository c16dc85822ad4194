// People as the bot names them (họ và tên, chức vụ, given once on joining and changed with
// /hoso), the buttons of /thanhvien that remove a role, and the words of a replacing invite.
// Pure: typed text and callback data come in, a value or the reason why not comes out.
import { cleanTypedText, hasDirectionControls, withoutMarks } from "./text.js";

export const FULL_NAME_MAX = 80;
export const POSITION_MAX = 100;

export type NameProblem = "empty" | "too-long" | "characters" | "one-word";
export type PositionProblem = "empty" | "too-long" | "characters";

/**
 * A full name as it is written on a party card: letters, spaces and the few marks names carry
 * (".", "-", "'"), two words at least ("Nguyễn Thị Lan", not "Lan"); spaces are folded. Digits
 * are refused: an answer meant for a form ("12") is not a name.
 */
export function checkFullName(raw: string): { ok: true; name: string } | { ok: false; problem: NameProblem } {
  const text = cleanTypedText(raw).replace(/\s+/gu, " ");
  if (!text) return { ok: false, problem: "empty" };
  if ([...text].length > FULL_NAME_MAX) return { ok: false, problem: "too-long" };
  if (hasDirectionControls(text) || !/^[\p{L}\p{M}][\p{L}\p{M} .'-]*$/u.test(text)) return { ok: false, problem: "characters" };
  if (text.split(" ").filter((w) => /\p{L}/u.test(w)).length < 2) return { ok: false, problem: "one-word" };
  return { ok: true, name: text };
}

/** A position ("Bí thư chi bộ", "Phó Ban Tổ chức", "Ủy viên BCH, Trưởng ban"): letters, digits and ordinary punctuation. */
export function checkPosition(raw: string): { ok: true; position: string } | { ok: false; problem: PositionProblem } {
  const text = cleanTypedText(raw).replace(/\s+/gu, " ");
  if (!text) return { ok: false, problem: "empty" };
  if ([...text].length > POSITION_MAX) return { ok: false, problem: "too-long" };
  if (hasDirectionControls(text) || !/^[\p{L}\p{M}\p{N} .,;:'()/&-]+$/u.test(text) || !/\p{L}/u.test(text)) return { ok: false, problem: "characters" };
  return { ok: true, position: text };
}

export interface PersonNames {
  firstName: string;
  lastName?: string | null;
  fullName?: string | null;
  position?: string | null;
}

/** The name a person is shown by: the full name they gave, their Telegram name until then. */
export function personName(p: PersonNames): string {
  return p.fullName || [p.firstName, p.lastName].filter(Boolean).join(" ");
}

/** The name with the position when one was given: "Nguyễn Thị Lan (Bí thư chi bộ)". */
export function personTitle(p: PersonNames): string {
  return p.position ? `${personName(p)} (${p.position})` : personName(p);
}

/**
 * The buttons of /thanhvien: "tv:x:<id>" asks to remove membership <id>, "tv:ok:<id>" confirms,
 * "tv:no" keeps it. Callback data can be forged: anything else is refused here, and the
 * membership named is looked up (and the right asked) again when pressed.
 */
export type MemberButton = { kind: "ask"; membershipId: number } | { kind: "confirm"; membershipId: number } | { kind: "keep" };

export const MEMBER_BUTTON = /^tv:/;

export function memberButtonData(b: MemberButton): string {
  return b.kind === "keep" ? "tv:no" : `tv:${b.kind === "ask" ? "x" : "ok"}:${b.membershipId}`;
}

export function readMemberButton(data: string): MemberButton | undefined {
  if (data === "tv:no") return { kind: "keep" };
  const m = /^tv:(x|ok):([1-9][0-9]{0,9})$/.exec(data);
  if (!m) return undefined;
  const id = Number(m[2]);
  if (id > 2_147_483_647) return undefined;
  return { kind: m[1] === "x" ? "ask" : "confirm", membershipId: id };
}

/** "/moi <mã> bithu thaythe": the invite replaces the branch's secretary. Marks and case are ignored ("thay thế"). */
export function isReplaceWord(word: string | undefined): boolean {
  return word !== undefined && withoutMarks(word).toLowerCase() === "thaythe";
}
