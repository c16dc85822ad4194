// The rules of /nghi and /uyquyen: reading the dates, when a delegation is in force,
// who is on duty, who may file, and the role words of /moi.
import { describe, expect, it } from "vitest";
import { Action, filingRefusal, filingUnits, may } from "../../src/domain/access.js";
import { isActive, onDuty, parseAbsence } from "../../src/domain/delegation.js";
import { inviteRole } from "../../src/domain/invite.js";
import { parseMeetingDate } from "../../src/domain/meeting.js";
import { Role, type Actor } from "../../src/domain/roles.js";
import { UnitKind } from "../../src/domain/units.js";

const TZ = "Asia/Ho_Chi_Minh";
/** 3 November 2026, 09:00 in Vietnam (02:00 UTC). */
const NOW = new Date("2026-11-03T09:00:00+07:00");
const at = (iso: string) => new Date(`${iso}T09:00:00+07:00`);

describe("parseAbsence", () => {
  it.each([
    ["01/12/2026 10/12/2026", "2026-12-01", "2026-12-10"],
    ["1/12/2026 10/12/2026", "2026-12-01", "2026-12-10"],
    ["1/12 10/12", "2026-12-01", "2026-12-10"],
    ["1/12 đến 10/12", "2026-12-01", "2026-12-10"],
    ["1/12 - 10/12", "2026-12-01", "2026-12-10"],
    ["1.12.2026 10-12-2026", "2026-12-01", "2026-12-10"],
    // already begun: recorded from its real start
    ["1/11 10/11", "2026-11-01", "2026-11-10"],
    // a single day, today
    ["3/11 3/11", "2026-11-03", "2026-11-03"],
    // across the new year
    ["28/12 5/1", "2026-12-28", "2027-01-05"],
    // the longest allowed: 92 days counting both ends
    ["1/12/2026 2/3/2027", "2026-12-01", "2027-03-02"],
  ])("reads %s on 3/11/2026", (text, startsOn, endsOn) => {
    expect(parseAbsence(text, NOW, TZ)).toEqual({ ok: true, startsOn, endsOn });
  });

  it("reads a date without a year as its next occurrence", () => {
    expect(parseAbsence("2/1 5/1", at("2026-12-28"), TZ)).toEqual({ ok: true, startsOn: "2027-01-02", endsOn: "2027-01-05" });
    // in early January, an absence that began in late December is last year's
    expect(parseAbsence("28/12 5/1", at("2027-01-02"), TZ)).toEqual({ ok: true, startsOn: "2026-12-28", endsOn: "2027-01-05" });
  });

  it.each([
    ["", "format"],
    ["1/12", "format"],
    ["1/12 5/12 9/12", "format"],
    ["mai 5/12", "format"],
    ["2026-12-01 2026-12-10", "format"],
    ["1/12 ngày 10", "format"],
    ["31/11 5/12", "invalid"],
    ["1/12 32/12", "invalid"],
    ["1/13 5/12", "invalid"],
    ["29/2/2027 3/3/2027", "invalid"],
    ["10/12/2026 1/12/2026", "end-before-start"],
    // swapped dates without a year are not read as an absence of almost a year
    ["10/12 1/12", "end-before-start"],
    ["1/10/2026 5/10/2026", "past"],
    ["1/10 2/11", "past"],
    ["1/12/2026 3/3/2027", "too-long"],
    ["1/12/2026 1/12/2027", "too-long"],
  ])("refuses %j: %s", (text, problem) => {
    expect(parseAbsence(text, NOW, TZ)).toEqual({ ok: false, problem });
  });

  it("goes by the day in Vietnam, not on the server", () => {
    // 2 November 23:30 UTC is already 3 November in Vietnam: 2/11 is past there.
    expect(parseAbsence("1/11 2/11", new Date("2026-11-02T23:30:00Z"), TZ)).toEqual({ ok: false, problem: "past" });
    expect(parseAbsence("1/11 2/11", new Date("2026-11-02T16:30:00Z"), TZ)).toEqual({ ok: true, startsOn: "2026-11-01", endsOn: "2026-11-02" });
  });
});

describe("the shared date reading still serves /bienban", () => {
  it("reads d/m of a meeting as this year, or last year when the day is ahead", () => {
    expect(parseMeetingDate("2/11", NOW, TZ)).toBe("2026-11-02");
    expect(parseMeetingDate("20/12", NOW, TZ)).toBe("2025-12-20");
    expect(parseMeetingDate("4/11/2026", NOW, TZ)).toBe("future");
    expect(parseMeetingDate("31/11", NOW, TZ)).toBe("invalid");
  });
});

describe("isActive", () => {
  const d = (startsOn: string, endsOn: string | null, revokedAt: Date | null = null) => ({ startsOn, endsOn, revokedAt });
  it("is in force from its first to its last day, both included", () => {
    expect(isActive(d("2026-12-01", "2026-12-10"), "2026-11-30")).toBe(false);
    expect(isActive(d("2026-12-01", "2026-12-10"), "2026-12-01")).toBe(true);
    expect(isActive(d("2026-12-01", "2026-12-10"), "2026-12-10")).toBe(true);
    expect(isActive(d("2026-12-01", "2026-12-10"), "2026-12-11")).toBe(false);
  });
  it("a hand-over lasts until taken back", () => {
    expect(isActive(d("2026-11-03", null), "2030-01-01")).toBe(true);
    expect(isActive(d("2026-11-03", null, NOW), "2026-11-03")).toBe(false);
    expect(isActive(d("2026-12-01", "2026-12-10", NOW), "2026-12-05")).toBe(false);
  });
});

describe("onDuty", () => {
  const members = [
    { role: Role.SECRETARY, who: 1 },
    { role: Role.DEPUTY, who: 2 },
    { role: Role.DEPUTY, who: 3 },
    { role: Role.DEPUTY, who: 3 },
  ];
  it("is the secretaries normally and the deputies during a delegation", () => {
    expect(onDuty(members, false)).toEqual([1]);
    expect(onDuty(members, true)).toEqual([2, 3]);
  });
  it("falls back to the secretaries when the branch has no deputy", () => {
    expect(onDuty([{ role: Role.SECRETARY, who: 1 }], true)).toEqual([1]);
    expect(onDuty([], true)).toEqual([]);
  });
});

describe("filingUnits", () => {
  const actor: Actor = {
    telegramId: 1,
    isAdmin: false,
    memberships: [
      { unitId: 1, unitCode: "CB-A", unitName: "Chi bộ A", role: Role.SECRETARY },
      { unitId: 2, unitCode: "CB-B", unitName: "Chi bộ B", role: Role.DEPUTY },
      { unitId: 3, unitCode: "CB-C", unitName: "Chi bộ C", role: Role.DEPUTY },
      { unitId: 9, unitCode: "DU", unitName: "Đảng ủy", role: Role.COMMITTEE },
    ],
  };
  it("a secretary always, a deputy only where a delegation is in force", () => {
    const r = filingUnits(actor, new Set([2]));
    expect(r.may.map((m) => m.unitCode)).toEqual(["CB-A", "CB-B"]);
    expect(r.waiting.map((m) => m.unitCode)).toEqual(["CB-C"]);
  });
  it("a secretary keeps the right during a hand-over", () => {
    expect(filingUnits(actor, new Set([1])).may.map((m) => m.unitCode)).toEqual(["CB-A"]);
  });
  it("says why someone may not file for a branch: a deputy waiting for a delegation, or no role there (a committee member included)", () => {
    const delegated = new Set([2]);
    expect([1, 2, 3, 9, 4].map((unitId) => filingRefusal(actor, delegated, unitId))).toEqual([undefined, undefined, "not-delegated", "no-role", "no-role"]);
    expect(filingRefusal({ ...actor, memberships: [] }, delegated, 1)).toBe("no-role");
  });
  it("only a secretary records hand-overs and absences", () => {
    expect([1, 2, 9].map((unitId) => may(actor, Action.DELEGATE, { unitId, ancestors: [], delegated: false }))).toEqual([true, false, false]);
  });
});

describe("inviteRole", () => {
  it("a branch invites its secretary by default, or a deputy", () => {
    expect(inviteRole(UnitKind.BRANCH)).toBe(Role.SECRETARY);
    expect(inviteRole(UnitKind.BRANCH, "bithu")).toBe(Role.SECRETARY);
    expect(inviteRole(UnitKind.BRANCH, "phobithu")).toBe(Role.DEPUTY);
    expect(inviteRole(UnitKind.BRANCH, "PhóBíThư")).toBe(Role.DEPUTY);
  });
  it("a committee invites a committee member", () => {
    expect(inviteRole(UnitKind.COMMITTEE)).toBe(Role.COMMITTEE);
    expect(inviteRole(UnitKind.COMMITTEE, "uyvien")).toBe(Role.COMMITTEE);
    expect(inviteRole(UnitKind.COMMITTEE, "ủyviên")).toBe(Role.COMMITTEE);
  });
  it("refuses a word that does not fit the unit, or no role at all", () => {
    expect(inviteRole(UnitKind.BRANCH, "uyvien")).toBeUndefined();
    expect(inviteRole(UnitKind.COMMITTEE, "bithu")).toBeUndefined();
    expect(inviteRole(UnitKind.COMMITTEE, "phobithu")).toBeUndefined();
    expect(inviteRole(UnitKind.BRANCH, "thuky")).toBeUndefined();
    expect(inviteRole(UnitKind.BRANCH, "toString")).toBeUndefined();
  });
});
