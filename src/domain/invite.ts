// One-time invite codes carried in t.me deep links.
import { randomBytes } from "node:crypto";

export const INVITE_TTL_DAYS = 7;

/** 128 random bits; base64url fits Telegram's start parameter alphabet (A-Z a-z 0-9 _ -). */
export function newInviteCode(): string {
  return randomBytes(16).toString("base64url");
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
