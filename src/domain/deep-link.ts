// The start parameter of a t.me/<bot>?start=<payload> link: a button in a group
// opens the private chat and Telegram sends "/start <payload>" there. The same
// parameter carries invite codes, so the two are told apart here, once:
//
// - a link's payload is one of a few fixed words, the report's with its month
//   ("baocao-2026-11"); none is 22 characters long;
// - an invite code is always 22 characters (16 random bytes in base64url,
//   src/domain/invite.ts), so no code the bot made can read as a link.
//
// The payload is input like any typed text: a forged one ("baocao-2026-13")
// reads as nothing and gets a clear message, never a form for a month that
// does not exist.
import { INVITE_CODE_LENGTH, isWellFormedInviteCode } from "./invite.js";
import { readPeriodValue, type Period } from "./period.js";

export type DeepLink =
  /** The monthly report, for this month when given (the form checks it as a typed one). */
  | { kind: "report"; period?: Period }
  | { kind: "minutes" }
  | { kind: "progress" }
  /** The person's own /trogiup: where a group's button for any other private command leads. */
  | { kind: "help" };

/** Telegram's rule for a start parameter. */
export const START_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

const WORDS = { report: "baocao", minutes: "bienban", progress: "tiendo", help: "trogiup" } as const satisfies Record<DeepLink["kind"], string>;
/** A payload that begins with one of the words, alone or followed by "-". */
const LINK_START = new RegExp(`^(${Object.values(WORDS).join("|")})(-|$)`);

export function deepLinkPayload(link: DeepLink): string {
  if (link.kind === "report" && link.period) return `${WORDS.report}-${link.period.year}-${String(link.period.month).padStart(2, "0")}`;
  return WORDS[link.kind];
}

/** The link a payload stands for; undefined for anything else (an invite code, a forged payload). */
export function readDeepLink(payload: string): DeepLink | undefined {
  if (!START_PAYLOAD.test(payload)) return undefined;
  const report = payload.match(/^baocao-(\d{4})-(\d{2})$/);
  if (report) {
    const period = readPeriodValue(`${report[1]}-${report[2]}`);
    return period === "format" ? undefined : { kind: "report", period };
  }
  for (const [kind, word] of Object.entries(WORDS)) if (payload === word) return { kind } as DeepLink;
  return undefined;
}

/**
 * What "/start <payload>" carries. "invite": a payload of an invite code's length, whatever
 * it starts with. "link": otherwise, one that starts with a link's word, well formed or not
 * (a payload that names no month, "baocao-2026-13", is a bad link, not an invite code).
 * "invite" again for anything else Telegram allows (older or mistyped codes are looked up and
 * not found); "bad" for what Telegram would never send.
 */
export type StartPayload = { kind: "none" } | { kind: "link"; link: DeepLink | undefined } | { kind: "invite"; code: string } | { kind: "bad" };

export function readStartPayload(text: string): StartPayload {
  const payload = text.trim();
  if (!payload) return { kind: "none" };
  if (payload.length !== INVITE_CODE_LENGTH && LINK_START.test(payload)) return { kind: "link", link: readDeepLink(payload) };
  return isWellFormedInviteCode(payload) ? { kind: "invite", code: payload } : { kind: "bad" };
}

export function deepLinkUrl(botUsername: string, link: DeepLink): string {
  return `https://t.me/${botUsername}?start=${deepLinkPayload(link)}`;
}
