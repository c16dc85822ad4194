// One-time invite codes carried in t.me deep links.
import { createHash, randomBytes } from "node:crypto";
import { Role } from "./roles.js";
import { UnitKind } from "./units.js";
import { withoutMarks } from "./text.js";

export const INVITE_TTL_DAYS = 7;

/** The length of every code newInviteCode makes (and older versions made): what tells a code from a deep link's payload. */
export const INVITE_CODE_LENGTH = 22;

/** 128 random bits; base64url fits Telegram's start parameter alphabet (A-Z a-z 0-9 _ -). */
export function newInviteCode(): string {
  return randomBytes(16).toString("base64url");
}

/**
 * What the database keeps of a code: its SHA-256, so that a copy of the
 * database or a backup opens no branch. No salt and no slow hash: the code is
 * 128 random bits, so there is no list of likely codes to try against the
 * hashes, and looking a code up stays one probe of a unique index.
 */
export function inviteCodeHash(code: string): string {
  return createHash("sha256").update(code, "utf8").digest("hex");
}

/** Telegram allows at most 64 characters from this alphabet in a start parameter. */
export function isWellFormedInviteCode(code: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(code);
}

export function inviteExpiry(createdAt: Date): Date {
  return new Date(createdAt.getTime() + INVITE_TTL_DAYS * 24 * 3600 * 1000);
}

export type InviteState = "valid" | "used" | "expired";

export function inviteState(invite: { usedAt: Date | null; expiresAt: Date }, now: Date): InviteState {
  if (invite.usedAt) return "used";
  if (now.getTime() > invite.expiresAt.getTime()) return "expired";
  return "valid";
}

/** The role words of /moi <mã> [vai trò], per kind of unit; the first is the default. */
export const INVITE_ROLE_WORDS = {
  [UnitKind.BRANCH]: { bithu: Role.SECRETARY, phobithu: Role.DEPUTY },
  [UnitKind.COMMITTEE]: { uyvien: Role.COMMITTEE },
} as const satisfies Record<UnitKind, Record<string, Role>>;

/**
 * The role an invite to a unit of this kind gives: the unit's default without a word, undefined
 * when the word is not one of the kind's. Case and Vietnamese marks are ignored ("PhóBíThư").
 */
export function inviteRole(kind: UnitKind, word?: string): Role | undefined {
  const words: Record<string, Role> = INVITE_ROLE_WORDS[kind];
  if (word === undefined) return Object.values(words)[0];
  const plain = withoutMarks(word).toLowerCase();
  return Object.hasOwn(words, plain) ? words[plain] : undefined;
}
