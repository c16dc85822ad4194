// The start parameter: our links and invite codes told apart, and a forged payload read as nothing.
import { describe, expect, test } from "vitest";
import { deepLinkPayload, deepLinkUrl, readDeepLink, readStartPayload, START_PAYLOAD, type DeepLink } from "../../src/domain/deep-link.js";
import { INVITE_CODE_LENGTH, newInviteCode } from "../../src/domain/invite.js";

const LINKS: DeepLink[] = [
  { kind: "report" },
  { kind: "report", period: { year: 2026, month: 11 } },
  { kind: "report", period: { year: 2026, month: 1 } },
  { kind: "minutes" },
  { kind: "progress" },
  { kind: "help" },
];

describe("deep links", () => {
  test("every link's payload is one Telegram takes, reads back as the same link, and is never an invite code's length", () => {
    for (const link of LINKS) {
      const payload = deepLinkPayload(link);
      expect(payload).toMatch(START_PAYLOAD);
      expect(payload.length).not.toBe(INVITE_CODE_LENGTH);
      expect(readDeepLink(payload)).toEqual(link);
      expect(readStartPayload(payload)).toEqual({ kind: "link", link });
    }
    expect(deepLinkPayload({ kind: "report", period: { year: 2026, month: 1 } })).toBe("baocao-2026-01");
    expect(deepLinkUrl("TroLyBot", { kind: "report", period: { year: 2026, month: 11 } })).toBe("https://t.me/TroLyBot?start=baocao-2026-11");
  });

  test("an invite code the bot makes is always read as an invite, whatever it starts with", () => {
    for (let i = 0; i < 2000; i++) {
      const code = newInviteCode();
      expect(code).toHaveLength(INVITE_CODE_LENGTH);
      expect(readStartPayload(code)).toEqual({ kind: "invite", code });
    }
    // Even one that happens to begin like a link.
    for (const code of ["baocao-2026-11abcdefgh", "trogiup_______________", "tiendo-AAAAAAAAAAAAAAA"]) {
      expect(code).toHaveLength(INVITE_CODE_LENGTH);
      expect(readStartPayload(code)).toEqual({ kind: "invite", code });
    }
  });

  test("a forged or damaged link reads as a bad link, not as a month or an invite", () => {
    for (const payload of ["baocao-2026-13", "baocao-2026-00", "baocao-2026-1", "baocao-26-11", "baocao-", "trogiup-x", "tiendo-CB-QT", "bienban-2026-11"]) {
      expect(readStartPayload(payload), payload).toEqual({ kind: "link", link: undefined });
      expect(readDeepLink(payload), payload).toBeUndefined();
    }
    expect(readDeepLink("BAOCAO")).toBeUndefined();
  });

  test("anything else Telegram allows is looked up as an invite; what it would never send is bad", () => {
    expect(readStartPayload("")).toEqual({ kind: "none" });
    expect(readStartPayload("   ")).toEqual({ kind: "none" });
    expect(readStartPayload("abc")).toEqual({ kind: "invite", code: "abc" });
    expect(readStartPayload("BAOCAO")).toEqual({ kind: "invite", code: "BAOCAO" });
    for (const payload of ["mã có dấu", "a".repeat(65), "abc$def", "baocao 2026"]) expect(readStartPayload(payload), payload).toEqual({ kind: "bad" });
  });
});
